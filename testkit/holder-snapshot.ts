import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  collectionItems,
  collections,
  cpdActivities,
  cpdCycles,
  cpdProfiles,
  cpdReminderDeliveries,
  cpdReminderSettings,
  credentialOriginals,
  credentials,
  evidenceFiles,
  holderWorkloads,
  pathwayFollows,
  pathways,
  shareCredentials,
  shares,
} from "@/db/schema";

/**
 * Everything a holder owns, as one comparable value: a test that sends hostile or foreign input
 * asserts the snapshot is unchanged ("DB diff zero", docs/threat-model.md#what-refused-means).
 */
export async function holderSnapshot(db: Database, holderId: string): Promise<unknown> {
  const [creds, originals, evidence, cols, items, goals, follows, links, linked, cpd, workloads] = await Promise.all([
    db.select().from(credentials).where(eq(credentials.holderId, holderId)).orderBy(asc(credentials.id)),
    db
      .select({ id: credentialOriginals.id, sha256: credentialOriginals.sha256 })
      .from(credentialOriginals)
      .where(eq(credentialOriginals.holderId, holderId))
      .orderBy(asc(credentialOriginals.id)),
    db
      .select({ id: evidenceFiles.id, sha256: evidenceFiles.sha256 })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.holderId, holderId))
      .orderBy(asc(evidenceFiles.id)),
    db.select().from(collections).where(eq(collections.holderId, holderId)).orderBy(asc(collections.id)),
    db
      .select()
      .from(collectionItems)
      .where(eq(collectionItems.holderId, holderId))
      .orderBy(asc(collectionItems.collectionId), asc(collectionItems.credentialId)),
    db.select().from(pathways).where(eq(pathways.holderId, holderId)).orderBy(asc(pathways.id)),
    db
      .select()
      .from(pathwayFollows)
      .where(eq(pathwayFollows.holderId, holderId))
      .orderBy(asc(pathwayFollows.pathwayId)),
    db.select().from(shares).where(eq(shares.holderId, holderId)).orderBy(asc(shares.id)),
    db
      .select({ shareId: shareCredentials.shareId, credentialId: shareCredentials.credentialId })
      .from(shareCredentials)
      .innerJoin(shares, eq(shares.id, shareCredentials.shareId))
      .where(eq(shares.holderId, holderId))
      .orderBy(asc(shareCredentials.shareId), asc(shareCredentials.credentialId)),
    cpdSnapshot(db, holderId),
    db
      .select()
      .from(holderWorkloads)
      .where(eq(holderWorkloads.holderId, holderId))
      .orderBy(asc(holderWorkloads.credentialId)),
  ]);
  return JSON.parse(
    JSON.stringify({ creds, originals, evidence, cols, items, goals, follows, links, linked, cpd, workloads }),
  );
}

async function cpdSnapshot(db: Database, holderId: string) {
  const [profiles, cycles, activities, settings, deliveries] = await Promise.all([
    db.select().from(cpdProfiles).where(eq(cpdProfiles.holderId, holderId)).orderBy(asc(cpdProfiles.id)),
    db.select().from(cpdCycles).where(eq(cpdCycles.holderId, holderId)).orderBy(asc(cpdCycles.id)),
    db
      .select()
      .from(cpdActivities)
      .where(eq(cpdActivities.holderId, holderId))
      .orderBy(asc(cpdActivities.credentialId)),
    db.select().from(cpdReminderSettings).where(eq(cpdReminderSettings.holderId, holderId)),
    db
      .select()
      .from(cpdReminderDeliveries)
      .where(eq(cpdReminderDeliveries.holderId, holderId))
      .orderBy(asc(cpdReminderDeliveries.reminderKey)),
  ]);
  return { profiles, cycles, activities, settings, deliveries };
}
