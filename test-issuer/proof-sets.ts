/**
 * Credentials with several embedded proofs, for the verifier's edges: proof sets (a second proof
 * added by the reference stack, as a co-signer would), proof chains (previousProof, signed here
 * exactly as VC Data Integrity "Add Proof Set/Chain" describes, with plain jsonld canonicalization
 * — not Tessera's fast path), forged proofs, and deliberately malformed proofs that are still
 * validly signed, so only their shape is wrong.
 */
import { createHash, randomBytes } from "node:crypto";
import jsonld from "jsonld";
import jsigs from "jsonld-signatures";
import { createDocumentLoader } from "@/lib/verification/document-loader";
import { toIso, type DateInput } from "./defaults";
import type { TestIssuer } from "./keys";
import { createSuite, VC_V2, type ProofKind, type SignedCredential } from "./sign";

const loader = createDocumentLoader();
const DI_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2";
type Json = Record<string, unknown>;

const proofsOf = (doc: { proof?: unknown }): Json[] =>
  doc.proof === undefined ? [] : ((Array.isArray(doc.proof) ? doc.proof : [doc.proof]) as Json[]);

/** A second (third, …) independent proof, made by the reference stack as a co-signer would add it. */
export async function addProof<T extends object>(
  signed: T,
  signer: TestIssuer,
  options: { proof?: ProofKind; now?: DateInput } = {},
): Promise<T & SignedCredential> {
  const purpose = new jsigs.purposes.AssertionProofPurpose();
  const suite = createSuite(signer, options.proof, options.now);
  return (await jsigs.sign(structuredClone(signed), { suite, purpose, documentLoader: loader })) as T &
    SignedCredential;
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58btc(bytes: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! << 8;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    for (; carry > 0; carry = Math.floor(carry / 58)) digits.push(carry % 58);
  }
  const zeros = bytes.findIndex((b) => b !== 0);
  return (
    "1".repeat(zeros === -1 ? bytes.length : zeros) +
    digits
      .reverse()
      .map((d) => BASE58[d])
      .join("")
  );
}

async function canonicalSha256(input: Json, lenient: boolean): Promise<Buffer> {
  const nquads = await jsonld.canonize(input, {
    algorithm: "RDFC-1.0",
    format: "application/n-quads",
    documentLoader: loader,
    safe: !lenient,
  });
  return createHash("sha256").update(nquads, "utf8").digest();
}

export interface HandProofOptions {
  /** Proof fields to use as given (type, cryptosuite, proofPurpose, created, id, previousProof, …). */
  fields?: Json;
  /** Omit these proof fields entirely (e.g. "proofPurpose", "verificationMethod"). */
  omit?: string[];
  now?: DateInput;
  /** Canonicalize without safe mode, for shapes whose terms no context defines. */
  lenient?: boolean;
}

/**
 * Appends a proof signed by `signer` over the credential and — when `previousProof` is given — over
 * the earlier proofs it names, following "Add Proof Set/Chain": the proof options (the document's
 * @context plus every proof field but proofValue) and the document with `proof` set to the matching
 * earlier proofs are canonicalized, hashed and signed.
 */
export async function signProof<T extends object>(
  document: T,
  signer: TestIssuer,
  options: HandProofOptions = {},
): Promise<T & SignedCredential> {
  const doc = structuredClone(document) as Json;
  const existing = proofsOf(doc);
  const proof: Json = {
    type: "DataIntegrityProof",
    cryptosuite: signer.cryptosuite,
    created: toIso(options.now ?? new Date()).replace(/\.\d{3}Z$/, "Z"),
    verificationMethod: signer.verificationMethod,
    proofPurpose: "assertionMethod",
    ...options.fields,
  };
  for (const field of options.omit ?? []) delete proof[field];
  const previousIds: unknown[] = proof.previousProof === undefined ? [] : [proof.previousProof].flat();
  const previous = existing.filter((p) => previousIds.includes(p.id as string));
  const unsecured: Json = { ...doc };
  delete unsecured.proof;
  if (previous.length > 0) unsecured.proof = previous;
  const context = doc["@context"];
  const contexts = Array.isArray(context) ? context : [context];
  const proofContext =
    contexts.includes(VC_V2) || contexts.includes(DI_V2_CONTEXT) ? context : [...contexts, DI_V2_CONTEXT];
  const lenient = options.lenient ?? false;
  const data = Buffer.concat([
    await canonicalSha256({ "@context": proofContext, ...proof }, lenient),
    await canonicalSha256(unsecured, lenient),
  ]);
  const signature = await signer.keyPair.signer().sign({ data });
  const signed = { ...proof, proofValue: `z${base58btc(signature)}` };
  return { ...doc, proof: existing.length === 0 ? signed : [...existing, signed] } as T & SignedCredential;
}

/** A proof claiming `claimedSigner`'s key whose signature is random bytes: a forgery. */
export function forgedProof(claimedSigner: TestIssuer, now: DateInput = new Date()): Json {
  return {
    type: "DataIntegrityProof",
    cryptosuite: claimedSigner.cryptosuite,
    created: toIso(now).replace(/\.\d{3}Z$/, "Z"),
    verificationMethod: claimedSigner.verificationMethod,
    proofPurpose: "assertionMethod",
    proofValue: `z${base58btc(randomBytes(64))}`,
  };
}

/** `signed` with `proof` appended to its proofs (not re-signed: the new proof covers nothing it claims). */
export function appendProof<T extends object>(signed: T, proof: Json): T & SignedCredential {
  const doc = structuredClone(signed) as Json & { proof?: unknown };
  return { ...doc, proof: [...proofsOf(doc), proof] } as T & SignedCredential;
}
