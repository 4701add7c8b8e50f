import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { importJobItems, importJobs, importJobSources, type ImportJobStatus } from "@/db/schema";
import { storeImportedCredential } from "@/lib/credential-store/data";
import { verificationDepsForHolder, verifyCandidate } from "@/lib/credential-store/verify-stored";
import { expandSources, prepareCandidates, type ImportDeps, type ImportItem } from "./pipeline";
import { attachRemoteImages, type PendingImage } from "./remote-images";
import type { ImportItemReport } from "./types";
import { logError } from "@/lib/observability/logger";

export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/** Records what the holder gave, so the job can run in the background and resume after a crash. */
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
    return job!.id;
  });
}

async function setStatus(
  db: Database,
  jobId: string,
  status: ImportJobStatus,
  extra: Partial<typeof importJobs.$inferInsert> = {},
) {
  await db
    .update(importJobs)
    .set({ status, ...extra })
    .where(eq(importJobs.id, jobId));
}

/**
 * Runs (or resumes) a job: expands archives into items, then imports item by item, each in its
 * own transaction, writing one report row per item. Items already reported are skipped, so a
 * job interrupted by a crash resumes where it stopped. Sources are dropped when it ends.
 */
export async function runImportJob(db: Database, jobId: string, deps: ImportDeps): Promise<void> {
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
  await setStatus(db, jobId, "running", { total: items.length, processed: done.size });

  const pendingImages: PendingImage[] = [];
  deps = { ...deps, verify: deps.verify ?? (await verificationDepsForHolder(db, job.holderId, deps.fetch)) };
  for (const [position, item] of items.entries()) {
    if (done.has(position)) continue;
    const report = await importOne(db, job.holderId, item, deps, pendingImages).catch(
      (error: unknown): ImportItemReport => {
        // One item failing in a way nobody foresaw must not stall the job: it is reported and skipped.
        logError("import", "item failed unexpectedly", error, { jobId, position });
        return {
          name: item.name,
          outcome: "rejected",
          message:
            "Tessera could not read this item because of an error on our side. Nothing was stored for it; please try again.",
        };
      },
    );
    await db.transaction(async (tx) => {
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
    });
  }
  await db.delete(importJobSources).where(eq(importJobSources.jobId, jobId));
  await setStatus(db, jobId, "done", { finishedAt: new Date() });
  await attachRemoteImages(db, pendingImages, deps);
}

export async function importOne(
  db: Database,
  holderId: string,
  item: ImportItem,
  deps: ImportDeps,
  pendingImages?: PendingImage[],
): Promise<ImportItemReport> {
  const prepared = await prepareCandidates(item, deps);
  if (!prepared.ok) return { name: item.name, outcome: "rejected", message: prepared.message };
  // Checked before storing, so the record and its verdict land in one transaction. A verification
  // problem never blocks the import: the credential is then stored as not yet checked.
  const candidate = deps.verify
    ? { ...prepared.candidate, verifications: await verifyCandidate(prepared.candidate, deps.verify) }
    : prepared.candidate;
  const stored = await storeImportedCredential(db, holderId, candidate);
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

/** Jobs a crash left running; the server resumes them at start. */
export async function findInterruptedJobIds(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(sql`${importJobs.status} in ('queued', 'running')`);
  return rows.map((r) => r.id);
}
