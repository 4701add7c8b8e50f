import "server-only";
import { and, eq } from "drizzle-orm";
import { credentialImages, credentialOriginals, credentials, evidenceFiles, holderWorkloads } from "@/db/schema";
import { countedHolderWorkload } from "@/lib/holder-workload/counted";
import { rowValues } from "@/lib/credential-store/data";
import { sha256Hex } from "@/lib/credentials/dedupe";
import type { NormalizedCredential } from "@/lib/credentials/record";
import { evidenceEntry, imageEntry, originalEntry } from "./format";
import type { WalletArchive } from "./read-archive";
import { chunks, date, dateOrNull, type Tx } from "./restore-batches";

/**
 * The archive's originals, credentials (with their parents), images and evidence. Returns the
 * lookup from an archive credential key to the restored credential's id, for the rows that name one.
 */
export async function writeCredentials(
  tx: Tx,
  holderId: string,
  { credentials: lines, wallet, files }: WalletArchive,
): Promise<(key: string) => string> {
  const originalIds = new Map<string, string>();
  for (const batch of chunks(wallet.originals, 500, (o) => o.byteSize)) {
    const rows = await tx
      .insert(credentialOriginals)
      .values(
        batch.map((o) => ({
          holderId,
          sha256: o.sha256,
          mediaType: o.mediaType,
          filename: o.filename,
          byteSize: o.byteSize,
          bytes: files.get(originalEntry(o.sha256))!,
          createdAt: date(o.createdAt),
        })),
      )
      .returning({ id: credentialOriginals.id, sha256: credentialOriginals.sha256 });
    for (const row of rows) originalIds.set(row.sha256, row.id);
  }

  const ids = new Map<string, string>();
  for (const batch of chunks(lines, 200)) {
    const values = batch.map((line) => {
      const interpreted = {
        record: line.record as unknown as NormalizedCredential,
        payload: line.payload,
        ...(line.signed ? { signed: line.signed } : {}),
        ...(line.linked ? { linked: line.linked } : {}),
        children: [],
      };
      return {
        ...rowValues(holderId, originalIds.get(line.original)!, interpreted, null, undefined),
        verdict: line.verdict,
        verification: line.verification,
        verifiedAt: dateOrNull(line.verifiedAt),
        holderNote: line.holderNote,
        holderTags: line.holderTags,
        createdAt: date(line.createdAt),
      };
    });
    const rows = await tx
      .insert(credentials)
      .values(values)
      .returning({ id: credentials.id, dedupeKey: credentials.dedupeKey });
    const idOf = new Map(rows.map((r) => [r.dedupeKey, r.id]));
    for (const line of batch) ids.set(line.key, idOf.get(line.dedupeKey)!);
  }
  const id = (key: string) => ids.get(key)!;
  for (const line of lines) {
    if (line.parent)
      await tx
        .update(credentials)
        .set({ parentId: id(line.parent) })
        .where(and(eq(credentials.id, id(line.key)), eq(credentials.holderId, holderId)));
  }

  // What the holder confirmed travels; what counts is worked out again from the restored record.
  const withWorkload = lines.filter((line) => line.holderWorkload);
  for (const batch of chunks(withWorkload, 500)) {
    await tx.insert(holderWorkloads).values(
      batch.map((line) => ({
        holderId,
        credentialId: id(line.key),
        ...line.holderWorkload!,
        ...countedHolderWorkload((line.record as unknown as NormalizedCredential).workload ?? {}, line.holderWorkload!),
      })),
    );
  }

  for (const batch of chunks(wallet.images, 500)) {
    await tx.insert(credentialImages).values(
      batch.map((i) => ({
        credentialId: id(i.credential),
        png: files.get(imageEntry(i.sha256))!,
        width: i.width,
        height: i.height,
      })),
    );
  }
  for (const batch of chunks(wallet.evidence, 500, (e) => e.byteSize)) {
    await tx.insert(evidenceFiles).values(
      batch.map((e) => {
        const data = files.get(evidenceEntry(e.sha256))!;
        return {
          credentialId: id(e.credential),
          holderId,
          filename: e.filename,
          mediaType: e.mediaType,
          byteSize: data.byteLength,
          sha256: sha256Hex(data),
          bytes: data,
          createdAt: date(e.createdAt),
        };
      }),
    );
  }
  return id;
}
