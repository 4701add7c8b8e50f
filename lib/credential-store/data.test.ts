import { count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { credentialImages, credentialOriginals, credentials, evidenceFiles, users } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import {
  getCredentialForHolder,
  getCredentialImageForHolder,
  getOriginalForHolder,
  storeImportedCredential,
} from "./data";
import type { InterpretedCredential } from "@/lib/credentials/formats";
import type { ImportCandidate } from "@/lib/import/types";
import { buildSelfReportedCredential } from "@/lib/credentials/self-reported";

async function holder(db: Database, email: string) {
  const [row] = await db.insert(users).values({ email }).returning({ id: users.id });
  return row!.id;
}

function candidate(
  title: string,
  extra: Partial<ImportCandidate> = {},
  children: InterpretedCredential[] = [],
): ImportCandidate {
  const base = buildSelfReportedCredential(
    { title, issuer: "Northbridge School of Nursing", issuedOn: "2026-01-10" },
    { name: "A", email: "a@example.org" },
    title,
  );
  const interpreted: InterpretedCredential = {
    ...base,
    record: { ...base.record, format: "ob3", selfReported: false },
    payload: { id: `urn:${title}` },
    children,
  };
  return {
    interpreted,
    original: {
      bytes: new TextEncoder().encode(JSON.stringify({ title })),
      mediaType: "application/json",
      filename: `${title}.json`,
    },
    ...extra,
  };
}

async function counts(db: Database, holderId: string) {
  const [c] = await db.select({ n: count() }).from(credentials).where(eq(credentials.holderId, holderId));
  const [o] = await db
    .select({ n: count() })
    .from(credentialOriginals)
    .where(eq(credentialOriginals.holderId, holderId));
  return { credentials: c!.n, originals: o!.n };
}

describeEachDatabase("credential store", (ctx) => {
  it("stores the original bytes unchanged beside the record and its image", async () => {
    const db = ctx().db;
    const id = await holder(db, "store@example.org");
    const png = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const result = await storeImportedCredential(
      db,
      id,
      candidate("ICU Induction", { image: { png, width: 1, height: 1 } }),
    );
    expect(result).toMatchObject({ outcome: "imported", title: "ICU Induction" });
    const [original] = await db.select().from(credentialOriginals).where(eq(credentialOriginals.holderId, id));
    expect(new TextDecoder().decode(original!.bytes)).toBe(JSON.stringify({ title: "ICU Induction" }));
    expect(await getCredentialImageForHolder(db, id, result.credentialId)).toEqual(png);
  });

  it("keeps one record when the same credential arrives twice, even 20 times at once (docs/threat-model.md D9)", async () => {
    const db = ctx().db;
    const id = await holder(db, "dupes@example.org");
    const first = await storeImportedCredential(db, id, candidate("Sepsis Six"));
    expect((await storeImportedCredential(db, id, candidate("Sepsis Six"))).outcome).toBe("duplicate");
    const racing = await Promise.all(
      Array.from({ length: 20 }, () => storeImportedCredential(db, id, candidate("Sepsis Six"))),
    );
    expect(racing.every((r) => r.outcome === "duplicate" && r.credentialId === first.credentialId)).toBe(true);
    expect(await counts(db, id)).toEqual({ credentials: 1, originals: 1 });
  });

  it("a credential nobody has stored yet, arriving 20 times at once, is imported once; the others retry once and see it", async () => {
    const db = ctx().db;
    const id = await holder(db, "first-race@example.org");
    const racing = await Promise.all(
      Array.from({ length: 20 }, () => storeImportedCredential(db, id, candidate("Tracheostomy care"))),
    );
    expect(racing.filter((r) => r.outcome === "imported")).toHaveLength(1);
    expect(new Set(racing.map((r) => r.credentialId)).size).toBe(1);
    expect(await counts(db, id)).toEqual({ credentials: 1, originals: 1 });
  });

  it("imports the credentials inside a CLR linked to it", async () => {
    const db = ctx().db;
    const id = await holder(db, "clr@example.org");
    const parts = [candidate("Part A").interpreted, candidate("Part B").interpreted];
    const result = await storeImportedCredential(db, id, candidate("Health Informatics CLR", {}, parts));
    expect(result.childCount).toBe(2);
    const rows = await db
      .select({ title: credentials.title, parentId: credentials.parentId })
      .from(credentials)
      .where(eq(credentials.holderId, id));
    expect(
      rows
        .filter((r) => r.parentId === result.credentialId)
        .map((r) => r.title)
        .sort(),
    ).toEqual(["Part A", "Part B"]);
  });

  it("writes nothing when any part of an import fails", async () => {
    const db = ctx().db;
    const id = await holder(db, "atomic@example.org");
    const broken = candidate("Broken", { image: { png: new Uint8Array([1]), width: Number.NaN, height: 1 } });
    await expect(storeImportedCredential(db, id, broken)).rejects.toThrow();
    expect(await counts(db, id)).toEqual({ credentials: 0, originals: 0 });
  });

  it("stores a self-reported certificate with its evidence file", async () => {
    const db = ctx().db;
    const id = await holder(db, "self@example.org");
    const interpreted = buildSelfReportedCredential(
      { title: "BLS", issuer: "Resus Council", issuedOn: "2025-05-01", hours: 4 },
      { name: "N", email: "self@example.org" },
      "e1",
    );
    const pdf = new TextEncoder().encode("%PDF-1.7 scan");
    const result = await storeImportedCredential(db, id, {
      interpreted,
      original: { bytes: new TextEncoder().encode(JSON.stringify(interpreted.payload)), mediaType: "application/json" },
      evidence: { filename: "bls.pdf", mediaType: "application/pdf", bytes: pdf },
    });
    const [row] = await db.select().from(credentials).where(eq(credentials.id, result.credentialId));
    expect(row).toMatchObject({ selfReported: true, format: "self-reported", hours: 4 });
    const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.credentialId, result.credentialId));
    expect(new TextDecoder().decode(file!.bytes)).toBe("%PDF-1.7 scan");
  });

  it("never shows one holder's credentials or images to another", async () => {
    const db = ctx().db;
    const a = await holder(db, "owner-a@example.org");
    const b = await holder(db, "owner-b@example.org");
    const stored = await storeImportedCredential(
      db,
      a,
      candidate("Private", { image: { png: new Uint8Array([1, 2]), width: 1, height: 1 } }),
    );
    expect((await listWallet(db, b, parseWalletQuery({}))).items).toEqual([]);
    expect(await getCredentialImageForHolder(db, b, stored.credentialId)).toBeNull();
    expect(await getCredentialForHolder(db, b, stored.credentialId)).toBeNull();
    expect(await getOriginalForHolder(db, b, stored.credentialId)).toBeNull();
    expect((await listWallet(db, a, parseWalletQuery({}))).items.map((c) => c.title)).toEqual(["Private"]);
    expect(
      await db.select().from(credentialImages).where(eq(credentialImages.credentialId, stored.credentialId)),
    ).toHaveLength(1);
  });
});
