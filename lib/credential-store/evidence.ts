import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials, evidenceFiles } from "@/db/schema";

/**
 * The holder's own data beside a credential (note, tags, end date, and its title for the page) and the evidence files a
 * self-reported certificate carries. Every query is scoped by the holder id it is given
 * (docs/architecture.md convention 2): another holder's ids find nothing.
 */

export interface HolderCredentialData {
  title: string;
  note: string | null;
  tags: string[];
  validUntil: Date | null;
}

export async function getHolderDataForCredential(
  db: Database,
  holderId: string,
  credentialId: string,
): Promise<HolderCredentialData | null> {
  const [row] = await db
    .select({
      title: credentials.title,
      note: credentials.holderNote,
      tags: credentials.holderTags,
      validUntil: credentials.validUntil,
    })
    .from(credentials)
    .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)));
  return row ?? null;
}

export interface EvidenceFileSummary {
  id: string;
  filename: string;
  mediaType: string;
  byteSize: number;
  createdAt: Date;
}

/** The files attached to one of the holder's credentials, without their bytes. */
export async function listEvidenceFilesForHolder(
  db: Database,
  holderId: string,
  credentialId: string,
): Promise<EvidenceFileSummary[]> {
  return db
    .select({
      id: evidenceFiles.id,
      filename: evidenceFiles.filename,
      mediaType: evidenceFiles.mediaType,
      byteSize: evidenceFiles.byteSize,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.holderId, holderId), eq(evidenceFiles.credentialId, credentialId)))
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
}

/** One evidence file with its bytes, only when it belongs to this holder and this credential. */
export async function getEvidenceFileForHolder(
  db: Database,
  holderId: string,
  credentialId: string,
  evidenceId: string,
) {
  const [row] = await db
    .select({
      bytes: evidenceFiles.bytes,
      filename: evidenceFiles.filename,
      mediaType: evidenceFiles.mediaType,
      sha256: evidenceFiles.sha256,
    })
    .from(evidenceFiles)
    .innerJoin(credentials, eq(credentials.id, evidenceFiles.credentialId))
    .where(
      and(
        eq(evidenceFiles.holderId, holderId),
        eq(credentials.holderId, holderId),
        eq(evidenceFiles.credentialId, credentialId),
        eq(evidenceFiles.id, evidenceId),
      ),
    );
  return row ?? null;
}
