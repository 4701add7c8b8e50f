import crypto from "node:crypto";
import canonicalize from "canonicalize";

export function sha256Hex(bytes: Uint8Array | string): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/**
 * The identity of a credential for "already in your wallet": the exact signed token when there
 * is one (a JWS is its bytes), otherwise the RFC 8785 canonical form of its JSON, so the same
 * credential baked in a PNG and pasted as JSON is recognised as one.
 */
export function credentialDedupeKey(payload: unknown, signedToken?: string): string {
  if (signedToken) return sha256Hex(`jws:${signedToken}`);
  return sha256Hex(`json:${canonicalize(payload) ?? ""}`);
}
