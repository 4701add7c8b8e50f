import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { users } from "./schema";

/** A realistic demo holder so a first start shows something real. */
export const DEMO_HOLDER = {
  email: "amara.okafor@demo.tessera.test",
  name: "Amara Okafor",
  profession: "Registered nurse (adult), critical care",
} as const;

export async function seedDemo(db: Database): Promise<{ holderId: string; created: boolean }> {
  const existing = await db.query.users.findFirst({ columns: { id: true }, where: eq(users.email, DEMO_HOLDER.email) });
  if (existing) return { holderId: existing.id, created: false };
  const [row] = await db
    .insert(users)
    .values({ ...DEMO_HOLDER, emailVerified: new Date("2026-01-15T09:00:00Z") })
    .returning({ id: users.id });
  return { holderId: row!.id, created: true };
}
