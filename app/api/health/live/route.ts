export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers HTTP. It asks nothing of the database, so a database outage marks
 * every instance unready (/api/health/ready) without getting them all restarted.
 */
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
