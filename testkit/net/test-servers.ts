// Test scaffolding for lib/net: loopback servers the tests start themselves, and fake resolvers.
import http from "node:http";
import net from "node:net";
import type { LookupFn, ResolvedAddress } from "@/lib/net/resolve";

export interface TestServer {
  port: number;
  origin: string;
  /** TCP connections accepted so far. */
  connections(): number;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** An HTTP server on 127.0.0.1 with a random port that counts connections. */
export async function startHttpServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<TestServer> {
  let count = 0;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    handler(req, res);
  });
  server.on("connection", () => count++);
  const port = await listen(server);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    connections: () => count,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface DocumentServer extends TestServer {
  /** Serves `body` as JSON at `path` (e.g. "/.well-known/jwt-vc-issuer/tenant/7"), or with another status. */
  serve(path: string, body: unknown, status?: number): void;
}

/**
 * A loopback "issuer" serving JSON documents by path; anything else is 404. Its origin plays a
 * public issuer through the guarded fetcher's test-only loopback allowance.
 */
export async function startDocumentServer(): Promise<DocumentServer> {
  const documents = new Map<string, { body: string; status: number }>();
  const server = await startHttpServer((req, res) => {
    const doc = documents.get(new URL(req.url ?? "/", "http://loopback").pathname);
    res.writeHead(doc?.status ?? 404, { "content-type": "application/json" });
    res.end(doc?.body ?? '{"error":"not found"}');
  });
  return {
    ...server,
    serve: (path, body, status = 200) => documents.set(path, { body: JSON.stringify(body), status }),
  };
}

/** The "internal" target: any connection to it means a guard failed. */
export function startCanary(): Promise<TestServer> {
  return startHttpServer((_req, res) => res.end("canary: internal service"));
}

/** Accepts connections and never answers. */
export async function startSilentServer(): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    connections: () => sockets.size,
    requests: [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function family(address: string): 4 | 6 {
  return net.isIP(address) === 6 ? 6 : 4;
}

/** A resolver from a fixed table; unknown names fail like ENOTFOUND. Records every call. */
export function tableLookup(table: Record<string, string[]>): { lookup: LookupFn; calls: string[] } {
  const calls: string[] = [];
  const lookup: LookupFn = async (hostname) => {
    calls.push(hostname);
    const answers = table[hostname];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return answers.map((address): ResolvedAddress => ({ address, family: family(address) }));
  };
  return { lookup, calls };
}

/** Answers each call with the next list (the last one repeats): a DNS-rebinding resolver. */
export function sequenceLookup(answers: string[][]): { lookup: LookupFn; calls: string[] } {
  const calls: string[] = [];
  const lookup: LookupFn = async (hostname) => {
    calls.push(hostname);
    const list = answers[Math.min(calls.length, answers.length) - 1] ?? [];
    return list.map((address) => ({ address, family: family(address) }));
  };
  return { lookup, calls };
}

/** Tracks the longest gap between 10 ms ticks, i.e. how long the event loop was blocked. */
export function watchEventLoop(): () => number {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  return () => {
    clearInterval(timer);
    return worst;
  };
}
