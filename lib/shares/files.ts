import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentialImages, credentials, evidenceFiles } from "@/db/schema";
import { isUuid } from "@/lib/http/ids";
import { isInScope, openShare, type ShareUnavailable } from "./resolve";

/** Images and evidence files of a live share, each only for a credential it names now. */

/** The badge image (our sanitized PNG) of a credential the share names now. */
export async function getSharedImage(
  db: Database,
  token: string,
  credentialId: string,
  now: Date,
): Promise<{ status: "ok"; png: Uint8Array } | ShareUnavailable> {
  const open = await openShare(db, token, now);
  if ("status" in open) return open;
  if (!(await isInScope(db, open, credentialId))) return { status: "not-found" };
  const [row] = await db
    .select({ png: credentialImages.png })
    .from(credentialImages)
    .innerJoin(credentials, eq(credentials.id, credentialImages.credentialId))
    .where(and(eq(credentials.holderId, open.holderId), eq(credentials.id, credentialId)));
  return row ? { status: "ok", png: row.png } : { status: "not-found" };
}

/** An evidence file, only when the share shows evidence and names the credential now. */
export async function getSharedEvidenceFile(
  db: Database,
  token: string,
  credentialId: string,
  evidenceId: string,
  now: Date,
) {
  const open = await openShare(db, token, now);
  if ("status" in open) return open;
  if (!open.share.showEvidence || !isUuid(evidenceId) || !(await isInScope(db, open, credentialId)))
    return { status: "not-found" as const };
  const [row] = await db
    .select({
      bytes: evidenceFiles.bytes,
      filename: evidenceFiles.filename,
      mediaType: evidenceFiles.mediaType,
      sha256: evidenceFiles.sha256,
    })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.holderId, open.holderId),
        eq(evidenceFiles.credentialId, credentialId),
        eq(evidenceFiles.id, evidenceId),
      ),
    );
  return row ? { status: "ok" as const, file: row } : { status: "not-found" as const };
}
