import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import { cpdActivities, cpdCycles, cpdProfiles, cpdReminderSettings } from "@/db/schema";
import type { CpdProfile } from "@/lib/cpd/profile-schema";
import { refuse } from "./errors";
import type { WalletArchive } from "./read-archive";
import { chunks, date, type Tx } from "./restore-batches";
import type { RestoreSummary } from "./summary";

/**
 * A cycle on a catalog profile names it by slug; catalogs differ between Tessera instances, and a
 * cycle cannot be kept without its profile, so one this Tessera does not offer refuses the archive.
 */
export async function resolveCatalogProfiles(tx: Tx, { wallet }: WalletArchive): Promise<Map<string, string>> {
  const slugs = [
    ...new Set((wallet.cpd?.cycles ?? []).flatMap((c) => (c.catalogProfile === null ? [] : [c.catalogProfile]))),
  ];
  if (slugs.length === 0) return new Map();
  const rows = await tx
    .select({ id: cpdProfiles.id, slug: cpdProfiles.slug })
    .from(cpdProfiles)
    .where(and(isNull(cpdProfiles.holderId), inArray(cpdProfiles.slug, slugs)));
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.find((slug) => !idOf.has(slug));
  if (missing !== undefined) {
    refuse(
      `A CPD cycle in the archive is on the catalog profile “${missing.slice(0, 60)}”, which this Tessera does not offer, so the cycle cannot be restored. Nothing was restored.`,
    );
  }
  return idOf;
}

/** The holder's CPD, after the credentials it names: profiles first, then cycles on them. */
export async function writeCpd(
  tx: Tx,
  holderId: string,
  { cpd }: WalletArchive["wallet"],
  definitions: CpdProfile[],
  catalogProfiles: Map<string, string>,
  id: (key: string) => string,
): Promise<Pick<RestoreSummary, "cpdProfiles" | "cpdCycles" | "cpdActivities" | "reminderSettings">> {
  if (!cpd) return { cpdProfiles: 0, cpdCycles: 0, cpdActivities: 0, reminderSettings: "none" };
  const profileIds = new Map<string, string>();
  for (const [index, p] of cpd.profiles.entries()) {
    // The definition as the CPD profile schema parsed it, as createHolderProfile stores it.
    const [row] = await tx
      .insert(cpdProfiles)
      .values({
        holderId,
        slug: p.slug,
        source: "holder",
        version: p.version,
        definition: definitions[index]!,
        createdAt: date(p.createdAt),
        updatedAt: date(p.updatedAt),
      })
      .returning({ id: cpdProfiles.id });
    profileIds.set(p.key, row!.id);
  }
  for (const batch of chunks(cpd.cycles, 500)) {
    await tx.insert(cpdCycles).values(
      batch.map((c) => ({
        holderId,
        profileId: c.profile !== null ? profileIds.get(c.profile)! : catalogProfiles.get(c.catalogProfile!)!,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        createdAt: date(c.createdAt),
      })),
    );
  }
  for (const batch of chunks(cpd.activities, 1000)) {
    await tx.insert(cpdActivities).values(
      batch.map((a) => ({
        holderId,
        credentialId: id(a.credential),
        hours: a.hours,
        participatory: a.participatory,
        topics: a.topics,
        recordKinds: a.recordKinds,
        excluded: a.excluded,
        updatedAt: date(a.updatedAt),
      })),
    );
  }
  let reminderSettings: RestoreSummary["reminderSettings"] = "none";
  if (cpd.reminders) {
    // Settings already chosen in this account are its holder's latest word: kept, not overwritten.
    const written = await tx
      .insert(cpdReminderSettings)
      .values({
        holderId,
        inApp: cpd.reminders.inApp,
        email: cpd.reminders.email,
        updatedAt: date(cpd.reminders.updatedAt),
      })
      .onConflictDoNothing()
      .returning({ holderId: cpdReminderSettings.holderId });
    reminderSettings = written.length > 0 ? "restored" : "kept";
  }
  return {
    cpdProfiles: cpd.profiles.length,
    cpdCycles: cpd.cycles.length,
    cpdActivities: cpd.activities.length,
    reminderSettings,
  };
}
