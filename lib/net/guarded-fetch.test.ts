import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchRefusedError } from "./errors";
import { createGuardedFetch, type FetchLike } from "./guarded-fetch";
import { startHttpServer, tableLookup, type TestServer } from "@/testkit/net/test-servers";

let issuer: TestServer;
let lastHeaders: IncomingHttpHeaders = {};

beforeAll(async () => {
  issuer = await startHttpServer((req, res) => {
    lastHeaders = req.headers;
    if (req.url === "/badge.json") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"type":"Assertion","id":"urn:x"}');
    } else if (req.url === "/moved") {
      res.writeHead(301, { location: "/badge.json" }).end();
    } else if (req.url === "/polluted.json") {
      res.end('{"a":1,"__proto__":{"polluted":true}}');
    } else if (req.url === "/constructor.json") {
      res.end('{"constructor":{"prototype":{"polluted":true}}}');
    } else {
      res.writeHead(404).end("not here");
    }
  });
});
afterAll(() => issuer.close());

async function refusal(promise: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await promise.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
}

describe("happy path over the loopback allowance", () => {
  const { lookup, calls } = tableLookup({});
  const fetcher = () => createGuardedFetch({ lookup, allowLoopbackPlainHttp: { port: issuer.port } });

  it("returns status, headers, body and the final URL", async () => {
    const response = await fetcher()(`${issuer.origin}/moved`);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${issuer.origin}/badge.json`);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.text()).toBe('{"type":"Assertion","id":"urn:x"}');
    expect(response.json()).toEqual({ type: "Assertion", id: "urn:x" });
    expect(response.body).toBeInstanceOf(Uint8Array);
    expect(lastHeaders["accept-encoding"]).toBe("identity");
  });

  it("keeps the host name in the Host header and never asks DNS for the allowed loopback", async () => {
    const response = await fetcher()(`http://localhost:${issuer.port}/badge.json`, { accept: "application/ld+json" });
    expect(response.status).toBe(200);
    expect(lastHeaders.host).toBe(`localhost:${issuer.port}`);
    expect(lastHeaders.accept).toBe("application/ld+json");
    expect(calls).toEqual([]);
  });

  it("HEAD returns headers only", async () => {
    const response = await fetcher()(`${issuer.origin}/badge.json`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.body.byteLength).toBe(0);
  });

  it("refuses JSON with __proto__ or constructor.prototype keys", async () => {
    for (const path of ["/polluted.json", "/constructor.json"]) {
      const response = await fetcher()(`${issuer.origin}${path}`);
      expect(() => response.json()).toThrow(FetchRefusedError);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it("a non-2xx answer is a refusal carrying the status", async () => {
    const error = await refusal(fetcher()(`${issuer.origin}/missing`));
    expect(error.reason).toBe("http_status");
    expect(error.status).toBe(404);
    expect(error.message).toBe("The server answered with status 404 instead of the document.");
  });

  it("a caller's abort signal cancels the request", async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await refusal(fetcher()(`${issuer.origin}/badge.json`, { signal: controller.signal }))).reason).toBe(
      "aborted",
    );
  });
});

describe("offline document bundle", () => {
  it("answers from the bundle before any lookup or connection", async () => {
    const { lookup, calls } = tableLookup({});
    const guardedFetch = createGuardedFetch({
      lookup,
      documents: new Map<string, string | Uint8Array>([
        ["https://issuer.test/badge.json", '{"name":"Offline"}'],
        ["https://issuer.test/logo.png", new Uint8Array([137, 80, 78, 71])],
      ]),
    });
    const before = issuer.connections();
    const response = await guardedFetch("https://ISSUER.test/badge.json");
    expect(response).toMatchObject({ url: "https://issuer.test/badge.json", status: 200 });
    expect(response.json()).toEqual({ name: "Offline" });
    expect((await guardedFetch("https://issuer.test/logo.png")).body).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect((await refusal(guardedFetch("https://issuer.test/other.json"))).reason).toBe("dns");
    expect(calls).toEqual(["issuer.test"]);
    expect(issuer.connections()).toBe(before);
  });
});

describe("TTL cache", () => {
  it("serves a second GET from memory until the TTL passes", async () => {
    let now = 1_000;
    const guardedFetch: FetchLike = createGuardedFetch({
      allowLoopbackPlainHttp: { port: issuer.port },
      cacheTtlMs: 60_000,
      now: () => now,
    });
    const url = `${issuer.origin}/badge.json`;
    const before = issuer.connections();
    const first = await guardedFetch(url);
    first.body.fill(0); // a caller scribbling on its copy must not poison the cache
    const second = await guardedFetch(url);
    expect(issuer.connections()).toBe(before + 1);
    expect(second.json()).toEqual({ type: "Assertion", id: "urn:x" });

    now += 60_001;
    await guardedFetch(url);
    expect(issuer.connections()).toBe(before + 2);
  });

  it("does not cache failures", async () => {
    const guardedFetch = createGuardedFetch({ allowLoopbackPlainHttp: { port: issuer.port }, cacheTtlMs: 60_000 });
    const before = issuer.requests.length;
    await refusal(guardedFetch(`${issuer.origin}/missing`));
    await refusal(guardedFetch(`${issuer.origin}/missing`));
    expect(issuer.requests.length).toBe(before + 2);
  });
});
