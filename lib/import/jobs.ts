import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, DatabaseTransaction } from "@/db/client";
import { importJobItems, importJobs, importJobSources, type ImportJobStatus } from "@/db/schema";
import { storeImportedCredential } from "@/lib/credential-store/data";
import { verificationDepsForHolder, verifyCandidate } from "@/lib/credential-store/verify-stored";
import { expandSources, prepareCandidates, type ImportDeps, type ImportItem } from "./pipeline";
import { attachRemoteImages, type PendingImage } from "./remote-images";
import type { ImportCandidate, ImportItemReport, StoreResult } from "./types";
import { enqueueJob, LeaseLostError } from "@/lib/jobs/queue";
import { logError } from "@/lib/observability/logger";

export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/** The source label of credentials an issuer sent over OpenID4VCI (lib/issuance). */
export const ISSUER_SOURCE = "issuer";

/** Records what the holder gave and queues the job, in one transaction, so it runs in the background and resumes after a crash. */
export async function createImportJob(
  db: Database,
  holderId: string,
  sourceLabel: string,
  sources: ImportSource[],
): Promise<string> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(importJobs)
      .values({ holderId, source: sourceLabel, total: sources.length })
      .returning({ id: importJobs.id });
    await tx
      .insert(importJobSources)
      .values(sources.map((s, position) => ({ jobId: job!.id, position, name: s.name, bytes: s.bytes })));
    await enqueueJob(tx, { kind: IMPORT_JOB_KIND, key: `import:${job!.id}`, payload: { importJobId: job!.id } });
    return job!.id;
  });
}

/** The queue's kind for imports (lib/jobs); the payload names the import job. */
export const IMPORT_JOB_KIND = "import";

/**
 * How a run is held to its claim on the queue (lib/jobs): every write checks the lease in its own
 * transaction, and the run stops between items when asked. Without it (tests, one-off tools) the
 * caller vouches that nothing else runs the job.
 */
export interface ImportRunLease {
  holdsLease(tx: DatabaseTransaction): Promise<void>;
  signal: AbortSignal;
}

const unleased: ImportRunLease = { holdsLease: async () => undefined, signal: new AbortController().signal };

/** One item's report row and the job's progress, written after the lease check (and, for a new record, with the record). */
async function recordItem(
  tx: DatabaseTransaction,
  lease: ImportRunLease,
  jobId: string,
  position: number,
  report: ImportItemReport,
): Promise<void> {
  await lease.holdsLease(tx);
  await tx.insert(importJobItems).values({
    jobId,
    position,
    name: report.name,
    outcome: report.outcome,
    message: report.message,
    credentialId: report.outcome === "rejected" ? null : (report.credentialId ?? null),
    title: report.outcome === "rejected" ? null : report.title,
  });
  await tx
    .update(importJobs)
    .set({ processed: sql`${importJobs.processed} + 1` })
    .where(eq(importJobs.id, jobId));
}

/**
 * Runs (or resumes) a job: expands archives into items, then imports item by item. A new
 * credential, its item report and the progress count commit in one transaction, so after a crash
 * every item is either fully done (and skipped on resume) or not begun (and imported on resume):
 * nothing twice, nothing lost. Sources are dropped when it ends. Between items it stops when
 * `lease.signal` says so; the queue then hands the job to the next process.
 */
export async function runImportJob(
  db: Database,
  jobId: string,
  deps: ImportDeps,
  lease: ImportRunLease = unleased,
): Promise<void> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job || job.status === "done" || job.status === "failed") return;
  const sources = await db
    .select()
    .from(importJobSources)
    .where(eq(importJobSources.jobId, jobId))
    .orderBy(asc(importJobSources.position));
  const { items } = await expandSources(sources);
  const done = new Set(
    (
      await db.select({ position: importJobItems.position }).from(importJobItems).where(eq(importJobItems.jobId, jobId))
    ).map((r) => r.position),
  );
  await db.transaction(async (tx) => {
    await lease.holdsLease(tx);
    await tx
      .update(importJobs)
      .set({ status: "running", total: items.length, processed: done.size })
      .where(eq(importJobs.id, jobId));
  });

  const pendingImages: PendingImage[] = [];
  deps = {
    ...deps,
    verify: deps.verify ?? (await verificationDepsForHolder(db, job.holderId, deps.fetch)),
    // Kept with the job (its source), so a job resumed after a crash still refuses them.
    refuseOtherRecipient: job.source === ISSUER_SOURCE,
  };
  for (const [position, item] of items.entries()) {
    if (done.has(position)) continue;
    if (lease.signal.aborted) return;
    let recorded = false;
    const report = await importOne(db, job.holderId, item, deps, pendingImages, async (tx, stored) => {
      await recordItem(tx, lease, jobId, position, stored);
      recorded = true;
    }).catch((error: unknown): ImportItemReport => {
      // The database failing (a restart, a dropped connection) or the lease gone: the attempt
      // stops and the queue runs the job again, this item included.
      if (error instanceof LeaseLostError || error instanceof StorageFailed) throw error;
      // One item failing in a way nobody foresaw must not stall the job: it is reported and skipped.
      logError("import", "item failed unexpectedly", error, { jobId, position });
      return {
        name: item.name,
        outcome: "rejected",
        message:
          "Tessera could not read this item because of an error on our side. Nothing was stored for it; please try again.",
      };
    });
    if (!recorded) await db.transaction((tx) => recordItem(tx, lease, jobId, position, report));
  }
  await db.transaction(async (tx) => {
    await lease.holdsLease(tx);
    await tx.delete(importJobSources).where(eq(importJobSources.jobId, jobId));
    await tx.update(importJobs).set({ status: "done", finishedAt: new Date() }).where(eq(importJobs.id, jobId));
  });
  await attachRemoteImages(db, pendingImages, deps);
}

/** A job the queue gave up on (every attempt failed or died): the holder sees it failed, with the reason. */
export async function markImportJobFailed(db: Database, jobId: string, message: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(importJobSources).where(eq(importJobSources.jobId, jobId));
    await tx
      .update(importJobs)
      .set({ status: "failed", message, finishedAt: new Date() })
      .where(and(eq(importJobs.id, jobId), sql`${importJobs.status} in ('queued', 'running')`));
  });
}

function issuedToSomeoneElse(verifications: ImportCandidate["verifications"]): boolean {
  return [...(verifications?.values() ?? [])].some((result) =>
    result.checks.some((check) => check.id === "recipient" && check.status === "failed"),
  );
}

/** Storing failed: the item is not at fault, so it is not reported as rejected but tried again. */
class StorageFailed extends Error {
  constructor(cause: unknown) {
    super(`Storing the item failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StorageFailed";
  }
}

export async function importOne(
  db: Database,
  holderId: string,
  item: ImportItem,
  deps: ImportDeps,
  pendingImages?: PendingImage[],
  /** Writes that commit with a newly stored record (a job's item report): see storeImportedCredential. */
  alongside?: (tx: DatabaseTransaction, report: ImportItemReport) => Promise<void>,
): Promise<ImportItemReport> {
  const prepared = await prepareCandidates(item, deps);
  if (!prepared.ok) return { name: item.name, outcome: "rejected", message: prepared.message };
  // Checked before storing, so the record and its verdict land in one transaction. A verification
  // problem never blocks the import: the credential is then stored as not yet checked.
  const candidate = deps.verify
    ? { ...prepared.candidate, verifications: await verifyCandidate(prepared.candidate, deps.verify) }
    : prepared.candidate;
  if (deps.refuseOtherRecipient && issuedToSomeoneElse(candidate.verifications))
    return {
      name: item.name,
      outcome: "rejected",
      message:
        "This credential was issued to someone else's key, not to your wallet, so Tessera did not keep it. Ask the issuer to send it again.",
    };
  const stored = await storeImportedCredential(
    db,
    holderId,
    candidate,
    alongside && ((tx, result) => alongside(tx, importedReport(item, result))),
  ).catch((error: unknown) => {
    throw error instanceof LeaseLostError ? error : new StorageFailed(error);
  });
  if (stored.outcome === "imported" && prepared.candidate.remoteImageUrl)
    pendingImages?.push({ credentialId: stored.credentialId, url: prepared.candidate.remoteImageUrl });
  if (stored.outcome === "duplicate") {
    return {
      name: item.name,
      outcome: "duplicate",
      title: stored.title,
      credentialId: stored.credentialId,
      message: "Already in your wallet",
    };
  }
  return importedReport(item, stored);
}

function importedReport(item: ImportItem, stored: StoreResult): ImportItemReport {
  const extra =
    stored.childCount > 0 ? ` (with ${stored.childCount} credential${stored.childCount === 1 ? "" : "s"} inside)` : "";
  return {
    name: item.name,
    outcome: "imported",
    title: stored.title,
    credentialId: stored.credentialId,
    message: `Imported${extra}`,
  };
}

export interface ImportJobView {
  id: string;
  status: ImportJobStatus;
  total: number;
  processed: number;
  message: string | null;
  items: ImportItemReport[];
}

export async function getImportJobForHolder(
  db: Database,
  holderId: string,
  jobId: string,
): Promise<ImportJobView | null> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.holderId, holderId)));
  if (!job) return null;
  const rows = await db
    .select()
    .from(importJobItems)
    .where(eq(importJobItems.jobId, jobId))
    .orderBy(asc(importJobItems.position));
  const items = rows.map((row): ImportItemReport =>
    row.outcome === "rejected"
      ? { name: row.name, outcome: "rejected", message: row.message }
      : {
          name: row.name,
          outcome: row.outcome,
          title: row.title ?? row.name,
          ...(row.credentialId ? { credentialId: row.credentialId } : {}),
          message: row.message,
        },
  );
  return { id: job.id, status: job.status, total: job.total, processed: job.processed, message: job.message, items };
}
