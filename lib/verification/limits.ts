/**
 * Budgets that keep a hostile credential from tying up the server (docs/threat-model.md E7). A credential
 * over a budget is reported as "too complex to check" (unknown), never as failed or verified.
 */
export const LIMITS = {
  /** Serialized size of a credential with an embedded proof. Realistic OB 3.0 ≈ 4 KB, CLR ≈ 60 KB. */
  maxCredentialChars: 1_000_000,
  /** JSON nesting depth (jsonld recurses per level). */
  maxDepth: 64,
  /** RDF statements after expansion. A realistic OB 3.0 credential has < 100. */
  maxQuads: 20_000,
  /** Wall-clock budget for one canonicalization (rdf-canonize honours an AbortSignal). */
  canonicalizeMs: 1_500,
  /** …and for all of one credential's (a proof set or chain canonicalizes once per proof, plus the document). */
  credentialCanonicalizeMs: 3_000,
  /** Status lists: base64 text and unpacked bitstring (the spec minimum is 16 KB). */
  maxEncodedListChars: 4_000_000,
  maxBitstringBytes: 4_000_000,
  /** Embedded proofs on one credential (a proof set or chain); real credentials carry one or two. */
  maxProofs: 10,
  /** Compact JWS / JAdES size. */
  maxTokenChars: 1_000_000,
} as const;

export class TooComplexError extends Error {
  override readonly name = "TooComplexError";
}
