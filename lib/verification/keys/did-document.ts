/** Picks one verification method out of a (did:web) DID document and checks its authorization. */
import { KeyResolutionError, type ResolvedKey } from "./resolved";
import { fromJwk, fromMultibase, UnsupportedKeyError } from "./multikey";

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function didOf(url: string): string {
  return url.split("#")[0] ?? url;
}

function absolute(id: string, did: string): string {
  return id.startsWith("#") ? did + id : id;
}

function listed(doc: Record<string, unknown>, relation: string, keyId: string, did: string): boolean {
  const entries = Array.isArray(doc[relation]) ? (doc[relation] as unknown[]) : [];
  return entries.some((e) => {
    const id = typeof e === "string" ? e : asRecord(e)?.id;
    return typeof id === "string" && absolute(id, did) === keyId;
  });
}

export function resolveFromDocument(
  doc: Record<string, unknown>,
  did: string,
  keyUrl: string | undefined,
): ResolvedKey {
  const candidates = ["verificationMethod", "assertionMethod"].flatMap((p) =>
    Array.isArray(doc[p]) ? (doc[p] as unknown[]) : [],
  );
  const methods = candidates
    .map(asRecord)
    .filter((vm): vm is Record<string, unknown> => !!vm && typeof vm.id === "string");
  // Without a fragment, a DID document with exactly one assertion key names that key.
  const wanted = keyUrl ?? (methods.length === 1 ? absolute(String(methods[0]!.id), did) : undefined);
  if (!wanted)
    throw new KeyResolutionError(
      "not-listed",
      `the DID ${did} names several keys and the signature does not say which`,
    );
  const vm = methods.find((m) => absolute(String(m.id), did) === wanted);
  if (!vm) throw new KeyResolutionError("not-listed", `the issuer's DID document does not list the key ${wanted}`);
  const controller = typeof vm.controller === "string" ? vm.controller : did;
  if (controller !== did)
    throw new KeyResolutionError("invalid", `the key ${wanted} is controlled by ${controller}, not ${did}`);
  let material;
  try {
    if (typeof vm.publicKeyMultibase === "string") material = fromMultibase(vm.publicKeyMultibase);
    else if (vm.publicKeyJwk !== undefined) material = fromJwk(vm.publicKeyJwk);
    else throw new UnsupportedKeyError("the key has neither publicKeyMultibase nor publicKeyJwk");
  } catch (cause) {
    if (cause instanceof UnsupportedKeyError) throw new KeyResolutionError("unsupported", cause.message, { cause });
    throw cause;
  }
  return {
    ...material,
    keyId: wanted,
    controller,
    method: "did:web",
    assertion: listed(doc, "assertionMethod", wanted, did),
    authentication: listed(doc, "authentication", wanted, did),
  };
}
