import type { PublicKeyMaterial } from "./multikey";

/**
 * Where a key was found: a DID, the issuer's JWT VC issuer metadata (and the JWKS it names), a `kid`
 * URL under the issuer's own address, or an X.509 certificate.
 */
export type KeySource = "did:key" | "did:web" | "jwt-vc-issuer" | "issuer-url" | "x5c";

export interface ResolvedKey extends PublicKeyMaterial {
  /** Full DID URL of the verification method, or where else the key was found (JWKS URL#kid, certificate thumbprint). */
  keyId: string;
  /** Who the key is proven to belong to: the DID, or the `iss` whose metadata lists it. Empty when not proven. */
  controller: string;
  method: KeySource;
  /** Listed under the controller's assertionMethod (may sign credentials). */
  assertion: boolean;
  /** Listed under the controller's authentication (may sign presentations); a did:key's only key is. */
  authentication?: boolean;
  /** Set when nothing proves whose key this is (an X.509 chain that was not checked): the issuer check says why. */
  ownerUnproven?: string;
  /** Facts about how the key was found (metadata URL, JWKS URL, certificate subject), for the issuer check's details. */
  facts?: Record<string, string | undefined>;
}

/** unsupported: we cannot check it; unreachable: network; not-listed: the owner does not publish it; invalid: malformed/inconsistent. */
export type KeyProblem = "unsupported" | "unreachable" | "not-listed" | "invalid";

export class KeyResolutionError extends Error {
  override readonly name = "KeyResolutionError";
  constructor(
    readonly problem: KeyProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
