import crypto from "node:crypto";
import { count, eq } from "drizzle-orm";
import { importOne } from "@/lib/import/jobs";
import { attachRemoteImages, type PendingImage } from "@/lib/import/remote-images";
import {
  badgePng,
  createEd25519Issuer,
  createOb2Hosted,
  createStatusList,
  issueClr,
  issueEdcWithDid,
  issueOpenBadge,
  type TestIssuer,
} from "@/test-issuer";
import { bakePng } from "@/lib/hostile-input/png";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { createGuardedFetch } from "@/lib/net";
import { CATALOG_ENTRIES, DEMO_ISSUER } from "@/lib/stacking";
import type { Database } from "./client";
import { demoAcademy, issueComponentBadge } from "./demo-academy";
import {
  ARTERIAL_BLOOD_GAS,
  CRITICAL_CARE_PROGRAMME,
  DELIRIUM,
  INFECTION_PREVENTION,
  MOVING_AND_HANDLING,
  NEWS2_REFRESHER,
  SAFE_MEDICATION,
  SBAR,
  SEPSIS,
  TRACHEOSTOMY,
  type DemoAchievement,
} from "./seed-demo-content";
import { seedDemoAddresses, DEMO_UNIVERSITY_ADDRESS, DEMO_UNCONFIRMED_ADDRESS } from "./seed-demo-addresses";
import { writeDemoDocuments } from "./seed-demo-documents";
import { seedDemoSelfReported } from "./seed-demo-self-reported";
import { credentials, knownIssuers } from "./schema";

/**
 * The demo issuers are fictional, with fixed public demo keys (derived from constants): their
 * credentials verify, and they are in the issuer registry so the demo shows "known issuer". They
 * are not real institutions and their keys must never be trusted outside a demo.
 */
const demoKey = (name: string) =>
  new Uint8Array(crypto.createHash("sha256").update(`tessera demo issuer: ${name}`).digest());

export const DEMO_NURSING_SCHOOL = "Northbridge School of Nursing";
export const DEMO_UNIVERSITY = {
  name: "Rivermouth University, School of Nursing",
  url: "https://rivermouth-university.test",
  email: "microcredentials@rivermouth-university.test",
  country: "Ireland",
  countryCode: "IE",
  legalIdentifier: "VATIE-1234567R",
};
const DEMO_HOSPITAL = {
  name: "Northbridge University Hospitals, Clinical Education",
  url: "https://education.northbridge-hospitals.test",
  email: "clinical.education@northbridge-hospitals.test",
};
const STATUS_LIST_URL = "https://northbridge-nursing.test/status/revocation-1";
const REVOKED_INDEX = 42;

/** The OB 3.0 badges of the nursing school, with how long ago each was issued and for how long it is valid. */
export const DEMO_BADGES: Array<DemoAchievement & { months: number; validMonths?: number; revoked?: boolean }> = [
  { ...SEPSIS, months: 14 },
  { ...SBAR, months: 11 },
  // Valid for nine months from eight months ago: it expires within the next 90 days.
  { ...SAFE_MEDICATION, months: 8, validMonths: 9 },
  // A yearly mandatory update that lapsed.
  { ...MOVING_AND_HANDLING, months: 26, validMonths: 12 },
  // Revoked by the school (the assessment was voided and is to be retaken).
  { ...ARTERIAL_BLOOD_GAS, months: 18, revoked: true },
];

/** The two European Digital Credentials; the second was issued to her university address. */
export const DEMO_EDCS: Array<DemoAchievement & { months: number; to?: string }> = [
  { ...INFECTION_PREVENTION, months: 5 },
  { ...DELIRIUM, months: 2, to: DEMO_UNIVERSITY_ADDRESS },
];

const ICD11 = CATALOG_ENTRIES.find((entry) => entry.definition.id === "icd-11-clinical-coding")!;
/** The demo pathway's modules the demo holder holds; the other two are left for the demo (and e2e) to import. */
export const DEMO_PATHWAY_COMPONENTS_HELD = ICD11.components.slice(0, 3);
export const DEMO_PATHWAY_COMPONENTS_MISSING = ICD11.components.slice(3);

function monthsAgo(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 19) + "Z";
}

function monthsAfter(iso: string, months: number): string {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 19) + "Z";
}

/**
 * Hosts an achievement's own generated artwork (test-issuer/artwork.ts) where its credential says
 * its image is, as issuers host badge images; the import fetches it like any remote image.
 */
async function hostArtwork(out: DemoDocuments, achievement: { id?: string; name: string }): Promise<void> {
  if (achievement.id) out.hosted.set(`${achievement.id}/image.png`, new Uint8Array(await badgePng(achievement.name)));
}

async function registerIssuers(db: Database, issuers: Array<{ id: string; name: string; note: string }>) {
  for (const issuer of issuers) await db.insert(knownIssuers).values(issuer).onConflictDoNothing();
}

interface DemoDocuments {
  files: Array<{ name: string; text: string | Uint8Array }>;
  /** What the issuers host (status lists, OB 2.0 documents), served to the import from memory. */
  hosted: Map<string, string | Uint8Array>;
}

async function schoolCredentials(school: TestIssuer, recipient: Recipient, out: DemoDocuments): Promise<void> {
  const revoked = DEMO_BADGES.filter((badge) => badge.revoked).map(() => REVOKED_INDEX);
  const statusList = await createStatusList(school, { url: STATUS_LIST_URL, setIndexes: revoked, now: monthsAgo(1) });
  out.hosted.set(statusList.url, JSON.stringify(statusList.credential));
  for (const badge of DEMO_BADGES) {
    const { months, validMonths, revoked: isRevoked, ...achievement } = badge;
    const now = monthsAgo(months);
    const credential = await issueOpenBadge(school, {
      ...recipient,
      now,
      achievement,
      ...(validMonths ? { validUntil: monthsAfter(now, validMonths) } : {}),
      // Only the revoked badge points at a status list: the list is served to the import from
      // memory, and a later re-check cannot reach it (it then says the status could not be checked).
      ...(isRevoked ? { status: statusList.entry(REVOKED_INDEX) } : {}),
    });
    await hostArtwork(out, achievement);
    out.files.push({ name: `${achievement.humanCode}.json`, text: JSON.stringify(credential) });
  }
  for (const achievement of CRITICAL_CARE_PROGRAMME) await hostArtwork(out, achievement);
  out.files.push({
    name: "critical-care-nursing-foundations.clr.json",
    text: JSON.stringify(
      await issueClr(school, {
        ...recipient,
        now: monthsAgo(3),
        achievements: CRITICAL_CARE_PROGRAMME,
        image: `${CRITICAL_CARE_PROGRAMME[0]!.id}/image.png`,
      }),
    ),
  });
  const news2 = await issueOpenBadge(school, {
    ...recipient,
    recipientEmail: DEMO_UNCONFIRMED_ADDRESS,
    hashed: false,
    now: monthsAgo(1),
    achievement: NEWS2_REFRESHER,
  });
  await hostArtwork(out, NEWS2_REFRESHER);
  out.files.push({ name: "news2-refresher.json", text: JSON.stringify(news2) });
}

async function universityCredentials(university: TestIssuer, recipient: Recipient, out: DemoDocuments) {
  for (const edc of DEMO_EDCS) {
    const { months, to, ...achievement } = edc;
    const credential = await issueEdcWithDid(university, {
      ...recipient,
      ...(to ? { recipientEmail: to } : {}),
      now: monthsAgo(months),
      achievement,
      issuerProfile: DEMO_UNIVERSITY,
      dateOfBirth: "1991-06-04T00:00:00Z",
    });
    out.files.push({ name: `${achievement.humanCode}.edc.json`, text: JSON.stringify(credential) });
  }
}

/** The hospital's OB 2.0 badge, baked into its own artwork as a PNG, as many hospitals still award them. */
async function hospitalBadge(recipient: Recipient, out: DemoDocuments): Promise<void> {
  const bundle = createOb2Hosted({
    ...recipient,
    origin: DEMO_HOSPITAL.url,
    now: monthsAgo(7),
    achievement: TRACHEOSTOMY,
    issuerProfile: DEMO_HOSPITAL,
  });
  for (const [url, document] of Object.entries(bundle.documents)) out.hosted.set(url, JSON.stringify(document));
  const png = bakePng(
    new Uint8Array(await badgePng(TRACHEOSTOMY.name)),
    "openbadges",
    JSON.stringify(bundle.assertion),
  );
  out.files.push({ name: "tracheostomy-care.png", text: png });
}

type Recipient = { recipientEmail: string; recipientName: string };

export async function seedDemoCredentials(
  db: Database,
  holder: { id: string; email: string; name: string },
  { documentsBundle }: { documentsBundle?: string } = {},
): Promise<number> {
  const school = await createEd25519Issuer({ seed: demoKey(DEMO_NURSING_SCHOOL) });
  const university = await createEd25519Issuer({ seed: demoKey(DEMO_UNIVERSITY.name) });
  await registerIssuers(db, [
    { id: school.did, name: DEMO_NURSING_SCHOOL, note: "Tessera demo issuer (fictional)" },
    {
      id: university.did,
      name: DEMO_UNIVERSITY.name,
      note: "Tessera demo issuer of European Digital Credentials (fictional)",
    },
    {
      id: (await demoAcademy()).did,
      name: DEMO_ISSUER.name,
      note: "Tessera demo issuer of the pathway catalog's badges (fictional)",
    },
  ]);
  const [existing] = await db.select({ n: count() }).from(credentials).where(eq(credentials.holderId, holder.id));
  if ((existing?.n ?? 0) > 0) return 0;
  // Her university address is confirmed before the import, so what was issued to it is hers.
  await seedDemoAddresses(db, holder.id);

  const recipient: Recipient = { recipientEmail: holder.email, recipientName: holder.name };
  const out: DemoDocuments = { files: [], hosted: new Map() };
  await schoolCredentials(school, recipient, out);
  await universityCredentials(university, recipient, out);
  await hospitalBadge(recipient, out);
  // Three of the five ICD-11 Clinical Coding modules: the demo pathway stands at 3 of 5.
  for (const [i, component] of DEMO_PATHWAY_COMPONENTS_HELD.entries()) {
    const badge = await issueComponentBadge(component, { email: holder.email, name: holder.name }, monthsAgo(6 - i));
    await hostArtwork(out, { id: component.achievementId, name: component.title });
    out.files.push({ name: `${component.requirementId}.json`, text: JSON.stringify(badge) });
  }

  if (documentsBundle) writeDemoDocuments(documentsBundle, out.hosted);
  const fetch = createGuardedFetch({ documents: out.hosted });
  const deps = { fetch, verify: await verificationDepsForHolder(db, holder.id, fetch) };
  const pendingImages: PendingImage[] = [];
  let imported = 0;
  for (const file of out.files) {
    const bytes = typeof file.text === "string" ? new TextEncoder().encode(file.text) : file.text;
    const report = await importOne(db, holder.id, { name: file.name, bytes }, deps, pendingImages);
    if (report.outcome !== "imported")
      throw new Error(`The demo credential ${file.name} was not imported: ${report.message}`);
    imported += 1;
  }
  await attachRemoteImages(db, pendingImages, deps);
  return imported + (await seedDemoSelfReported(db, holder));
}
