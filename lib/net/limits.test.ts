import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchRefusedError } from "./errors";
import { createGuardedFetch } from "./guarded-fetch";
import { startHttpServer, startSilentServer, watchEventLoop, type TestServer } from "@/testkit/net/test-servers";

let server: TestServer;
let silent: TestServer;
const sent = { huge: 0, declared: 0 };
const timers = new Set<NodeJS.Timeout>();
// 20 gzip members of 10 MB of zeros: ~200 KB on the wire, 200 MB unpacked.
const bomb = Buffer.concat(Array.from({ length: 20 }, () => gzipSync(Buffer.alloc(10_000_000))));

beforeAll(async () => {
  silent = await startSilentServer();
  server = await startHttpServer((req, res) => {
    if (req.url === "/trickle") {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write(" "), 100);
      timers.add(timer);
      res.on("close", () => clearInterval(timer));
    } else if (req.url === "/huge") {
      // 100 MB produced lazily, one reused 64 KB chunk at a time, honouring backpressure.
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      res.writeHead(200, { "content-type": "application/octet-stream" });
      sent.huge = 0;
      const pump = () => {
        while (sent.huge < 100_000_000 && !res.destroyed) {
          sent.huge += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    } else if (req.url === "/declared") {
      res.writeHead(200, { "content-length": String(100_000_000) });
      res.write("x".repeat(1000));
      sent.declared += 1000;
    } else if (req.url === "/bomb") {
      res.writeHead(200, { "content-encoding": "gzip", "content-length": String(bomb.length) }).end(bomb);
    } else if (req.url === "/corrupt-gzip") {
      res.writeHead(200, { "content-encoding": "gzip" }).end("this is not gzip");
    } else if (req.url === "/compress") {
      res.writeHead(200, { "content-encoding": "compress" }).end("x");
    } else if (req.url === "/small-gzip") {
      res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(JSON.stringify({ ok: true })));
    } else {
      res.writeHead(404).end();
    }
  });
});
afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  await server.close();
  await silent.close();
});

async function refusal(promise: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await promise.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
}

const fetcherFor = (port: number, timeoutMs = 5_000) =>
  createGuardedFetch({ allowLoopbackPlainHttp: { port }, timeoutMs });

describe("E4: slow and huge answers", () => {
  it("a trickling server hits the time cap with a clear message", async () => {
    const started = performance.now();
    const error = await refusal(fetcherFor(server.port, 500)(`${server.origin}/trickle`));
    const elapsed = performance.now() - started;
    expect(error.reason).toBe("timeout");
    expect(error.message).toBe("The server took longer than 0.5 s to answer, so Tessera stopped waiting.");
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("a server that never answers hits the time cap", async () => {
    const started = performance.now();
    const error = await refusal(fetcherFor(silent.port, 500)(`${silent.origin}/`));
    expect(error.reason).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("a 100 MB body is cut off at the 5 MB cap without blocking the event loop", async () => {
    const lag = watchEventLoop();
    const error = await refusal(fetcherFor(server.port)(`${server.origin}/huge`));
    expect(lag()).toBeLessThan(200);
    expect(error.reason).toBe("too_large");
    expect(error.message).toBe("The answer is larger than 5 MB, so Tessera stopped downloading it.");
    expect(sent.huge).toBeLessThan(30_000_000);
  });

  it("a Content-Length over the cap is refused before the body is read", async () => {
    const error = await refusal(fetcherFor(server.port)(`${server.origin}/declared`));
    expect(error.reason).toBe("too_large");
    expect(sent.declared).toBe(1000);
  });

  it("a gzip bomb is refused at the unpacked cap, with the event loop responsive", async () => {
    const lag = watchEventLoop();
    const error = await refusal(fetcherFor(server.port)(`${server.origin}/bomb`));
    expect(lag()).toBeLessThan(200);
    expect(error.reason).toBe("decompression");
    expect(error.message).toBe("The answer unpacks to more than 5 MB, so Tessera refused it.");
  });

  it("corrupt or unknown compression is refused; honest gzip still works", async () => {
    const guardedFetch = fetcherFor(server.port);
    expect((await refusal(guardedFetch(`${server.origin}/corrupt-gzip`))).reason).toBe("decompression");
    expect((await refusal(guardedFetch(`${server.origin}/compress`))).reason).toBe("decompression");
    expect((await guardedFetch(`${server.origin}/small-gzip`)).json()).toEqual({ ok: true });
  });

  it("a smaller cap is honoured", async () => {
    const guardedFetch = createGuardedFetch({ allowLoopbackPlainHttp: { port: server.port }, maxBytes: 100_000 });
    expect((await refusal(guardedFetch(`${server.origin}/huge`))).message).toContain("larger than 0.1 MB");
  });
});
