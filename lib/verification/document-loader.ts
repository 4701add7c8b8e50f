/**
 * The one JSON-LD document loader every verification and signing call uses. It serves the bundled
 * contexts, resolves did:key locally, resolves did:web only through an injected resolver, and
 * refuses everything else — it never touches the network itself (docs/formats/vc.md#offline-contexts).
 */
import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { driver as didKeyDriver } from "@digitalbazaar/did-method-key";
import jsonld from "jsonld";
import { CONTEXTS } from "./contexts";

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  /** "static" lets jsonld cache the resolved context process-wide (keyed by URL alone). */
  tag?: "static";
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export type RefusalReason = "unknown-context" | "did-web-disabled" | "unsupported-did" | "invalid-did";

/** Thrown for any URL the loader will not serve. jsonld wraps it; find it in `err.details.cause`. */
export class DocumentRefusedError extends Error {
  override readonly name = "DocumentRefusedError";
  constructor(
    readonly url: string,
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface DocumentLoaderOptions {
  /** Fetches `https://…/did.json` for a did:web DID (guarded network path). Off when omitted. */
  resolveDidWeb?: (did: string) => Promise<unknown>;
  /** Extra URL → document entries (status lists, hosted test documents). Served as-is, never cached. */
  extraDocuments?: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;
}

const DID_KEY = didKeyDriver();
// Bound under another name: eslint's react-hooks rule mistakes a top-level `.use()` for React's use().
const registerKeyType = DID_KEY.use.bind(DID_KEY);
registerKeyType({ multibaseMultikeyHeader: "z6Mk", fromMultibase: Ed25519Multikey.from });
registerKeyType({ multibaseMultikeyHeader: "zDna", fromMultibase: EcdsaMultikey.from }); // P-256
registerKeyType({ multibaseMultikeyHeader: "z82L", fromMultibase: EcdsaMultikey.from }); // P-384

const VM_CONTEXT_BY_TYPE: Record<string, string> = {
  Multikey: "https://w3id.org/security/multikey/v1",
  Ed25519VerificationKey2020: "https://w3id.org/security/suites/ed25519-2020/v1",
};

const didKeyCache = new Map<string, unknown>();
const DID_KEY_CACHE_MAX = 1_000;

function remote(url: string, document: unknown, tag?: "static"): RemoteDocument {
  return tag ? { contextUrl: null, documentUrl: url, document, tag } : { contextUrl: null, documentUrl: url, document };
}

async function resolveDidKey(url: string): Promise<unknown> {
  const cached = didKeyCache.get(url);
  if (cached) return structuredClone(cached);
  const [did = "", fragment] = url.split("#");
  const multibase = did.slice("did:key:".length);
  // did-method-key answers any unknown fragment with `keyAgreement[0]` (undefined for Multikey
  // and so a TypeError); only the key's own fragment names a verification method.
  if (fragment !== undefined && fragment !== multibase) {
    throw new DocumentRefusedError(url, "invalid-did", `did:key fragment does not name its key: ${url}`);
  }
  let doc: unknown;
  try {
    doc = await DID_KEY.get({ url });
  } catch (cause) {
    throw new DocumentRefusedError(
      url,
      "unsupported-did",
      `unsupported or malformed did:key: ${url} (${String(cause)})`,
    );
  }
  if (didKeyCache.size >= DID_KEY_CACHE_MAX) didKeyCache.clear();
  didKeyCache.set(url, doc);
  return structuredClone(doc);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

async function resolveDidWebUrl(url: string, resolver: DocumentLoaderOptions["resolveDidWeb"]): Promise<unknown> {
  if (!resolver) throw new DocumentRefusedError(url, "did-web-disabled", `did:web resolution is disabled: ${url}`);
  const [did = "", fragment] = url.split("#");
  const doc = asRecord(await resolver(did));
  // A resolver answering with another DID's document would let one issuer speak for another.
  if (!doc || doc.id !== did)
    throw new DocumentRefusedError(url, "invalid-did", `did:web document id does not match ${did}`);
  if (fragment === undefined) return doc;
  const keyId = `${did}#${fragment}`;
  const candidates = ["verificationMethod", "assertionMethod", "authentication"].flatMap((p) =>
    Array.isArray(doc[p]) ? (doc[p] as unknown[]) : [],
  );
  for (const candidate of candidates) {
    const vm = asRecord(candidate);
    if (!vm || typeof vm.id !== "string") continue;
    const id = vm.id.startsWith("#") ? did + vm.id : vm.id;
    if (id !== keyId) continue;
    const type = typeof vm.type === "string" ? vm.type : "";
    // ed25519-multikey refuses a key whose @context lacks its suite context (DCC did:web docs).
    const context = VM_CONTEXT_BY_TYPE[type] ?? doc["@context"];
    return { "@context": context, ...vm, id, controller: vm.controller ?? did };
  }
  throw new DocumentRefusedError(url, "invalid-did", `no verification method ${keyId} in the DID document`);
}

function toMap(extra: DocumentLoaderOptions["extraDocuments"]): ReadonlyMap<string, unknown> {
  if (!extra) return new Map();
  return extra instanceof Map ? extra : new Map(Object.entries(extra));
}

export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const extra = toMap(options.extraDocuments);
  for (const url of extra.keys()) {
    // Bundled contexts are cached process-wide by URL; a per-loader override could not take effect.
    if (CONTEXTS.has(url)) throw new TypeError(`extraDocuments must not replace a bundled context: ${url}`);
  }
  return async (url: string) => {
    const bundled = CONTEXTS.get(url);
    // jsonld rewrites nested context URLs in place; hand it a copy so the bundle stays pristine.
    if (bundled) return remote(url, structuredClone(bundled), "static");
    if (extra.has(url)) return remote(url, structuredClone(extra.get(url)));
    if (url.startsWith("did:key:")) return remote(url, await resolveDidKey(url));
    if (url.startsWith("did:web:")) return remote(url, await resolveDidWebUrl(url, options.resolveDidWeb));
    if (url.startsWith("did:"))
      throw new DocumentRefusedError(url, "unsupported-did", `unsupported DID method: ${url}`);
    throw new DocumentRefusedError(url, "unknown-context", `credential uses an unknown context: ${url}`);
  };
}

/**
 * Marks the loader we install, so any copy of this module (Next bundles server code once per layer;
 * jsonld itself stays one Node module, next.config.ts) can tell it is in place.
 */
const OFFLINE_LOADER = Symbol.for("tessera.offline-document-loader");

/**
 * Replaces jsonld's default loader (its Node HTTP loader) with a bundle-only loader, so a call that
 * forgets `documentLoader` fails closed instead of fetching. Idempotent; instrumentation.ts calls
 * it when a server process starts (ADR 0008).
 */
export function installOfflineDefaultLoader(): void {
  if (isOfflineDefaultLoaderInstalled()) return;
  jsonld.documentLoader = Object.assign(createDocumentLoader(), { [OFFLINE_LOADER]: true });
}

/** Whether jsonld's process-wide default loader is ours (the readiness probe asks). */
export function isOfflineDefaultLoaderInstalled(): boolean {
  const current = jsonld.documentLoader as unknown as Record<symbol, unknown> | undefined;
  return current?.[OFFLINE_LOADER] === true;
}
