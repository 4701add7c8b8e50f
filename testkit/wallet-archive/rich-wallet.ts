import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdProfiles, cpdReminderDeliveries, pathways } from "@/db/schema";
import { saveActivityOverride } from "@/lib/cpd/activities-data";
import { createCycle } from "@/lib/cpd/cycles-data";
import { createHolderProfile } from "@/lib/cpd/profiles-data";
import { saveReminderSettings } from "@/lib/cpd/reminders-data";
import { importOne } from "@/lib/import/jobs";
import { issueOpenBadge, issueOpenBadgeJwt } from "@/test-issuer";
import { createEd25519Issuer } from "@/test-issuer/keys";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { createGuardedFetch } from "@/lib/net";
import { followPathway } from "@/lib/stacking/data";
import { saveGoal } from "@/lib/stacking/goals-data";
import { createShare, revokeShare } from "@/lib/shares/data";
import { storeSignedTestCredential } from "@/testkit/shares/signed-test-credential";
import { setHolderNote, setHolderTags } from "@/lib/credential-store/annotations";
import { confirmMentionedHours, setCreditUnit } from "@/lib/holder-workload/data";
import { addToCollection, createCollection } from "@/lib/wallet/collections";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";

/** The round-trip suites' sample: a rich wallet, built through the same functions the app uses. */

export const NOW = new Date("2026-12-06T12:00:00.000Z");
let serial = 0;
export const email = (label: string) => `${label}-${++serial}-${Date.now()}@portability.test`;

/** A wallet with one of everything a holder can own. */
export async function richWallet(db: Database): Promise<{ holderId: string; ids: Record<string, string> }> {
  const holderId = await createTestHolder(db, email("rich"), "Amara Okafor");
  const issuer = await createEd25519Issuer();
  const fetch = createGuardedFetch({ documents: new Map() });
  const deps = { fetch, verify: await verificationDepsForHolder(db, holderId, fetch) };
  const signed = await issueOpenBadge(issuer, {
    achievement: { name: "Sepsis Recognition", id: "https://northbridge.test/a/sepsis" },
  });
  const json = await importOne(
    db,
    holderId,
    { name: "sepsis.json", bytes: new TextEncoder().encode(JSON.stringify(signed)) },
    deps,
  );
  const jwt = await importOne(
    db,
    holderId,
    {
      name: "airway.jwt",
      bytes: new TextEncoder().encode(
        await issueOpenBadgeJwt(issuer, {
          achievement: { name: "Airway Management", id: "https://northbridge.test/a/airway" },
        }),
      ),
    },
    deps,
  );
  if (json.outcome !== "imported" || jwt.outcome !== "imported")
    throw new Error(`test issuer import failed: ${json.message} ${jwt.message}`);
  const clr = await storeSignedTestCredential(db, holderId, {
    title: "Critical Care Transcript",
    kind: "nano-degree",
    image: true,
    children: [
      { title: "Ventilator Care", hours: 12 },
      { title: "Haemofiltration", hours: 8 },
    ],
  });
  const selfReported = await storeSignedTestCredential(db, holderId, {
    title: "Manual Handling",
    selfReported: true,
    evidence: { filename: "certificate.pdf", bytes: new TextEncoder().encode("%PDF-1.4 evidence") },
  });
  const plain = await storeTestCredential(db, holderId, {
    title: "Basic Life Support",
    issuer: "Resuscitation Academy",
    hours: 4,
    skills: ["cardiopulmonary resuscitation"],
    verdict: "unknown",
  });
  await setHolderNote(db, holderId, plain, "Renew before March — ward requirement.");
  await setHolderTags(db, holderId, plain, ["mandatory", "to-renew"]);
  await setHolderTags(db, holderId, clr.id, ["icu-application"]);
  // The test issuer states OB 3.0 workload in words and a unit-less credit: the holder counts both.
  await confirmMentionedHours(db, holderId, json.credentialId!);
  await setCreditUnit(db, holderId, json.credentialId!, "ects");
  const icu = await createCollection(db, holderId, { name: "ICU application", description: "For the St Aldhelm post" });
  await addToCollection(db, holderId, icu.id, [plain, clr.id, json.credentialId!]);
  await createCollection(db, holderId, { name: "Empty for now" });
  await saveGoal(db, holderId, {
    title: "ICU readiness",
    targetTitle: "Critical Care Certificate",
    targetKind: "certificate",
    heldCredentialIds: [plain],
    toEarn: [{ title: "Ventilator Care", issuer: "Northbridge" }],
  });
  const [catalog] = await db
    .select({ id: pathways.id })
    .from(pathways)
    .where(isNull(pathways.holderId))
    .orderBy(asc(pathways.slug))
    .limit(1);
  await followPathway(db, holderId, catalog!.id);
  await createShare(
    db,
    holderId,
    {
      scope: "selection",
      credentialIds: [plain, json.credentialId!],
      headline: "For the ICU post",
      showNotes: true,
      expiry: 30,
    },
    { now: NOW },
  );
  const collectionShare = await createShare(
    db,
    holderId,
    { scope: "collection", collectionId: icu.id, expiry: "never" },
    { now: NOW },
  );
  await revokeShare(db, holderId, collectionShare!.share.id, NOW);

  // CPD: two profiles of the holder's own, cycles on one of them and on a catalog profile, overrides, settings.
  const ward = await createHolderProfile(db, holderId, ownProfile("ward-7-mandatory", "Ward 7 mandatory training"));
  await createHolderProfile(db, holderId, {
    ...ownProfile("agency-induction", "Agency induction"),
    rules: [
      { id: "total", kind: "total-hours", label: "Induction hours", minHours: 16 },
      { id: "sim", kind: "participatory-hours", label: "Simulation hours", minHours: 4 },
      {
        id: "reflection",
        kind: "record-count",
        label: "Reflective accounts",
        recordKind: "reflective-account",
        minCount: 2,
      },
    ],
  });
  await createCycle(db, holderId, {
    profileId: await catalogProfileId(db, "nmc-revalidation"),
    startsOn: "2024-04-01",
    endsOn: "2027-03-31",
  });
  await createCycle(db, holderId, { profileId: ward.id, startsOn: "2026-01-01", endsOn: "2026-12-31" });
  await createCycle(db, holderId, { profileId: ward.id, startsOn: "2027-01-01", endsOn: "2027-12-31" });
  await saveActivityOverride(db, holderId, plain, {
    hours: 4.5,
    participatory: true,
    topics: ["Fire safety", "Resuscitation"],
    recordKinds: ["planned-learning", "reflective-account"],
    excluded: false,
  });
  await saveActivityOverride(db, holderId, clr.id, {
    hours: null,
    participatory: null,
    topics: null,
    recordKinds: [],
    excluded: true,
  });
  await saveReminderSettings(db, holderId, { inApp: true, email: false });
  // A send log entry: never exported (docs/decisions/0015).
  await db.insert(cpdReminderDeliveries).values({ holderId, reminderKey: "cycle:x:2027-03-31:90" });
  return {
    holderId,
    ids: {
      plain,
      clr: clr.id,
      selfReported: selfReported.id,
      json: json.credentialId!,
      jwt: jwt.credentialId!,
      ward: ward.id,
    },
  };
}

export function ownProfile(id: string, name: string) {
  return {
    id,
    name,
    regulator: "St Aldhelm's Hospital",
    profession: "Nurse",
    jurisdiction: "Ward 7",
    source: { title: "Mandatory training policy", retrieved: "2026-01-01" },
    cycleMonths: 12,
    rules: [
      { id: "hours", kind: "total-hours", label: "Mandatory training hours", minHours: 8 },
      {
        id: "fire",
        kind: "topic-hours",
        label: "Fire safety",
        topic: "Fire safety",
        keywords: ["fire safety"],
        minHours: 2,
        exclusive: true,
      },
    ],
  };
}

export async function catalogProfileId(db: Database, slug: string): Promise<string> {
  const [row] = await db
    .select({ id: cpdProfiles.id })
    .from(cpdProfiles)
    .where(and(isNull(cpdProfiles.holderId), eq(cpdProfiles.slug, slug)));
  return row!.id;
}
