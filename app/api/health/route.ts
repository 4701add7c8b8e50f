import { checkReadiness } from "@/lib/observability/readiness";
import { getDb } from "@/lib/runtime/database";

export const dynamic = "force-dynamic";

/** The readiness probe under its first address (Playwright and the benchmarks wait on it); see ./ready. */
export async function GET() {
  const readiness = await checkReadiness(getDb());
  return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
