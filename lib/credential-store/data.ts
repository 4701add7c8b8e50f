import "server-only";
import { and, eq } from "drizzle-orm";
import { isUniqueViolation, type Database, type DatabaseTransaction } from "@/db/client";
import { credentialImages, credentialOriginals, credentials, evidenceFiles } from "@/db/schema";
import { credentialDedupeKey, sha256Hex } from "@/lib/credentials/dedupe";
import type { ImportCandidate, StoreResult } from "@/lib/import/types";
import type { InterpretedCredential } from "@/lib/credentials/formats";
import type { VerificationResult } from "@/lib/verification";
import { parseIsoDate } from "@/lib/credentials/normalize/dates";

/** Every query here is scoped by the holder id it is given (docs/architecture.md convention 2). */

/** The stored ISO date, or null for text that is not one (new Date(text) would read it in the server's time zone). */
function toDate(value: string | undefined): Date | null {
  const ms = value ? parseIsoDate(value) : undefined;
  return ms === undefined ? null : new Date(ms);
}

/** The columns of a credential row, derived from its interpretation (import and wallet restore alike). */
export function rowValues(
  holderId: string,
  originalId: string,
  item: InterpretedCredential,
  parentId: string | null,
  verification: VerificationResult | undefined,
) {
  const { record } = item;
  const token = item.signed?.kind === "compact-jws" ? item.signed.token : undefined;
  return {
    holderId,
    originalId,
    parentId,
    dedupeKey: credentialDedupeKey(item.signed?.kind === "jades" ? item.signed.jws : item.payload, token),
    format: record.format,
    securing: record.securing,
    kind: record.kind,
    title: record.title,
    issuerName: record.issuer.name,
    issuedAt: toDate(record.dates.issued ?? record.dates.validFrom ?? record.dates.awarded),
    validUntil: toDate(record.dates.validUntil),
    hours: record.workload.hours ?? null,
    ects: record.workload.ects ?? null,
    eqfLevel: record.level.eqf ?? null,
    selfReported: record.selfReported,
    record,
    payload: item.payload ?? null,
    signed: item.signed ?? null,
    linked: item.linked ?? null,
    ...(verification
      ? { verdict: verification.verdict, verification, verifiedAt: new Date(verification.checkedAt) }
      : {}),
  };
}

class Duplicate extends Error {
  constructor(readonly existingId: string) {
    super("duplicate");
  }
}

/**
 * Stores one imported credential (and the credentials inside it, for CLR 2.0 and presentations)
 * in one transaction: the original bytes, the record, and the sanitized image. Importing the same
 * credential again changes nothing and reports the existing record.
 */
export async function storeImportedCredential(
  db: Database,
  holderId: string,
  candidate: ImportCandidate,
  alongside?: AlongsideStore,
): Promise<StoreResult> {
  try {
    return await storeOnce(db, holderId, candidate, alongside);
  } catch (error) {
    // Two concurrent imports of one credential: the loser hits the unique index, and its one
    // retry finds the winner's record as a duplicate. A second violation is a real fault.
    if (isUniqueViolation(error)) return storeOnce(db, holderId, candidate, alongside);
    throw error;
  }
}

/**
 * Writes that must commit with the new record or not at all (an import job's item report and its
 * lease check): run inside the storing transaction, only when something new was stored.
 */
type AlongsideStore = (tx: DatabaseTransaction, stored: StoreResult) => Promise<void>;

async function storeOnce(
  db: Database,
  holderId: string,
  candidate: ImportCandidate,
  alongside?: AlongsideStore,
): Promise<StoreResult> {
  const wrapperOnly = candidate.interpreted.presentation === true;
  try {
    return await db.transaction(async (tx) => {
      const sha256 = sha256Hex(candidate.original.bytes);
      // One round trip whether or not these bytes were stored before (the no-op update returns the row).
      const [original] = await tx
        .insert(credentialOriginals)
        .values({
          holderId,
          sha256,
          mediaType: candidate.original.mediaType,
          filename: candidate.original.filename ?? null,
          byteSize: candidate.original.bytes.byteLength,
          bytes: candidate.original.bytes,
        })
        .onConflictDoUpdate({ target: [credentialOriginals.holderId, credentialOriginals.sha256], set: { sha256 } })
        .returning({ id: credentialOriginals.id });
      const originalId = original!.id;

      const insertOne = async (item: InterpretedCredential, parentId: string | null) => {
        const values = rowValues(holderId, originalId, item, parentId, candidate.verifications?.get(item));
        const [row] = await tx
          .insert(credentials)
          .values(values)
          .onConflictDoNothing()
          .returning({ id: credentials.id });
        if (row) return { id: row.id, created: true };
        const [existing] = await tx
          .select({ id: credentials.id })
          .from(credentials)
          .where(and(eq(credentials.holderId, holderId), eq(credentials.dedupeKey, values.dedupeKey)));
        return { id: existing!.id, created: false };
      };

      const children = candidate.interpreted.children;
      if (wrapperOnly) {
        // A presentation is only an envelope: its credentials are imported, not the envelope.
        const results = [];
        for (const child of children) results.push(await insertOne(child, null));
        const created = results.filter((r) => r.created);
        if (created.length === 0) throw new Duplicate(results[0]!.id);
        const stored = {
          outcome: "imported" as const,
          credentialId: created[0]!.id,
          title: candidate.interpreted.record.title,
          childCount: created.length,
        };
        await alongside?.(tx, stored);
        return stored;
      }

      const main = await insertOne(candidate.interpreted, null);
      if (!main.created) throw new Duplicate(main.id);
      if (candidate.image) {
        await tx.insert(credentialImages).values({ credentialId: main.id, ...candidate.image });
      }
      if (candidate.evidence) {
        const { bytes, filename, mediaType } = candidate.evidence;
        await tx.insert(evidenceFiles).values({
          credentialId: main.id,
          holderId,
          filename,
          mediaType,
          bytes,
          byteSize: bytes.byteLength,
          sha256: sha256Hex(bytes),
        });
      }
      let childCount = 0;
      for (const child of children) if ((await insertOne(child, main.id)).created) childCount += 1;
      const stored = {
        outcome: "imported" as const,
        credentialId: main.id,
        title: candidate.interpreted.record.title,
        childCount,
      };
      await alongside?.(tx, stored);
      return stored;
    });
  } catch (error) {
    if (error instanceof Duplicate)
      return {
        outcome: "duplicate",
        credentialId: error.existingId,
        title: candidate.interpreted.record.title,
        childCount: 0,
      };
    throw error;
  }
}

export async function getCredentialImageForHolder(db: Database, holderId: string, credentialId: string) {
  const [row] = await db
    .select({ png: credentialImages.png })
    .from(credentialImages)
    .innerJoin(credentials, eq(credentials.id, credentialImages.credentialId))
    .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)));
  return row?.png ?? null;
}

export async function getCredentialForHolder(db: Database, holderId: string, credentialId: string) {
  const [row] = await db
    .select({
      id: credentials.id,
      title: credentials.title,
      record: credentials.record,
      payload: credentials.payload,
      verdict: credentials.verdict,
      verification: credentials.verification,
      verifiedAt: credentials.verifiedAt,
      parentId: credentials.parentId,
      createdAt: credentials.createdAt,
      selfReported: credentials.selfReported,
      originalId: credentials.originalId,
      imageId: credentialImages.credentialId,
    })
    .from(credentials)
    .leftJoin(credentialImages, eq(credentialImages.credentialId, credentials.id))
    .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)));
  return row ?? null;
}

export async function getOriginalForHolder(db: Database, holderId: string, credentialId: string) {
  const [row] = await db
    .select({
      bytes: credentialOriginals.bytes,
      mediaType: credentialOriginals.mediaType,
      filename: credentialOriginals.filename,
      sha256: credentialOriginals.sha256,
    })
    .from(credentials)
    .innerJoin(credentialOriginals, eq(credentialOriginals.id, credentials.originalId))
    .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)));
  return row ?? null;
}
