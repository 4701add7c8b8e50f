import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdActivities, credentials, holderWorkloads } from "@/db/schema";
import type { ActivityOverride, ActivitySource } from "./activity";
import { DomainError } from "@/lib/errors/domain-error";
import { CREDENTIAL_NOT_FOUND } from "./errors";
import type { RecordKind } from "./profile-schema";

/** Every credential of the holder with what the holder said about it as CPD. */
export async function loadActivitySources(db: Database, holderId: string): Promise<ActivitySource[]> {
  const rows = await db
    .select({
      id: credentials.id,
      title: credentials.title,
      issuer: credentials.issuerName,
      issuedAt: credentials.issuedAt,
      hours: credentials.hours,
      ects: credentials.ects,
      holderSetHours: holderWorkloads.hours,
      holderSetEcts: holderWorkloads.ects,
      participation: sql<string | null>`${credentials.record}->>'participation'`,
      skills: sql<string[] | null>`jsonb_path_query_array(${credentials.record}, '$.skills[*].name')`,
      outcomes: sql<string[] | null>`jsonb_path_query_array(${credentials.record}, '$.learningOutcomes[*].title')`,
      holderTags: credentials.holderTags,
      verdict: credentials.verdict,
      selfReported: credentials.selfReported,
      // Flat, not a nested object: drizzle nulls a nested left-joined object unreliably.
      overrideOf: cpdActivities.credentialId,
      overrideHours: cpdActivities.hours,
      overrideParticipatory: cpdActivities.participatory,
      overrideTopics: cpdActivities.topics,
      overrideKinds: cpdActivities.recordKinds,
      overrideExcluded: cpdActivities.excluded,
    })
    .from(credentials)
    .leftJoin(cpdActivities, and(eq(cpdActivities.credentialId, credentials.id), eq(cpdActivities.holderId, holderId)))
    .leftJoin(
      holderWorkloads,
      and(eq(holderWorkloads.credentialId, credentials.id), eq(holderWorkloads.holderId, holderId)),
    )
    .where(eq(credentials.holderId, holderId));
  return rows.map((r) => ({
    credentialId: r.id,
    title: r.title,
    issuer: r.issuer,
    issuedAt: r.issuedAt,
    hours: r.hours,
    ects: r.ects,
    holderSetHours: r.holderSetHours,
    holderSetEcts: r.holderSetEcts,
    participation: r.participation,
    skills: (r.skills ?? []).filter((s): s is string => typeof s === "string"),
    outcomes: (r.outcomes ?? []).filter((s): s is string => typeof s === "string"),
    holderTags: r.holderTags,
    verdict: r.verdict,
    selfReported: r.selfReported,
    override: r.overrideOf
      ? {
          hours: r.overrideHours,
          participatory: r.overrideParticipatory,
          topics: r.overrideTopics,
          recordKinds: (r.overrideKinds ?? null) as RecordKind[] | null,
          excluded: r.overrideExcluded ?? false,
        }
      : null,
  }));
}

/** Saves the holder's view of one of their own credentials; another holder's credential is "not found". */
export async function saveActivityOverride(
  db: Database,
  holderId: string,
  credentialId: string,
  override: ActivityOverride,
): Promise<void> {
  await requireOwnCredential(db, holderId, credentialId);
  const values = { ...override, updatedAt: new Date() };
  await db
    .insert(cpdActivities)
    .values({ holderId, credentialId, ...values })
    .onConflictDoUpdate({ target: [cpdActivities.holderId, cpdActivities.credentialId], set: values });
}

/** Back to what Tessera derives from the credential; another holder's credential is "not found". */
export async function clearActivityOverride(db: Database, holderId: string, credentialId: string): Promise<void> {
  await requireOwnCredential(db, holderId, credentialId);
  await db
    .delete(cpdActivities)
    .where(and(eq(cpdActivities.holderId, holderId), eq(cpdActivities.credentialId, credentialId)));
}

async function requireOwnCredential(db: Database, holderId: string, credentialId: string): Promise<void> {
  const [owned] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.id, credentialId), eq(credentials.holderId, holderId)));
  if (!owned) throw new DomainError("not_found", CREDENTIAL_NOT_FOUND);
}
