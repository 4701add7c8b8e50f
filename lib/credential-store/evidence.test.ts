import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { setHolderNote, setHolderTags } from "@/lib/credential-store/annotations";
import { createTestHolder, storeTestCredential, testInterpretedCredential } from "@/testkit/wallet/test-credentials";
import { storeImportedCredential } from "./data";
import { getEvidenceFileForHolder, getHolderDataForCredential, listEvidenceFilesForHolder } from "./evidence";

const PDF = new TextEncoder().encode("%PDF-1.7\n% a scanned certificate\n");

async function storeWithEvidence(db: Parameters<typeof storeImportedCredential>[0], holderId: string, title: string) {
  const interpreted = testInterpretedCredential({ title, selfReported: true });
  const result = await storeImportedCredential(db, holderId, {
    interpreted,
    original: { bytes: new TextEncoder().encode(JSON.stringify(interpreted.payload)), mediaType: "application/json" },
    evidence: { filename: "BLS certificate.pdf", mediaType: "application/pdf", bytes: PDF },
  });
  return result.credentialId;
}

describeEachDatabase("credential page data", (ctx) => {
  it("reads the holder's note, tags and end date, and nothing for another holder", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "page-data@example.org");
    const other = await createTestHolder(db, "page-data-other@example.org");
    const id = await storeTestCredential(db, holder, {
      title: "Basic Life Support",
      validUntil: "2027-03-01T00:00:00Z",
    });
    const bare = await storeTestCredential(db, holder, { title: "Hand Hygiene" });

    expect(await getHolderDataForCredential(db, holder, bare)).toEqual({
      title: "Hand Hygiene",
      note: null,
      tags: [],
      validUntil: null,
    });
    await setHolderNote(db, holder, id, "For the <b>ICU</b> post");
    await setHolderTags(db, holder, id, ["ICU", "Mandatory"]);
    expect(await getHolderDataForCredential(db, holder, id)).toEqual({
      title: "Basic Life Support",
      note: "For the <b>ICU</b> post",
      tags: ["ICU", "Mandatory"],
      validUntil: new Date("2027-03-01T00:00:00Z"),
    });

    expect(await getHolderDataForCredential(db, other, id)).toBeNull();
    expect(await getHolderDataForCredential(db, holder, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("lists a self-reported certificate's evidence files and serves their bytes only to their holder", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "evidence@example.org");
    const other = await createTestHolder(db, "evidence-other@example.org");
    const id = await storeWithEvidence(db, holder, "Manual Handling");
    const othersId = await storeWithEvidence(db, other, "Fire Safety");
    const plain = await storeTestCredential(db, holder, { title: "Sepsis Recognition" });

    const files = await listEvidenceFilesForHolder(db, holder, id);
    expect(files).toEqual([
      {
        id: expect.any(String),
        filename: "BLS certificate.pdf",
        mediaType: "application/pdf",
        byteSize: PDF.byteLength,
        createdAt: expect.any(Date),
      },
    ]);
    expect(files[0]).not.toHaveProperty("bytes");
    expect(await listEvidenceFilesForHolder(db, holder, plain)).toEqual([]);

    const file = await getEvidenceFileForHolder(db, holder, id, files[0]!.id);
    expect(file).toMatchObject({
      filename: "BLS certificate.pdf",
      mediaType: "application/pdf",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);

    // Another holder's ids, or a file paired with the wrong credential, find nothing.
    const [othersFile] = await listEvidenceFilesForHolder(db, other, othersId);
    expect(await listEvidenceFilesForHolder(db, holder, othersId)).toEqual([]);
    expect(await listEvidenceFilesForHolder(db, other, id)).toEqual([]);
    expect(await getEvidenceFileForHolder(db, holder, othersId, othersFile!.id)).toBeNull();
    expect(await getEvidenceFileForHolder(db, holder, id, othersFile!.id)).toBeNull();
    expect(await getEvidenceFileForHolder(db, other, id, files[0]!.id)).toBeNull();
    expect(await getEvidenceFileForHolder(db, holder, plain, files[0]!.id)).toBeNull();
  });

  it("loses the evidence with its credential", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "evidence-delete@example.org");
    const id = await storeWithEvidence(db, holder, "Infection Control");
    const [file] = await listEvidenceFilesForHolder(db, holder, id);
    await db.delete(credentials).where(eq(credentials.id, id));
    expect(await getEvidenceFileForHolder(db, holder, id, file!.id)).toBeNull();
  });
});
