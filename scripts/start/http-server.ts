/**
 * Tessera's production HTTP server: Next's request handler behind a Node HTTP server we own.
 *
 *   tsx scripts/start/http-server.ts [-H HOST]      (PORT from the environment, default 3000)
 *
 * `npm start` runs it after the start checks and migrations (scripts/serve.ts). Owning the
 * server gives us two things `next start` does not:
 * - the socket's address on every request (PEER_ADDRESS_HEADER, overwriting any value a client
 *   sent), so per-client rate limits never trust a visitor's own X-Forwarded-For
 *   (lib/auth/client-ip.ts);
 * - a shutdown we control: on SIGTERM readiness fails, we stop accepting requests and claiming
 *   background jobs, let requests and jobs in flight finish within the grace period (unfinished
 *   jobs are given back to the queue), then close Next and exit;
 * - one JSON log line per request (pino: request id, route group, status, time; never the path,
 *   the address or a header) and the request metrics (lib/observability, ADR 0032). The request id
 *   is the load balancer's X-Request-Id when it sent one, else new; it is answered in X-Request-Id.
 *
 * The configuration is the one `next build` serialized (.next/required-server-files.json), so
 * the server never compiles next.config.ts at run time.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import crypto from "node:crypto";
import next from "next";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { drain } from "@/lib/observability/lifecycle";
import { logger } from "@/lib/observability/logger";
import { observeRequest } from "@/lib/observability/metrics";
import { requestIdFrom, runWithRequestId } from "@/lib/observability/request-context";
import { routeGroupOf } from "@/lib/observability/route-group";

const GRACE_MS = 10_000;

function hostnameFrom(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-H" || arg === "--hostname") return argv[i + 1];
    const inline = /^--hostname=(.+)$/.exec(arg);
    if (inline) return inline[1];
  }
  return undefined;
}

/** Stamps the socket's address, replacing whatever a client claimed under our header's name. */
function stampPeerAddress(request: http.IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
}

async function main(): Promise<void> {
  const dir = process.cwd();
  const port = Number(process.env.PORT ?? 3000);
  const hostname = hostnameFrom(process.argv.slice(2));
  const serialized = JSON.parse(fs.readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")) as {
    config: Record<string, unknown>;
  };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(serialized.config);

  const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const log = logger();
  const server = http.createServer((request, response) => {
    stampPeerAddress(request);
    const requestId = requestIdFrom(request.headers["x-request-id"], () => crypto.randomUUID());
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    // The route group, never the path: paths carry share tokens and holders' ids.
    const group = routeGroupOf(request.url);
    response.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      observeRequest(group, request.method ?? "OTHER", response.statusCode, seconds);
      if (group !== "static" && group !== "health")
        log.info(
          { requestId, group, method: request.method, status: response.statusCode, ms: Math.round(seconds * 1000) },
          "request",
        );
    });
    runWithRequestId(requestId, () => void handle(request, response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  log.info({ port, hostname: hostname ?? "all interfaces" }, "listening");

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(
      { signal, graceSeconds: GRACE_MS / 1000 },
      "stopping: no new connections or jobs; finishing requests and jobs in flight",
    );
    // Readiness fails at once; background jobs stop being claimed and get the grace period to
    // finish or be given back; pending share-view counts are written (lib/observability/lifecycle).
    const drained = drain((name, error) => log.error({ err: error, part: name }, "could not stop cleanly"));
    const deadline = setTimeout(() => server.closeAllConnections(), GRACE_MS);
    deadline.unref();
    // Whatever still hangs (a database that stopped answering) does not keep the process alive.
    setTimeout(() => process.exit(1), GRACE_MS + 5_000).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    void Promise.all([closed, drained]).then(() => {
      clearTimeout(deadline);
      void app.close().finally(() => process.exit(0));
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, "the server could not start");
  process.exit(1);
});
