import { checkReadiness } from "@/lib/observability/readiness";
import { getDb } from "@/lib/runtime/database";

export const dynamic = "force-dynamic";

/** Readiness: 200 when this instance should get traffic, 503 with the failing check otherwise. */
export async function GET() {
  const readiness = await checkReadiness(getDb());
  return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
