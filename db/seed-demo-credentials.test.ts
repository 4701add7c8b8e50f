import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { verificationDepsForHolder, verifyStoredCredential } from "@/lib/credential-store/verify-stored";
import { createGuardedFetch, FetchRefusedError, type FetchLike } from "@/lib/net";
import { loadDocumentBundle } from "@/lib/net/document-bundle";
import { describeEachDatabase } from "@/testkit/each-database";
import type { Database } from "./client";
import { demoDocumentsBundle } from "./seed-demo-documents";

/** Re-checks one demo credential as the server's background refresh does, through the given fetcher. */
async function recheck(db: Database, holderId: string, title: string, fetch: FetchLike) {
  const [row] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.holderId, holderId), eq(credentials.title, title)));
  const result = await verifyStoredCredential(
    db,
    holderId,
    row!.id,
    await verificationDepsForHolder(db, holderId, fetch),
  );
  return { verdict: result!.verdict, status: result!.checks.find((c) => c.id === "status")?.status };
}

describeEachDatabase("the demo wallet's hosted documents", (ctx) => {
  it("re-checked later through the bundle the seed wrote, the revoked badge stays revoked and the OB 2.0 badge stays verified", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-demo-"));
    const bundle = demoDocumentsBundle(dataDir);
    const { holderId } = await seedDemo(ctx().db, { withCredentials: true, documentsBundle: bundle });
    const withBundle = createGuardedFetch({ documents: loadDocumentBundle(bundle) });
    expect(await recheck(ctx().db, holderId, "Arterial Blood Gas Interpretation", withBundle)).toEqual({
      verdict: "not-verified",
      status: "failed",
    });
    expect((await recheck(ctx().db, holderId, "Tracheostomy Care and Emergencies", withBundle)).verdict).toBe(
      "verified",
    );
    // Without it, nothing answers at the demo issuers' addresses: the revocation could not be checked.
    const unreachable = createGuardedFetch({
      lookup: async () => {
        throw new FetchRefusedError("dns");
      },
    });
    expect((await recheck(ctx().db, holderId, "Arterial Blood Gas Interpretation", unreachable)).status).not.toBe(
      "failed",
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
