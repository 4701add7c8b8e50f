import crypto from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { createCollection, addToCollection } from "@/lib/wallet/collections";
import { storeTestCredential, type TestCredentialSpec } from "@/testkit/wallet/test-credentials";
import { importOne } from "@/lib/import/jobs";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { createGuardedFetch } from "@/lib/net";
import { badgeJson, clrJson } from "./credentials";
import { dbQuery } from "./db";
import { ORIGIN } from "./env";
import { SESSION_COOKIE, uniqueEmail } from "./flows";

export interface SeededHolder {
  id: string;
  email: string;
  name: string;
}

/**
 * A holder with a database session, signed in by cookie. The sign-in journeys have their own
 * specs; wallet journeys start here so they spend their time on the wallet. Call while the app
 * is idle (the embedded database serves one session).
 */
export async function seedHolder(
  context: BrowserContext,
  { name = "Aoife Byrne", label = "wallet" } = {},
): Promise<SeededHolder> {
  const email = uniqueEmail(label);
  const token = crypto.randomBytes(32).toString("hex");
  const id = await dbQuery(async (db) => {
    const [user] = await db
      .insert(users)
      .values({ email, name, emailVerified: new Date() })
      .returning({ id: users.id });
    await db
      .insert(sessions)
      .values({ sessionToken: token, userId: user!.id, expires: new Date(Date.now() + 24 * 3600 * 1000) });
    return user!.id;
  });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: ORIGIN, httpOnly: true, sameSite: "Lax" }]);
  return { id, email, name };
}

/** Signs the browser context in as a holder who already exists (e.g. the demo holder). */
export async function signInAsExisting(context: BrowserContext, email: string): Promise<SeededHolder> {
  const token = crypto.randomBytes(32).toString("hex");
  const holder = await dbQuery(async (db) => {
    const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`No holder ${email} in the e2e database`);
    await db
      .insert(sessions)
      .values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 24 * 3600 * 1000) });
    return { id: user.id, email, name: user.name ?? "" };
  });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: ORIGIN, httpOnly: true, sameSite: "Lax" }]);
  return holder;
}

export async function seedCredentials(holderId: string, specs: TestCredentialSpec[]): Promise<Record<string, string>> {
  return dbQuery(async (db) => {
    const ids: Record<string, string> = {};
    for (const spec of specs) ids[spec.title] = await storeTestCredential(db, holderId, spec);
    return ids;
  });
}

/** Imports credentials signed by the project's test issuer, verified as an import verifies them. */
export async function importSignedBadges(holder: SeededHolder, titles: string[]): Promise<Record<string, string>> {
  const files = await Promise.all(
    titles.map(async (title) => ({ title, bytes: await badgeJson(title, { recipientEmail: holder.email }) })),
  );
  return importFiles(holder, files);
}

/** Imports the test issuer's CLR 2.0 (a pathway and the two courses inside it): one whole, its parts as children. */
export async function importSignedClr(holder: SeededHolder): Promise<string> {
  const ids = await importFiles(holder, [{ title: "clr", bytes: await clrJson({ recipientEmail: holder.email }) }]);
  return ids.clr!;
}

async function importFiles(
  holder: SeededHolder,
  files: { title: string; bytes: Buffer }[],
): Promise<Record<string, string>> {
  return dbQuery(async (db) => {
    const fetch = createGuardedFetch({ documents: new Map() });
    const deps = { fetch, verify: await verificationDepsForHolder(db, holder.id, fetch) };
    const ids: Record<string, string> = {};
    for (const file of files) {
      const report = await importOne(
        db,
        holder.id,
        { name: `${file.title}.json`, bytes: new Uint8Array(file.bytes) },
        deps,
      );
      if (report.outcome !== "imported") throw new Error(`seeding ${file.title}: ${report.message}`);
      ids[file.title] = report.credentialId!;
    }
    return ids;
  });
}

export async function seedCollection(holderId: string, name: string, credentialIds: string[]): Promise<string> {
  return dbQuery(async (db) => {
    const collection = await createCollection(db, holderId, { name });
    if (credentialIds.length > 0) await addToCollection(db, holderId, collection.id, credentialIds);
    return collection.id;
  });
}

export async function credentialCount(holderId: string): Promise<number> {
  return dbQuery(async (db) => {
    const { credentials } = await import("@/db/schema");
    return db.$count(credentials, eq(credentials.holderId, holderId));
  });
}

const DAY = 24 * 3600 * 1000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A small, varied wallet: kinds, issuers, skills, an expiring and an expired credential. */
export const SAMPLE_WALLET: TestCredentialSpec[] = [
  {
    title: "Basic Life Support",
    issuer: "Resuscitation Academy",
    issued: "2026-01-15",
    validUntil: daysFromNow(30),
    hours: 4,
    skills: ["Cardiopulmonary resuscitation"],
    verdict: "verified",
  },
  {
    title: "Advanced Life Support",
    issuer: "Resuscitation Academy",
    issued: "2023-02-01",
    validUntil: daysFromNow(-40),
    hours: 16,
    verdict: "verified",
  },
  {
    title: "Sepsis Recognition",
    issuer: "Northbridge School of Nursing",
    issued: "2026-03-01",
    hours: 6,
    skills: ["Triage"],
    outcomes: ["Applies the Sepsis Six bundle"],
    verdict: "verified",
  },
  {
    title: "ICD-11 Clinical Coding",
    issuer: "Health Data Institute",
    kind: "micro-credential",
    issued: "2026-05-01",
    hours: 125,
    ects: 5,
    skills: ["Clinical coding"],
    verdict: "unknown",
  },
  {
    title: "Health Informatics Nano-degree",
    issuer: "Health Data Institute",
    kind: "nano-degree",
    issued: "2026-08-01",
    ects: 15,
    verdict: "verified",
  },
  { title: "Manual Handling", issuer: "St Brigid's Hospital", issued: "2026-02-01", hours: 3, selfReported: true },
];
