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
 * - a shutdown we control: on SIGTERM stop accepting, let requests in flight finish within the
 *   grace period, then close Next and exit.
 *
 * The configuration is the one `next build` serialized (.next/required-server-files.json), so
 * the server never compiles next.config.ts at run time.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";

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
  const server = http.createServer((request, response) => {
    stampPeerAddress(request);
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`[tessera] listening on ${hostname ?? "all interfaces"}, port ${port} (process ${process.pid})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[tessera] ${signal}: no new connections; finishing requests in flight (at most ${GRACE_MS / 1000} s)`);
    const deadline = setTimeout(() => server.closeAllConnections(), GRACE_MS);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      void app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
