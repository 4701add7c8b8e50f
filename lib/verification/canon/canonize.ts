/**
 * RDFC-1.0 canonicalization + SHA-256 under a budget: the exact bytes Data Integrity signs.
 * Expansion runs in safe mode on the bundled contexts only (the loader refuses anything else);
 * a poison graph trips rdf-canonize's deep-iteration limit or the time budget (E7).
 */
import { createHash } from "node:crypto";
import * as rdfCanonize from "rdf-canonize";
import type { DocumentLoader } from "../document-loader";
import { LIMITS, TooComplexError } from "../limits";
import { toRdfFast } from "./jsonld-fast";

export type HashAlgorithm = "sha256" | "sha384";

/** `deadline` (epoch ms) bounds a whole credential's canonicalizations: several proofs share one budget. */
export async function canonicalNQuads(
  input: unknown,
  documentLoader: DocumentLoader,
  deadline = Infinity,
): Promise<string> {
  if (Date.now() >= deadline) throw new TooComplexError("the credential's canonicalization budget is spent");
  const dataset = await toRdfFast(input, documentLoader);
  if (Array.isArray(dataset) && dataset.length > LIMITS.maxQuads) {
    throw new TooComplexError(`the credential expands to ${dataset.length} statements`);
  }
  const signal = AbortSignal.timeout(Math.max(1, Math.min(LIMITS.canonicalizeMs, deadline - Date.now())));
  try {
    return await rdfCanonize.canonize(dataset, { algorithm: "RDFC-1.0", maxWorkFactor: 1, signal });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Maximum deep iterations|Abort signal/i.test(message)) throw new TooComplexError(message);
    throw error;
  }
}

export async function canonicalHash(
  input: unknown,
  documentLoader: DocumentLoader,
  algorithm: HashAlgorithm = "sha256",
  deadline = Infinity,
): Promise<Buffer> {
  return createHash(algorithm)
    .update(await canonicalNQuads(input, documentLoader, deadline), "utf8")
    .digest();
}
