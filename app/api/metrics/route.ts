import { env } from "@/lib/env";
import { hasBearerToken } from "@/lib/observability/bearer";
import { refreshJobGauges } from "@/lib/observability/job-gauges";
import { metrics } from "@/lib/observability/metrics";
import { getDb } from "@/lib/runtime/database";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics of this instance (request counts and latency by route group, verification
 * outcomes, share views) and of the shared job queue. Only with METRICS_TOKEN set, and only for a
 * scraper that sends it as a bearer token; otherwise it looks like any unknown address.
 */
export async function GET(request: Request) {
  const token = env.metricsToken;
  if (!token) return new Response("Not found", { status: 404 });
  if (!hasBearerToken(request.headers.get("authorization"), token))
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  await refreshJobGauges(getDb()).catch(() => undefined);
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
