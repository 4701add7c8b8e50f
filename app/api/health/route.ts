import { sql } from "drizzle-orm";
import { getDb } from "@/lib/runtime/database";

export const dynamic = "force-dynamic";

/** Readiness probe for Playwright and deployments: answers only when the database does. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
