import type { PublicKeyMaterial } from "./multikey";

export interface ResolvedKey extends PublicKeyMaterial {
  /** Full DID URL of the verification method. */
  keyId: string;
  /** The DID that controls the key. */
  controller: string;
  method: "did:key" | "did:web";
  /** Listed under the controller's assertionMethod (may sign credentials). */
  assertion: boolean;
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
