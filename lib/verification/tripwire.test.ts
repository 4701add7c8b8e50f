/**
 * docs/threat-model.md E5: every remote lookup the engine makes goes through the injected guarded fetcher.
 * A global undici MockAgent with net connect disabled, plus spies on fetch, net/tls connect and
 * DNS, record any attempt to reach the network by another route; each path is run and must
 * leave them untouched, with every URL it needed visible in the injected fetcher's log.
 */
import dns from "node:dns";
import net from "node:net";
import tls from "node:tls";
import { SignJWT } from "jose";
import { MockAgent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as T from "@/test-issuer";
import {
  NOW,
  deps,
  didWebIssuer,
  diInput,
  jadesInput,
  jwtInput,
  ob2HostedInput,
  ob2SignedInput,
} from "@/testkit/verification/helpers";
import type { VerifyInput } from "./types";
import { verifyCredential } from "./verify";

const network = { fetch: vi.fn(), connect: vi.fn(), lookup: vi.fn() };
let previous: Dispatcher;
const mock = new MockAgent();

beforeAll(() => {
  previous = getGlobalDispatcher();
  mock.disableNetConnect();
  setGlobalDispatcher(mock);
  const refuse =
    (spy: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      spy(...args);
      throw new Error("network disabled in tests");
    };
  vi.spyOn(globalThis, "fetch").mockImplementation(refuse(network.fetch) as typeof fetch);
  vi.spyOn(net, "connect").mockImplementation(refuse(network.connect) as unknown as typeof net.connect);
  vi.spyOn(net, "createConnection").mockImplementation(
    refuse(network.connect) as unknown as typeof net.createConnection,
  );
  vi.spyOn(tls, "connect").mockImplementation(refuse(network.connect) as unknown as typeof tls.connect);
  vi.spyOn(dns, "lookup").mockImplementation(refuse(network.lookup) as unknown as typeof dns.lookup);
  vi.spyOn(dns.promises, "lookup").mockImplementation(refuse(network.lookup) as unknown as typeof dns.promises.lookup);
});

afterAll(async () => {
  setGlobalDispatcher(previous);
  vi.restoreAllMocks();
  await mock.close();
});

const OB_EXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
const CANARY = "https://canary.example";

async function paths(): Promise<Array<[string, VerifyInput, Record<string, unknown>]>> {
  const [ed, attacker, web, rsa] = await Promise.all([
    T.createEd25519Issuer(),
    T.createEd25519Issuer(),
    didWebIssuer(),
    T.createRsaKey(),
  ]);
  const list = await T.createStatusList(ed, { url: `${CANARY}/status`, setIndexes: [5], now: NOW });
  const sl2021 = await T.createStatusList(ed, { url: `${CANARY}/sl2021`, type: "StatusList2021", now: NOW });
  const lists = {
    [list.url]: list.credential,
    [sl2021.url]: sl2021.credential,
    [`${CANARY}/1edtech`]: { revokedCredentials: [] },
  };
  // Links the engine must never follow: JSON Schema, refresh service, achievement image.
  const unsigned = {
    ...T.buildOpenBadgeCredential(ed.did, {
      now: NOW,
      extraContexts: [OB_EXT],
      status: [list.entry(1), { id: `${CANARY}/1edtech`, type: "1EdTechRevocationList" }],
    }),
    credentialSchema: [{ id: `${CANARY}/schema.json`, type: "1EdTechJsonSchemaValidator2019" }],
    refreshService: { id: `${CANARY}/refresh`, type: "1EdTechCredentialRefresh" },
  };
  const linky = await T.signCredential(unsigned, ed, { now: NOW });
  const hosted = T.createOb2Hosted({ now: NOW });
  const signed = await T.createOb2Signed(rsa, { now: NOW, origin: "https://signed.issuer.test" });
  const edc = await T.issueEdc({ now: NOW });
  const jwtAttack = await new SignJWT(T.buildOpenBadgeCredential(ed.did, { now: NOW }))
    .setProtectedHeader({ alg: "EdDSA", jku: `${CANARY}/jwks`, x5u: `${CANARY}/x5u`, kid: `${CANARY}/key` })
    .sign(attacker.privateKey);
  return [
    ["data integrity, did:key, status list + 1EdTech list", diInput(linky), lists],
    [
      "data integrity, did:web",
      diInput(await T.signCredential(T.buildOpenBadgeCredential(web.did, { now: NOW }), web, { now: NOW })),
      { [web.didDocumentUrl]: web.didDocument },
    ],
    [
      "StatusList2021 entry",
      diInput(await T.issueOpenBadgeEd25519Signature2020(ed, { now: NOW, status: sl2021.entry(3) })),
      lists,
    ],
    ["VC-JWT did:key", jwtInput(await T.issueOpenBadgeJwt(ed, { now: NOW })), {}],
    [
      "VC-JWT did:web RS256",
      jwtInput(await T.issueOpenBadgeJwt(rsa, { now: NOW })),
      { "https://issuer.test/.well-known/did.json": rsa.didDocument },
    ],
    ["VC-JWT with jku/x5u/kid URLs", jwtInput(jwtAttack), {}],
    ["OB 2.0 hosted", ob2HostedInput(hosted.assertion), hosted.documents],
    ["OB 2.0 signed", ob2SignedInput(signed.jws), signed.documents],
    ["EDC JAdES", jadesInput(edc.jades), {}],
    ["unknown context", diInput(T.tamper(linky, "@context[2]", `${CANARY}/context.jsonld`)), lists],
  ];
}

describe("docs/threat-model.md E5: network tripwire", () => {
  it("no path reaches the network except through the injected fetcher", async () => {
    const cases = await paths();
    for (const [label, input, documents] of cases) {
      // Run each path twice: once with its documents served, once with nothing reachable.
      for (const docs of [documents, {}]) {
        const d = deps(docs);
        const result = await verifyCredential(input, d);
        expect(result.checks.length, label).toBeGreaterThan(0);
        // With its documents served every path but the refused context completes ("EDC" stays unknown: no trusted list).
        if (docs === documents && !/context|EDC|jku/.test(label)) expect(result.verdict, label).toBe("verified");
        expect(
          d.net.calls.every((url) => url.startsWith("https://")),
          label,
        ).toBe(true);
        expect(
          d.net.calls.some((url) => /refresh|schema|image\.png|jwks|x5u|context\.jsonld|\/key$/.test(url)),
          `${label}: ${d.net.calls.join(" ")}`,
        ).toBe(false);
      }
    }
    expect(network.fetch).not.toHaveBeenCalled();
    expect(network.connect).not.toHaveBeenCalled();
    expect(network.lookup).not.toHaveBeenCalled();
  });
});
