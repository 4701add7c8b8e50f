import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { users } from "./schema";

/** A realistic demo holder so a first start shows something real. */
export const DEMO_HOLDER = {
  email: "amara.okafor@demo.tessera.test",
  name: "Amara Okafor",
  profession: "Registered nurse (adult), critical care",
} as const;

export async function seedDemo(
  db: Database,
  {
    withCredentials = false,
    documentsBundle,
  }: {
    withCredentials?: boolean;
    /** Where to write what the demo issuers host, for TESSERA_DOCUMENTS (db/seed-demo-documents.ts). */
    documentsBundle?: string;
  } = {},
): Promise<{ holderId: string; created: boolean; credentials: number; renewalCycle: boolean }> {
  const existing = await db.query.users.findFirst({ columns: { id: true }, where: eq(users.email, DEMO_HOLDER.email) });
  const holderId =
    existing?.id ??
    (
      await db
        .insert(users)
        .values({ ...DEMO_HOLDER, emailVerified: new Date("2026-01-15T09:00:00Z") })
        .returning({ id: users.id })
    )[0]!.id;
  // Signing and verifying needs the credential stack, loaded only when asked for.
  const imported = withCredentials
    ? await (
        await import("./seed-demo-credentials")
      ).seedDemoCredentials(db, { id: holderId, email: DEMO_HOLDER.email, name: DEMO_HOLDER.name }, { documentsBundle })
    : 0;
  const renewalCycle = withCredentials
    ? await (await import("./seed-demo-renewal")).seedDemoRenewal(db, holderId)
    : false;
  return { holderId, created: !existing, credentials: imported, renewalCycle };
}
