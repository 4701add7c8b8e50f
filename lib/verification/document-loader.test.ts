import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import jsonld from "jsonld";
import dns from "node:dns";
import net from "node:net";
import { MockAgent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CONTEXTS } from "./contexts";
import {
  DocumentRefusedError,
  createDocumentLoader,
  installOfflineDefaultLoader,
  isOfflineDefaultLoaderInstalled,
} from "./document-loader";

let previousDispatcher: Dispatcher;
const network = { fetch: vi.fn(), connect: vi.fn(), lookup: vi.fn() };

beforeAll(() => {
  previousDispatcher = getGlobalDispatcher();
  const agent = new MockAgent();
  agent.disableNetConnect();
  setGlobalDispatcher(agent);
  // Belt and braces: any attempt to reach the network is recorded, whatever client makes it.
  vi.spyOn(globalThis, "fetch").mockImplementation(async (...args) => {
    network.fetch(...args);
    throw new Error("network disabled in tests");
  });
  vi.spyOn(net, "connect").mockImplementation(((...args: unknown[]) => {
    network.connect(...args);
    throw new Error("network disabled in tests");
  }) as unknown as typeof net.connect);
  vi.spyOn(dns, "lookup").mockImplementation(((...args: unknown[]) => {
    network.lookup(...args);
    throw new Error("network disabled in tests");
  }) as unknown as typeof dns.lookup);
});

afterAll(() => {
  setGlobalDispatcher(previousDispatcher);
  vi.restoreAllMocks();
});

beforeEach(() => {
  network.fetch.mockClear();
  network.connect.mockClear();
  network.lookup.mockClear();
});

function expectNoNetwork(): void {
  expect(network.fetch).not.toHaveBeenCalled();
  expect(network.connect).not.toHaveBeenCalled();
  expect(network.lookup).not.toHaveBeenCalled();
}

async function refusal(promise: Promise<unknown>): Promise<DocumentRefusedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentRefusedError);
  return error as DocumentRefusedError;
}

describe("createDocumentLoader", () => {
  const load = createDocumentLoader();

  it("serves every bundled context, tagged static", async () => {
    for (const [url, doc] of CONTEXTS) {
      const result = await load(url);
      expect(result).toMatchObject({ contextUrl: null, documentUrl: url, tag: "static" });
      expect(result.document).toEqual(doc);
    }
    expectNoNetwork();
  });

  it("refuses an unknown URL by name, with zero network", async () => {
    const error = await refusal(load("https://evil.example/context.jsonld"));
    expect(error.message).toBe("credential uses an unknown context: https://evil.example/context.jsonld");
    expect(error.reason).toBe("unknown-context");
    expect(error.url).toBe("https://evil.example/context.jsonld");
    expectNoNetwork();
  });

  it("surfaces the refusal through jsonld as details.cause", async () => {
    const doc = {
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/v1"],
      type: "VerifiableCredential",
    };
    const error = (await jsonld.expand(doc, { documentLoader: load, safe: true }).catch((e: unknown) => e)) as {
      details?: { cause?: unknown };
    };
    expect(error.details?.cause).toBeInstanceOf(DocumentRefusedError);
    expectNoNetwork();
  });

  it("resolves did:key (Ed25519 Multikey) with and without a fragment", async () => {
    const key = await Ed25519Multikey.generate();
    const did = `did:key:${key.publicKeyMultibase}`;
    const { document: didDoc } = await load(did);
    expect(didDoc).toMatchObject({ id: did, assertionMethod: [`${did}#${key.publicKeyMultibase}`] });
    const { document: vm } = await load(`${did}#${key.publicKeyMultibase}`);
    expect(vm).toMatchObject({
      "@context": "https://w3id.org/security/multikey/v1",
      type: "Multikey",
      controller: did,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    expectNoNetwork();
  });

  it("resolves did:key (P-256 Multikey) for ecdsa-rdfc-2019", async () => {
    const key = await EcdsaMultikey.generate({ curve: "P-256" });
    const did = `did:key:${key.publicKeyMultibase}`;
    expect(key.publicKeyMultibase.startsWith("zDna")).toBe(true);
    const { document: vm } = await load(`${did}#${key.publicKeyMultibase}`);
    expect(vm).toMatchObject({ type: "Multikey", controller: did, publicKeyMultibase: key.publicKeyMultibase });
  });

  it("returns a fresh copy each time, so a caller cannot poison the cache", async () => {
    const key = await Ed25519Multikey.generate();
    const did = `did:key:${key.publicKeyMultibase}`;
    const first = (await load(did)).document as Record<string, unknown>;
    first.assertionMethod = ["did:key:attacker#attacker"];
    expect((await load(did)).document).toMatchObject({ assertionMethod: [`${did}#${key.publicKeyMultibase}`] });
  });

  it("refuses a did:key fragment that is not the key, and malformed or unsupported did:keys", async () => {
    const key = await Ed25519Multikey.generate();
    expect((await refusal(load(`did:key:${key.publicKeyMultibase}#other`))).reason).toBe("invalid-did");
    expect((await refusal(load("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"))).reason).toBe(
      "unsupported-did",
    );
    expect((await refusal(load("did:key:"))).reason).toBe("unsupported-did");
  });

  it("refuses other DID methods and did:web unless a resolver is injected", async () => {
    expect((await refusal(load("did:example:123#key-1"))).reason).toBe("unsupported-did");
    const error = await refusal(load("did:web:issuer.test#key-1"));
    expect(error.reason).toBe("did-web-disabled");
    expectNoNetwork();
  });

  it("resolves did:web through the injected resolver and adds the key's suite context", async () => {
    const did = "did:web:issuer.test";
    const didDocument = {
      "@context": ["https://www.w3.org/ns/did/v1"],
      id: did,
      verificationMethod: [{ id: "#key-1", type: "Multikey", controller: did, publicKeyMultibase: "z6MkTest" }],
      assertionMethod: ["#key-1"],
    };
    const resolveDidWeb = vi.fn(async (d: string) => (d === did ? didDocument : undefined));
    const webLoad = createDocumentLoader({ resolveDidWeb });
    expect((await webLoad(did)).document).toEqual(didDocument);
    expect((await webLoad(`${did}#key-1`)).document).toEqual({
      "@context": "https://w3id.org/security/multikey/v1",
      id: `${did}#key-1`,
      type: "Multikey",
      controller: did,
      publicKeyMultibase: "z6MkTest",
    });
    expect(resolveDidWeb).toHaveBeenCalledWith(did);
    expect((await refusal(webLoad(`${did}#key-2`))).reason).toBe("invalid-did");
    // A resolver that answers with another DID's document must not be believed.
    const lying = createDocumentLoader({ resolveDidWeb: async () => ({ ...didDocument, id: "did:web:other.test" }) });
    expect((await refusal(lying(`${did}#key-1`))).reason).toBe("invalid-did");
  });

  it("serves extra documents, but never lets them replace a bundled context", async () => {
    const extraLoad = createDocumentLoader({ extraDocuments: { "https://issuer.test/status/1": { id: "x" } } });
    expect((await extraLoad("https://issuer.test/status/1")).document).toEqual({ id: "x" });
    expect(() =>
      createDocumentLoader({ extraDocuments: new Map([["https://www.w3.org/ns/credentials/v2", {}]]) }),
    ).toThrow(/must not replace a bundled context/);
  });
});

describe("installOfflineDefaultLoader", () => {
  it("makes a jsonld call without a documentLoader fail closed instead of fetching", async () => {
    installOfflineDefaultLoader();
    const installed = jsonld.documentLoader;
    installOfflineDefaultLoader();
    expect(jsonld.documentLoader).toBe(installed);
    expect(isOfflineDefaultLoaderInstalled()).toBe(true);
    const error = (await jsonld
      .expand({ "@context": "https://example.org/remote-context", "urn:p": "v" })
      .catch((e: unknown) => e)) as { details?: { cause?: unknown } };
    expect(error.details?.cause).toBeInstanceOf(DocumentRefusedError);
    const expanded = await jsonld.expand({
      "@context": "https://www.w3.org/ns/credentials/v2",
      type: "VerifiableCredential",
    });
    expect(expanded).toHaveLength(1);
    expectNoNetwork();
  });
});
