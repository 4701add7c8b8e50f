/**
 * Test scaffolding for the verification engine: VerifyInput builders for every test-issuer
 * format, and an offline fetcher — the real guarded fetcher (lib/net) serving a documents bundle,
 * with a resolver that refuses every host, so nothing can reach the network — that counts calls
 * and can fake "gone" (410) or unreachable URLs.
 */
import "reflect-metadata";
import type { CredentialFormat, SecuringMechanism } from "@/lib/credentials/record";
import { createGuardedFetch, FetchRefusedError, type FetchLike } from "@/lib/net";
import { createMemoryProofCache } from "@/lib/verification/proof-cache";
import type { VerifyDeps, VerifyInput } from "@/lib/verification/types";

export const NOW = new Date("2026-06-01T09:00:00Z");
export const HOLDER = { emails: ["aoife.byrne@example.org"], dids: [] as string[] };

export function input(
  format: CredentialFormat,
  securing: SecuringMechanism,
  payload: unknown,
  signed?: VerifyInput["signed"],
): VerifyInput {
  return {
    record: {
      format,
      securing,
      dates: {},
      status: [],
      recipient: { identifiers: [] },
      issuer: { name: "Test issuer" },
    },
    payload,
    ...(signed ? { signed } : {}),
  };
}

export const diInput = (credential: unknown) => input("ob3", "data-integrity", credential);

export function jwtInput(token: string): VerifyInput {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as unknown;
  return input("ob3", "vc-jwt", payload, { kind: "compact-jws", token });
}

export function ob2SignedInput(token: string): VerifyInput {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as unknown;
  return input("ob2", "jws", payload, { kind: "compact-jws", token });
}

export const ob2HostedInput = (assertion: unknown) => input("ob2", "hosted", assertion);

export function jadesInput(jades: { payload: string; signatures?: unknown[] }): VerifyInput {
  return input("edc", "jades", JSON.parse(jades.payload), { kind: "jades", jws: jades });
}

export interface OfflineFetch {
  fetch: FetchLike;
  /** Every URL requested through the fetcher, in order. */
  calls: string[];
  /** Host names the resolver was asked for (it refuses them all). */
  lookups: string[];
}

export function offlineFetch(
  documents: Record<string, unknown> = {},
  options: { gone?: string[]; unreachable?: string[]; raw?: Record<string, string> } = {},
): OfflineFetch {
  const lookups: string[] = [];
  const calls: string[] = [];
  const bundle = new Map<string, string>(
    Object.entries(documents).map(([url, doc]) => [url, typeof doc === "string" ? doc : JSON.stringify(doc)]),
  );
  for (const [url, text] of Object.entries(options.raw ?? {})) bundle.set(url, text);
  const guarded = createGuardedFetch({
    documents: bundle,
    lookup: async (host) => {
      lookups.push(host);
      throw new FetchRefusedError("dns");
    },
  });
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    if (options.gone?.includes(url))
      throw new FetchRefusedError("http_status", {
        status: 410,
        message: "The server answered with status 410 instead of the document.",
      });
    if (options.unreachable?.includes(url)) throw new FetchRefusedError("network");
    return guarded(url, init);
  };
  return { fetch, calls, lookups };
}

export function deps(
  documents: Record<string, unknown> = {},
  overrides: Partial<VerifyDeps> & { gone?: string[]; unreachable?: string[] } = {},
): VerifyDeps & { net: OfflineFetch } {
  const { gone, unreachable, ...rest } = overrides;
  const net = offlineFetch(documents, { gone, unreachable });
  return { fetch: net.fetch, now: () => NOW, holder: HOLDER, proofCache: createMemoryProofCache(100), ...rest, net };
}

export function statusOf(result: { checks: Array<{ id: string; status: string }> }): Record<string, string> {
  return Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
}

export function checkOf(
  result: { checks: Array<{ id: string; status: string; reason: string; details?: Record<string, string> }> },
  id: string,
) {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in ${JSON.stringify(result.checks)}`);
  return found;
}

/** An Ed25519 issuer published as did:web:<host> (Multikey in the DID document). */
export async function didWebIssuer(host = "issuer.test") {
  const { createEd25519Issuer } = await import("@/test-issuer");
  const issuer = await createEd25519Issuer();
  const did = `did:web:${host}`;
  const keyId = `${did}#key-1`;
  issuer.keyPair.id = keyId;
  issuer.keyPair.controller = did;
  const didDocument = {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    verificationMethod: [
      { id: keyId, type: "Multikey", controller: did, publicKeyMultibase: issuer.keyPair.publicKeyMultibase },
    ],
    assertionMethod: [keyId],
  };
  return {
    ...issuer,
    did,
    verificationMethod: keyId,
    didDocument,
    didDocumentUrl: `https://${host}/.well-known/did.json`,
  };
}
