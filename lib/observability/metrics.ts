import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { remember } from "@/lib/runtime/remember";
import type { RouteGroup } from "./route-group";

/**
 * The process's Prometheus metrics (prom-client), made once per process (remember) so our HTTP
 * server and every Next bundle count into the same registry. Labels are small closed sets (route
 * groups, verdicts): never a path, token or id.
 */
function create() {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_pid: String(process.pid) });
  return {
    registry,
    requests: new Counter({
      name: "tessera_http_requests_total",
      help: "HTTP requests answered, by route group, method and status class",
      labelNames: ["group", "method", "status"] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: "tessera_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route group",
      labelNames: ["group"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    verifications: new Counter({
      name: "tessera_verifications_total",
      help: "Credentials verified, by where the check ran and its verdict",
      labelNames: ["source", "verdict"] as const,
      registers: [registry],
    }),
    shareViews: new Counter({
      name: "tessera_share_views_total",
      help: "Share page views counted",
      registers: [registry],
    }),
    jobDepth: new Gauge({
      name: "tessera_jobs_waiting",
      help: "Background jobs queued or running, by kind (read from the database at scrape time)",
      labelNames: ["kind", "status"] as const,
      registers: [registry],
    }),
    jobAge: new Gauge({
      name: "tessera_jobs_oldest_age_seconds",
      help: "Age of the oldest job not finished, by kind (0 when none)",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
  };
}

export const metrics = () => remember("metrics", create);

export function observeRequest(group: RouteGroup, method: string, status: number, seconds: number): void {
  const m = metrics();
  m.requests.inc({
    group,
    method: /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method) ? method : "OTHER",
    status: `${Math.floor(status / 100)}xx`,
  });
  m.latency.observe({ group }, seconds);
}

export type VerificationSource = "import" | "stored" | "public";

export function countVerification(source: VerificationSource, verdict: string): void {
  metrics().verifications.inc({ source, verdict });
}

export function countShareViewMetric(): void {
  metrics().shareViews.inc();
}
