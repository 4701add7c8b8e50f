/**
 * Every embedded proof is verified (VC Data Integrity "Verify Proof Sets and Chains"): each proof's
 * own signature, then the chain — a proof that countersigns others (previousProof) counts only if
 * they do. The credential's signature check passes only when every proof passes; the issuer check
 * passes when at least one valid proof is the named issuer's (set-report.ts words both).
 */
import { check } from "../checks";
import { resolveVerificationMethod } from "../keys/did";
import { KeyResolutionError, type KeyProblem, type ResolvedKey } from "../keys/resolved";
import { isRecord, type Json } from "../json";
import { LIMITS, TooComplexError } from "../limits";
import { isCacheable, proofCacheKey } from "../proof-cache";
import { TOO_COMPLEX, errorDetail, reasonFor } from "../reasons";
import type { CheckStatus, VerifyDeps } from "../types";
import { unconfirmedIssuer } from "./binding";
import { documentHash, verifyOneProof } from "./di-proof";
import { classifyProof, suiteLabel, type ProofClass, type SuiteName } from "./di-suites";
import { linkProofs, type ProofChain } from "./proof-chain";

/** What one proof came to. `clause` completes "The digital signature …"; `reason` is a whole sentence instead. */
export interface ProofReport {
  index: number;
  label: string;
  status: CheckStatus;
  clause?: string;
  reason?: string;
  key?: ResolvedKey;
  keyProblem?: KeyProblem;
  /** The status came from another proof this one countersigns. */
  derived?: boolean;
  fromCache: boolean;
  error?: string;
  created?: string;
  untimedCreated?: boolean;
}

interface Context {
  doc: Json;
  proofs: Json[];
  chain: ProofChain;
  issuerId: string | undefined;
  deps: VerifyDeps;
  digest: string | undefined;
  /** The hash of the document without proofs, shared by every proof that countersigns nothing. */
  baseHash?: Promise<Buffer>;
  /** One canonicalization budget for the whole credential, however many proofs it carries. */
  deadline: number;
}

const UNAUTHORISED_CLAUSE =
  "was made with a key its owner has not authorised for issuing credentials (not listed under assertionMethod)";

/** A suite Tessera does not implement: "unknown", never "failed" — the proof may well be valid. */
function unsupported(found: Extract<ProofClass, { kind: "unsupported" }>): Pick<ProofReport, "clause" | "reason"> {
  const method = found.recognised ? "cannot check yet" : "does not recognise";
  return {
    clause: `uses a method Tessera ${method} (${found.name})`,
    reason: `The credential is signed with a method Tessera ${method} (${found.name}), so its signature cannot be checked.`,
  };
}

async function resolveKey(
  vm: string,
  deps: VerifyDeps,
): Promise<{ key: ResolvedKey } | { reason: string; problem?: KeyProblem; error: string }> {
  try {
    return { key: await resolveVerificationMethod(vm, deps.fetch) };
  } catch (error) {
    const problem = error instanceof KeyResolutionError ? error.problem : undefined;
    const reason =
      problem === "not-listed"
        ? "The signing key is not published by the issuer, so the signature cannot be checked."
        : reasonFor(error);
    return { reason, problem, error: errorDetail(error) };
  }
}

async function signatureOf(
  ctx: Context,
  proof: Json,
  index: number,
  suite: SuiteName,
  key: ResolvedKey,
): Promise<Pick<ProofReport, "status" | "clause" | "reason" | "fromCache" | "error">> {
  const cache = ctx.digest === undefined ? undefined : ctx.deps.proofCache;
  const cacheKey =
    ctx.digest === undefined
      ? ""
      : proofCacheKey(`di:${suite}:${index}`, ctx.digest, key.fingerprint, key.controller, key.keyId);
  // Only the signature outcome is reused; key authorisation and the issuer binding are recomputed.
  const hit = cache?.get(cacheKey);
  if (hit) return { status: hit.proof.status, clause: hit.proof.reason, fromCache: true };
  const link = ctx.chain.links[index];
  const previous = link?.ok ? link.previous.map((i) => ctx.proofs[i]!) : [];
  try {
    const docHash =
      previous.length > 0
        ? documentHash(ctx.doc, previous, ctx.deadline)
        : (ctx.baseHash ??= documentHash(ctx.doc, [], ctx.deadline));
    const own = await verifyOneProof(ctx.doc, proof, suite, key, await docHash, ctx.deadline);
    const outcome = { proof: check("proof", own.status, own.clause), issuer: unconfirmedIssuer() };
    if (isCacheable(outcome)) cache?.set(cacheKey, outcome);
    return { ...own, fromCache: false };
  } catch (error) {
    const reason = error instanceof TooComplexError ? TOO_COMPLEX : reasonFor(error);
    return { status: "unknown", reason, fromCache: false, error: errorDetail(error) };
  }
}

/** One proof on its own: its shape, its key, its signature — before the chain is taken into account. */
async function ownReport(ctx: Context, entry: unknown, index: number): Promise<ProofReport> {
  if (!isRecord(entry))
    return { index, label: "not a signature", fromCache: false, status: "failed", clause: "is not a signature at all" };
  const proof = entry;
  const label = suiteLabel(proof);
  const base = { index, label, fromCache: false };
  const found = classifyProof(proof, ctx.doc);
  if (found.kind === "unsupported") return { ...base, status: "unknown", ...unsupported(found) };
  if (found.kind === "malformed") return { ...base, status: "failed", clause: found.clause };
  const link = ctx.chain.links[index];
  // A broken reference means the signed bytes cannot even be rebuilt.
  if (link && !link.ok) return { ...base, status: "failed", clause: link.clause };
  const resolved = await resolveKey(found.verificationMethod, ctx.deps);
  const dates = {
    created: typeof proof.created === "string" ? proof.created : undefined,
    untimedCreated: found.untimedCreated,
  };
  if (!("key" in resolved))
    return {
      ...base,
      ...dates,
      status: "unknown",
      reason: resolved.reason,
      keyProblem: resolved.problem,
      error: resolved.error,
    };
  const key = resolved.key;
  const signature = await signatureOf(ctx, proof, index, found.suite, key);
  const report: ProofReport = { ...base, ...dates, ...signature, key };
  // Someone other than the issuer signed too: their proof counts only if their DID lets that key issue.
  if (report.status === "passed" && key.controller !== ctx.issuerId && !key.assertion)
    return { ...report, status: "failed", clause: UNAUTHORISED_CLAUSE };
  return report;
}

/** A proof in a chain passes only when every proof it countersigns passes (in chain order). */
function withChain(reports: ProofReport[], chain: ProofChain): ProofReport[] {
  const done = new Map<number, ProofReport>();
  const settle = (index: number): ProofReport => {
    const cached = done.get(index);
    if (cached) return cached;
    const own = reports[index]!;
    const link = chain.links[index];
    let final = own;
    if (own.status !== "failed" && link?.ok) {
      // Links are loop-free here (loops are broken links), so this recursion ends.
      const previous = link.previous.map(settle);
      const bad = previous.find((p) => p.status === "failed") ?? previous.find((p) => p.status === "unknown");
      if (bad) {
        const which = `signature ${bad.index + 1}`;
        final = {
          ...own,
          derived: true,
          status: bad.status,
          reason: undefined,
          clause:
            bad.status === "failed"
              ? `countersigns ${which}, which is not valid`
              : `countersigns ${which}, which could not be checked`,
        };
      }
    }
    done.set(index, final);
    return final;
  };
  return reports.map((_, index) => settle(index));
}

export interface ProofSetResult {
  reports: ProofReport[];
  chain: ProofChain;
}

export async function verifyProofSet(
  doc: Json,
  entries: unknown[],
  issuerId: string | undefined,
  digest: string | undefined,
  deps: VerifyDeps,
): Promise<ProofSetResult> {
  const proofs = entries.map((entry) => (isRecord(entry) ? entry : {}));
  const chain = linkProofs(proofs);
  const deadline = Date.now() + LIMITS.credentialCanonicalizeMs;
  const ctx: Context = { doc, proofs, chain, issuerId, deps, digest, deadline };
  const own: ProofReport[] = [];
  // One after another: a credential's proofs share its document hash and usually its issuer's DID document.
  for (const [index, entry] of entries.entries()) own.push(await ownReport(ctx, entry, index));
  return { reports: withChain(own, chain), chain };
}
