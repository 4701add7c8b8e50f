import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentialOriginals, credentials } from "@/db/schema";

export interface DeletedCredential {
  id: string;
  title: string;
  /** Credentials that arrived inside this one (a CLR's parts) and stay in the wallet on their own. */
  keptChildren: number;
}

/**
 * Deletes one credential of this holder: its record, image, evidence and collection memberships
 * go with it (foreign-key cascades; shares and pathway counts follow the same rows). The original
 * file is deleted too unless another credential came from the same bytes (a CLR and its parts).
 */
export async function deleteCredentialForHolder(
  db: Database,
  holderId: string,
  credentialId: string,
): Promise<DeletedCredential | null> {
  return db.transaction(async (tx) => {
    const keptChildren = await tx.$count(
      credentials,
      and(eq(credentials.holderId, holderId), eq(credentials.parentId, credentialId)),
    );
    const [deleted] = await tx
      .delete(credentials)
      .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)))
      .returning({ id: credentials.id, title: credentials.title, originalId: credentials.originalId });
    if (!deleted) return null;
    const sharing = await tx.$count(
      credentials,
      and(eq(credentials.holderId, holderId), eq(credentials.originalId, deleted.originalId)),
    );
    if (sharing === 0) {
      await tx
        .delete(credentialOriginals)
        .where(and(eq(credentialOriginals.holderId, holderId), eq(credentialOriginals.id, deleted.originalId)));
    }
    return { id: deleted.id, title: deleted.title, keptChildren };
  });
}

/** How many credentials deleting this one would leave behind (said in the confirmation). */
export async function countChildrenForHolder(db: Database, holderId: string, credentialId: string): Promise<number> {
  return db.$count(credentials, and(eq(credentials.holderId, holderId), eq(credentials.parentId, credentialId)));
}
