import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  collections,
  credentialImages,
  credentialOriginals,
  credentials,
  evidenceFiles,
  pathways,
  shares,
} from "@/db/schema";

export interface ExportOverview {
  credentials: number;
  originals: number;
  collections: number;
  goals: number;
  shares: number;
  /** Close to the archive's size (files plus records as JSON), for "about 3.4 MB". */
  approxBytes: number;
}

/** What an export of this holder's wallet would hold, without building it. */
export async function exportOverview(db: Database, holderId: string): Promise<ExportOverview> {
  const n = (value: unknown) => Number(value ?? 0);
  const [[creds], [originals], [evidence], [images], cols, goals, links] = await Promise.all([
    db
      .select({
        count: sql<number>`count(*)`,
        bytes: sql<number>`coalesce(sum(octet_length(${credentials.record}::text) + octet_length(${credentials.payload}::text) + coalesce(octet_length(${credentials.signed}::text), 0) + coalesce(octet_length(${credentials.linked}::text), 0) + coalesce(octet_length(${credentials.verification}::text), 0) + 400), 0)`,
      })
      .from(credentials)
      .where(eq(credentials.holderId, holderId)),
    db
      .select({ count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${credentialOriginals.byteSize}), 0)` })
      .from(credentialOriginals)
      .where(eq(credentialOriginals.holderId, holderId)),
    db
      .select({ bytes: sql<number>`coalesce(sum(${evidenceFiles.byteSize}), 0)` })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.holderId, holderId)),
    db
      .select({ bytes: sql<number>`coalesce(sum(octet_length(${credentialImages.png})), 0)` })
      .from(credentialImages)
      .innerJoin(credentials, eq(credentials.id, credentialImages.credentialId))
      .where(eq(credentials.holderId, holderId)),
    db.$count(collections, eq(collections.holderId, holderId)),
    db.$count(pathways, sql`${pathways.holderId} = ${holderId} and ${pathways.source} = 'goal'`),
    db.$count(shares, eq(shares.holderId, holderId)),
  ]);
  return {
    credentials: n(creds?.count),
    originals: n(originals?.count),
    collections: cols,
    goals,
    shares: links,
    approxBytes: n(creds?.bytes) + n(originals?.bytes) + n(evidence?.bytes) + n(images?.bytes),
  };
}
