/**
 * Protocol requests (POST) through the guarded fetcher: the same address checks as a GET, a small
 * body, only the protocol headers Tessera sets, no redirect followed, and 4xx answers handed back
 * only when the caller reads protocol errors (OAuth / OpenID4VCI error bodies).
 */
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCanary, startHttpServer, type TestServer } from "@/testkit/net/test-servers";
import { FetchRefusedError } from "./errors";
import { createGuardedFetch } from "./guarded-fetch";

let server: TestServer;
let canary: TestServer;
const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  canary = await startCanary();
  server = await startHttpServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body });
      if (req.url === "/redirect") {
        res.writeHead(307, { location: `${canary.origin}/` }).end();
      } else if (req.url === "/bad") {
        res.writeHead(400, { "content-type": "application/json" }).end('{"error":"invalid_grant"}');
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end('{"access_token":"t"}');
      }
    });
  });
});
afterAll(async () => {
  await Promise.all([server.close(), canary.close()]);
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a refusal"),
    (error: unknown) => error as FetchRefusedError,
  );

describe("guarded POST", () => {
  const fetch = () => createGuardedFetch({ allowLoopbackPlainHttp: { port: server.port } });

  it("sends the body with its type and only the protocol headers", async () => {
    const response = await fetch()(`${server.origin}/token`, {
      method: "POST",
      body: { contentType: "application/x-www-form-urlencoded", text: "grant_type=x" },
      headers: { authorization: "DPoP abc", dpop: "proof" },
      accept: "application/json",
    });
    expect(response.json()).toEqual({ access_token: "t" });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: "POST", body: "grant_type=x" });
    expect(last.headers).toMatchObject({
      "content-type": "application/x-www-form-urlencoded",
      authorization: "DPoP abc",
      dpop: "proof",
    });
  });

  it("a 400 is refused, unless the caller reads protocol errors", async () => {
    const body = { contentType: "application/json", text: "{}" };
    expect((await refusal(fetch()(`${server.origin}/bad`, { method: "POST", body }))).reason).toBe("http_status");
    const answer = await fetch()(`${server.origin}/bad`, { method: "POST", body, acceptClientErrors: true });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ error: "invalid_grant" });
  });

  it("never follows a redirect with the body", async () => {
    const before = canary.connections();
    const error = await refusal(
      fetch()(`${server.origin}/redirect`, { method: "POST", body: { contentType: "text/plain", text: "x" } }),
    );
    expect(error.reason).toBe("redirect");
    expect(canary.connections()).toBe(before);
  });

  it("refuses a private address and an oversized body before connecting", async () => {
    const before = canary.connections();
    const guarded = createGuardedFetch();
    const body = { contentType: "text/plain", text: "x" };
    expect((await refusal(guarded(`http://127.0.0.1:${canary.port}/`, { method: "POST", body }))).reason).toBe(
      "scheme",
    );
    expect((await refusal(guarded("https://10.0.0.1/", { method: "POST", body }))).reason).toBe("private_address");
    const huge = { contentType: "text/plain", text: "x".repeat(70_000) };
    expect((await refusal(fetch()(`${server.origin}/token`, { method: "POST", body: huge }))).reason).toBe("method");
    expect(canary.connections()).toBe(before);
  });
});
