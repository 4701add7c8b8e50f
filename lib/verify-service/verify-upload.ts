import { isZipArchive } from "@/lib/credentials/detect";
import { prepareCandidates } from "@/lib/import/pipeline";
import type { InterpretedCredential } from "@/lib/credentials/formats";
import { KIND_LABELS } from "@/lib/credentials/record";
import { toVerifyInput } from "@/lib/credentials/verify-input";
import type { FetchLike } from "@/lib/net";
import { verifyCredential, verifyHolderProof, type ProofCache, type VerificationResult } from "@/lib/verification";
import { countVerification } from "@/lib/observability/metrics";

export interface VerifiedCredentialView {
  verdict: VerificationResult["verdict"];
  format: string;
  formatLabel: string;
  checks: Array<{ id: string; status: string; reason: string; details?: Record<string, string> }>;
  checkedAt: string;
  credential: {
    title: string;
    issuer: string;
    issuerId?: string;
    kind: string;
    issued?: string;
    validUntil?: string;
    hours?: number;
    ects?: number;
    eqfLevel?: number;
    recipient?: string;
  };
}

/** A presentation's own check: was it signed by the person presenting it (lib/verification/presentation.ts)? */
export interface PresentationView {
  holder?: string;
  check: { id: string; status: string; reason: string; details?: Record<string, string> };
}

export type VerifyUploadResult =
  { ok: true; results: VerifiedCredentialView[]; presentation?: PresentationView } | { ok: false; message: string };

export interface VerifyUploadDeps {
  fetch: FetchLike;
  now?: () => Date;
  holder?: { emails: string[]; dids: string[] };
  knownIssuers?: ReadonlyArray<{ id: string; name: string }>;
  proofCache?: ProofCache;
  /** Certificate authorities vouching for x5c-signing JOSE issuers (PEM). */
  x509TrustAnchors?: ReadonlyArray<string>;
}

function view(item: InterpretedCredential, result: VerificationResult): VerifiedCredentialView {
  const { record } = item;
  return {
    verdict: result.verdict,
    format: record.format,
    formatLabel: record.formatLabel,
    checks: result.checks,
    checkedAt: result.checkedAt,
    credential: {
      title: record.title,
      issuer: record.issuer.name,
      ...(record.issuer.id ? { issuerId: record.issuer.id } : {}),
      kind: KIND_LABELS[record.kind],
      ...((record.dates.issued ?? record.dates.validFrom)
        ? { issued: record.dates.issued ?? record.dates.validFrom }
        : {}),
      ...(record.dates.validUntil ? { validUntil: record.dates.validUntil } : {}),
      ...(record.workload.hours !== undefined ? { hours: record.workload.hours } : {}),
      ...(record.workload.ects !== undefined ? { ects: record.workload.ects } : {}),
      ...(record.level.eqf !== undefined ? { eqfLevel: record.level.eqf } : {}),
      ...(record.recipient.name ? { recipient: record.recipient.name } : {}),
    },
  };
}

/**
 * The verifier checks one credential per request (ADR 0021): an archive would turn one rate-limited
 * request into up to a thousand verifications, each fetching from issuers. Holders import whole
 * archives in their wallet; the CLI verifies each file in an archive (scripts/cli/verify-command.ts).
 */
export const ARCHIVE_REFUSAL =
  "This is a zip archive, not a single credential. The verifier checks one credential at a time: unzip it and check each file. To keep them all, import the archive in your wallet (Add credentials).";

/**
 * Verifies what someone hands to the public verifier (file bytes, pasted text or a link) with the
 * same detection and checks as the wallet; nothing is stored. A presentation or CLR yields one
 * result per credential inside (the CLR itself first).
 */
export async function verifyUpload(
  name: string,
  bytes: Uint8Array,
  deps: VerifyUploadDeps,
): Promise<VerifyUploadResult> {
  if (isZipArchive(bytes)) return { ok: false, message: ARCHIVE_REFUSAL };
  const prepared = await prepareCandidates({ name, bytes }, { fetch: deps.fetch });
  if (!prepared.ok) return { ok: false, message: prepared.message };
  const { interpreted } = prepared.candidate;
  const items = interpreted.presentation ? interpreted.children : [interpreted, ...interpreted.children];
  const verifyDeps = {
    fetch: deps.fetch,
    now: deps.now ?? (() => new Date()),
    ...(deps.holder ? { holder: deps.holder } : {}),
    ...(deps.knownIssuers ? { knownIssuers: deps.knownIssuers } : {}),
    ...(deps.proofCache ? { proofCache: deps.proofCache } : {}),
    ...(deps.x509TrustAnchors ? { x509TrustAnchors: deps.x509TrustAnchors } : {}),
  };
  const results: VerifiedCredentialView[] = [];
  for (const item of items) {
    const result = await verifyCredential(toVerifyInput(item), verifyDeps);
    countVerification("public", result.verdict);
    results.push(view(item, result));
  }
  if (!interpreted.presentation) return { ok: true, results };
  const check = await verifyHolderProof(
    interpreted.payload as Record<string, unknown>,
    items.map(toVerifyInput),
    verifyDeps,
    interpreted.signed !== undefined,
  );
  const holder = check.details?.signer ?? check.details?.holder;
  return { ok: true, results, presentation: { ...(holder ? { holder } : {}), check } };
}
