/** One embedded proof: build the verify data exactly as the signing suites do, then check it. */
import { canonicalHash } from "../canon/canonize";
import { VC_V2 } from "../canon/context-allowlist";
import type { CheckStatus } from "../types";
import { createDocumentLoader } from "../document-loader";
import { str, type Json } from "../json";
import { decodeMultibase } from "../keys/multikey";
import type { ResolvedKey } from "../keys/resolved";
import { KeyAlgorithmMismatchError, verifySignature } from "../keys/signature";
import type { SuiteName } from "./di-suites";

export type { SuiteName } from "./di-suites";

const DI_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2";
/** Contexts only: keys are resolved by keys/did.ts, never through JSON-LD. */
const contextLoader = createDocumentLoader();

/** A proof's own outcome: `clause` completes "The digital signature …" / "Signature 2 of 3 …". */
export interface OneProofOutcome {
  status: CheckStatus;
  clause: string;
}

export const VALID_CLAUSE = "is valid";
export const MISMATCH_CLAUSE =
  "does not match: the credential was changed after it was signed, or it was not signed with this key";

function includesContext(context: unknown, url: string): boolean {
  return context === url || (Array.isArray(context) && context.includes(url));
}

/** Proof options as canonicalized by the suites: the document's @context, no signature value. */
function proofOptions(doc: Json, proof: Json, suite: SuiteName): Json {
  const options: Json = { "@context": doc["@context"], ...proof };
  delete options.proofValue;
  if (suite === "Ed25519Signature2020") {
    delete options.jws;
    delete options.signatureValue;
    return options;
  }
  // DataIntegrityProof.ensureSuiteContext: VC 1.1 documents get the data-integrity context appended.
  const context = options["@context"];
  if (!includesContext(context, DI_V2_CONTEXT) && !includesContext(context, VC_V2)) {
    options["@context"] = Array.isArray(context) ? [...context, DI_V2_CONTEXT] : [context, DI_V2_CONTEXT];
  }
  return options;
}

/**
 * SHA-256 of the canonical document the proofs sign: without `proof`, or — for a proof in a chain —
 * with `proof` set to the earlier proofs it names in previousProof (VC Data Integrity "Verify Proof
 * Sets and Chains": those proofs, signature values included, are part of what it signs).
 */
export async function documentHash(doc: Json, previous: Json[] = [], deadline = Infinity): Promise<Buffer> {
  const unsecured: Json = { ...doc };
  delete unsecured.proof;
  if (previous.length > 0) unsecured.proof = previous;
  return canonicalHash(unsecured, contextLoader, "sha256", deadline);
}

/** Checks one proof's signature over `docHash` (from documentHash) with an already resolved key. */
export async function verifyOneProof(
  doc: Json,
  proof: Json,
  suite: SuiteName,
  key: ResolvedKey,
  docHash: Buffer,
  deadline = Infinity,
): Promise<OneProofOutcome> {
  const proofValue = str(proof.proofValue);
  let signature: Uint8Array;
  try {
    if (!proofValue || (suite === "Ed25519Signature2020" && !proofValue.startsWith("z")))
      throw new Error("bad proofValue");
    signature = decodeMultibase(proofValue);
  } catch {
    return { status: "failed", clause: "is malformed, so it does not prove anything" };
  }
  const proofHash = await canonicalHash(proofOptions(doc, proof, suite), contextLoader, "sha256", deadline);
  const alg = suite === "ecdsa-rdfc-2019" ? "ES256" : "EdDSA";
  try {
    return verifySignature(key, alg, Buffer.concat([proofHash, docHash]), signature)
      ? { status: "passed", clause: VALID_CLAUSE }
      : { status: "failed", clause: MISMATCH_CLAUSE };
  } catch (error) {
    if (error instanceof KeyAlgorithmMismatchError)
      return { status: "failed", clause: "was made with a kind of key that does not match its signature type" };
    throw error;
  }
}
