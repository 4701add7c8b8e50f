/**
 * SD-JWT VCs through the one import pipeline: the holder's paste is kept byte for byte, read from
 * its disclosed claims, verified (issuer metadata and a Token Status List from the document bundle)
 * and stored once; a credential whose disclosures cannot be trusted is refused and nothing is kept.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { credentials, users } from "@/db/schema";
import { createJoseIssuer, createTokenStatusList, defaultSdJwtClaims, issueSdJwtVc } from "@/test-issuer";
import { createGuardedFetch } from "@/lib/net";
import { describeEachDatabase } from "@/testkit/each-database";
import { createImportJob, getImportJobForHolder, runImportJob } from "./jobs";

const ISS = "https://academy.example";
const LIST = `${ISS}/status/3`;
const enc = (text: string) => new TextEncoder().encode(text);

async function holder(db: Database, email: string) {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

describeEachDatabase("import jobs: SD-JWT VC", (ctx) => {
  it("imports a verified SD-JWT VC, reports a duplicate, and refuses one with _sd_alg none", async () => {
    const db = ctx().db;
    const id = await holder(db, "sdjwt@example.org");
    const issuer = await createJoseIssuer({ iss: ISS, alg: "ES256" });
    const list = await createTokenStatusList(issuer, { uri: LIST, set: [1] });
    // The issuer signs the holder's email as a disclosable claim: that is what the recipient check compares.
    const claims = { ...defaultSdJwtClaims(), email: "sdjwt@example.org" };
    const good = await issueSdJwtVc(issuer, { claims, status: { uri: LIST, idx: 4 } });
    const bad = await issueSdJwtVc(issuer, { sdAlg: "none" });
    const documents = new Map<string, string>([
      ...Object.entries(issuer.documents).map(([url, doc]) => [url, JSON.stringify(doc)] as [string, string]),
      [LIST, list.token],
    ]);
    const jobId = await createImportJob(db, id, "paste", [
      { name: "offer.txt", bytes: enc(good.token) },
      { name: "again.txt", bytes: enc(`${good.token}\n`) },
      { name: "none.txt", bytes: enc(bad.token) },
    ]);
    await runImportJob(db, jobId, { fetch: createGuardedFetch({ documents }) });

    const job = await getImportJobForHolder(db, id, jobId);
    expect(job!.items.map((i) => i.outcome)).toEqual(["imported", "duplicate", "rejected"]);
    expect(job!.items[2]!.message).toMatch(/digest Tessera does not accept/);
    const rows = await db.select().from(credentials).where(eq(credentials.holderId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      format: "sd-jwt-vc",
      securing: "sd-jwt",
      title: "Sepsis recognition and escalation",
      issuerName: "Northbridge Clinical Skills Academy",
      verdict: "verified",
      eqfLevel: 5,
    });
  });
});
