/**
 * Issuers that answer badly (docs/formats/openid4vci.md#what-is-refused-with-a-message-before-anything-is-stored):
 * a web page instead of metadata, an answer that never comes, one far too large, and a redirect to
 * a private address. Each is refused with a message people understand; the canary proves no request
 * reached a private address.
 */
import { setGlobalConfig } from "@openid4vc/openid4vci";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createGuardedFetch } from "@/lib/net";
import { startCanary, startHttpServer, type TestServer } from "@/testkit/net/test-servers";
import { resolveOffer } from "./offer";

let server: TestServer;
let canary: TestServer;

beforeAll(async () => {
  setGlobalConfig({ allowInsecureUrls: true });
  canary = await startCanary();
  server = await startHttpServer((req, res) => {
    const path = (req.url ?? "").split("?")[0]!;
    if (path.startsWith("/html/"))
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><p>Welcome</p>");
    else if (path.startsWith("/huge/"))
      res.writeHead(200, { "content-type": "application/json" }).end(`{"pad":"${"x".repeat(6_000_000)}"}`);
    else if (path.startsWith("/redirect/")) res.writeHead(302, { location: `http://127.0.0.1:${canary.port}/` }).end();
    else if (path.startsWith("/slow/")) setTimeout(() => res.end("{}"), 5_000);
    else res.writeHead(404).end();
  });
});
afterAll(async () => {
  setGlobalConfig({ allowInsecureUrls: false });
  await Promise.all([server.close(), canary.close()]);
});

const offerFor = (issuer: string) =>
  `openid-credential-offer://?credential_offer=${encodeURIComponent(
    JSON.stringify({
      credential_issuer: issuer,
      credential_configuration_ids: ["a"],
      grants: { "urn:ietf:params:oauth:grant-type:pre-authorized_code": { "pre-authorized_code": "c" } },
    }),
  )}`;

// Only the slow issuer gets a short budget, so a loaded test machine cannot turn the others into timeouts.
const refusal = (issuerPath: string) =>
  resolveOffer(
    offerFor(`${server.origin}${issuerPath}`),
    createGuardedFetch({
      allowLoopbackPlainHttp: { port: server.port },
      timeoutMs: issuerPath.startsWith("/slow/") ? 500 : 5_000,
    }),
  ).then(
    () => expect.fail("expected a refusal"),
    (error: Error) => error.message,
  );

it.each([
  ["/html/issuer", /metadata\) is missing, is not for the issuer named in the offer, or cannot be read/],
  ["/huge/issuer", /^Tessera could not get what it needs from the issuer: The answer is larger than 5 MB/],
  ["/slow/issuer", /^Tessera could not get what it needs from the issuer: The server took longer than 0.5 s/],
  ["/redirect/issuer", /^Tessera could not get what it needs from the issuer: /],
])("an issuer at %s is refused with a message", async (path, message) => {
  expect(await refusal(path)).toMatch(message);
  expect(canary.connections()).toBe(0);
});
