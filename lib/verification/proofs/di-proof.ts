/** One embedded proof: build the verify data exactly as the signing suites do, then check it. */
import { canonicalHash } from "../canon/canonize";
import { VC_V2 } from "../canon/context-allowlist";
import { failed, passed } from "../checks";
import { createDocumentLoader } from "../document-loader";
import { str, type Json } from "../json";
import { decodeMultibase } from "../keys/multikey";
import type { ResolvedKey } from "../keys/resolved";
import { KeyAlgorithmMismatchError, verifySignature } from "../keys/signature";
import type { Check } from "../types";

export type SuiteName = "eddsa-rdfc-2022" | "ecdsa-rdfc-2019" | "Ed25519Signature2020";

const ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";
const DI_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2";
/** Contexts only: keys are resolved by keys/did.ts, never through JSON-LD. */
const contextLoader = createDocumentLoader();

function includesContext(context: unknown, url: string): boolean {
  return context === url || (Array.isArray(context) && context.includes(url));
}

export function suiteOf(proof: Json, doc: Json): SuiteName | undefined {
  // Only assertion proofs issue credentials; chained proofs (previousProof) are not supported.
  if (proof.proofPurpose !== "assertionMethod" || proof.previousProof !== undefined) return undefined;
  if (proof.type === "DataIntegrityProof") {
    return proof.cryptosuite === "eddsa-rdfc-2022" || proof.cryptosuite === "ecdsa-rdfc-2019"
      ? proof.cryptosuite
      : undefined;
  }
  // jsonld-signatures only matches Ed25519Signature2020 when the document declares the suite context.
  if (proof.type === "Ed25519Signature2020" && includesContext(doc["@context"], ED25519_2020_CONTEXT))
    return "Ed25519Signature2020";
  return undefined;
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

// The same (unanchored) XML Schema dateTime test @digitalbazaar/data-integrity applies, so we agree with it.
const W3C_DATE =
  /-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|(24:00:00(\.0+)?))(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?/;

export async function verifyOneProof(doc: Json, proof: Json, suite: SuiteName, key: ResolvedKey): Promise<Check> {
  const details = { method: suite, keyId: key.keyId };
  const proofValue = str(proof.proofValue);
  let signature: Uint8Array;
  try {
    if (!proofValue || (suite === "Ed25519Signature2020" && !proofValue.startsWith("z")))
      throw new Error("bad proofValue");
    signature = decodeMultibase(proofValue);
  } catch {
    return failed("proof", "The digital signature is malformed, so it does not prove anything.", details);
  }
  const unsecured: Json = { ...doc };
  delete unsecured.proof;
  const [proofHash, docHash] = [
    await canonicalHash(proofOptions(doc, proof, suite), contextLoader),
    await canonicalHash(unsecured, contextLoader),
  ];
  const alg = suite === "ecdsa-rdfc-2019" ? "ES256" : "EdDSA";
  let valid: boolean;
  try {
    valid = verifySignature(key, alg, Buffer.concat([proofHash, docHash]), signature);
  } catch (error) {
    if (error instanceof KeyAlgorithmMismatchError)
      return failed(
        "proof",
        "The signature was made with a kind of key that does not match its signature type.",
        details,
      );
    throw error;
  }
  if (!valid) {
    return failed(
      "proof",
      "The digital signature does not match: the credential was changed after it was signed, or it was not signed with this key.",
      details,
    );
  }
  // DataIntegrityProof rejects malformed proof dates even when the signature is valid.
  for (const field of ["created", "expires"] as const) {
    if (
      suite !== "Ed25519Signature2020" &&
      proof[field] !== undefined &&
      !(typeof proof[field] === "string" && W3C_DATE.test(proof[field]))
    ) {
      return failed("proof", `The signature's ${field} date is malformed.`, details);
    }
  }
  return passed(
    "proof",
    "The issuer's digital signature is valid: the credential has not been changed since it was signed.",
    {
      ...details,
      created: str(proof.created),
    },
  );
}
