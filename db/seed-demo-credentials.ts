import crypto from "node:crypto";
import { count, eq } from "drizzle-orm";
import { importOne } from "@/lib/import/jobs";
import { createEd25519Issuer, issueClr, issueOpenBadge, type AchievementDetails } from "@/test-issuer";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { createGuardedFetch } from "@/lib/net";
import { CATALOG_ENTRIES, DEMO_ISSUER } from "@/lib/stacking";
import type { Database } from "./client";
import { demoAcademy, issueComponentBadge } from "./demo-academy";
import { credentials, knownIssuers } from "./schema";

/**
 * The demo issuer is a fictional nursing school with a fixed, public demo key (derived from a
 * constant): its credentials verify, and it is in the issuer registry so the demo shows "known
 * issuer". It is not a real institution and its key must never be trusted outside a demo.
 */
const DEMO_ISSUER_SEED = crypto
  .createHash("sha256")
  .update("tessera demo issuer: Northbridge School of Nursing")
  .digest();

export const DEMO_BADGES: Array<Partial<AchievementDetails> & { name: string; months: number; validMonths?: number }> =
  [
    {
      name: "Sepsis Recognition and Escalation",
      achievementType: "Badge",
      hours: 4,
      ects: 0,
      months: 14,
      humanCode: "NSN-SEP-01",
    },
    {
      name: "SBAR Clinical Handover",
      achievementType: "Badge",
      hours: 3,
      ects: 0,
      months: 11,
      humanCode: "NSN-SBAR-01",
    },
    {
      name: "Safe Medication Administration",
      achievementType: "MicroCredential",
      hours: 30,
      ects: 1,
      months: 8,
      validMonths: 9,
      humanCode: "NSN-MED-02",
    },
    {
      name: "ICD-11 Clinical Coding Fundamentals",
      achievementType: "MicroCredential",
      hours: 25,
      ects: 1,
      months: 4,
      humanCode: "NSN-ICD11-101",
    },
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

export async function seedDemoCredentials(
  db: Database,
  holder: { id: string; email: string; name: string },
): Promise<number> {
  const issuer = await createEd25519Issuer({ seed: new Uint8Array(DEMO_ISSUER_SEED) });
  await db
    .insert(knownIssuers)
    .values({ id: issuer.did, name: "Northbridge School of Nursing", note: "Tessera demo issuer (fictional)" })
    .onConflictDoNothing();
  await db
    .insert(knownIssuers)
    .values({
      id: (await demoAcademy()).did,
      name: DEMO_ISSUER.name,
      note: "Tessera demo issuer of the pathway catalog's badges (fictional)",
    })
    .onConflictDoNothing();
  const [existing] = await db.select({ n: count() }).from(credentials).where(eq(credentials.holderId, holder.id));
  if ((existing?.n ?? 0) > 0) return 0;

  const recipient = { recipientEmail: holder.email, recipientName: holder.name };
  const documents: string[] = [];
  for (const badge of DEMO_BADGES) {
    const now = monthsAgo(badge.months);
    const { months, validMonths, ...achievement } = badge;
    void months;
    const credential = await issueOpenBadge(issuer, {
      ...recipient,
      now,
      achievement,
      ...(validMonths ? { validUntil: monthsAfter(now, validMonths) } : {}),
    });
    documents.push(JSON.stringify(credential));
  }
  documents.push(JSON.stringify(await issueClr(issuer, { ...recipient, now: monthsAgo(2) })));
  // Three of the five ICD-11 Clinical Coding modules: the demo pathway stands at 3 of 5.
  for (const [i, component] of DEMO_PATHWAY_COMPONENTS_HELD.entries()) {
    documents.push(
      JSON.stringify(
        await issueComponentBadge(component, { email: holder.email, name: holder.name }, monthsAgo(6 - i)),
      ),
    );
  }

  const fetch = createGuardedFetch({ documents: new Map() });
  const deps = { fetch, verify: await verificationDepsForHolder(db, holder.id, fetch) };
  let imported = 0;
  for (const [index, text] of documents.entries()) {
    const report = await importOne(
      db,
      holder.id,
      { name: `demo-${index + 1}.json`, bytes: new TextEncoder().encode(text) },
      deps,
    );
    if (report.outcome === "imported") imported += 1;
  }
  return imported;
}
