import { expect, it } from "vitest";
import { renameEntry } from "@/testkit/hostile-input/builders";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder } from "@/testkit/wallet/test-credentials";
import { CREDENTIALS_ENTRY, MANIFEST_ENTRY, WALLET_ENTRY } from "./format";
import { restoreWallet } from "./restore";
import { email, hostileArchive, withExtra } from "@/testkit/wallet-archive/hostile-archive";
import { repack, unpack } from "@/testkit/wallet-archive/archive-bytes";

/** A restore refuses a damaged, edited or dangerous zip before reading a row of it (docs/threat-model.md G2). */

describeEachDatabase("hostile wallet restore (docs/threat-model.md G2): the archive", (ctx) => {
  const hostile = hostileArchive(ctx);
  const { expectRefused } = hostile;

  it("restores the untouched archive (the baseline the cases below edit)", async () => {
    const target = await createTestHolder(hostile.db, email("baseline"));
    expect(await restoreWallet(hostile.db, target, await repack(await unpack(hostile.archive)))).toMatchObject({
      credentials: 4,
      cpdProfiles: 1,
      cpdCycles: 2,
      cpdActivities: 1,
      reminderSettings: "restored",
    });
  });

  it("refuses a truncated archive", () =>
    expectRefused(
      () => hostile.archive.subarray(0, Math.floor(hostile.archive.length * 0.6)),
      /damaged or is not a zip archive/,
    ));
  it("refuses a file that is not a zip", () =>
    expectRefused(() => new TextEncoder().encode("hello"), /damaged or is not a zip archive/));
  it("refuses an archive without a manifest", () =>
    expectRefused((entries) => {
      entries.delete(MANIFEST_ENTRY);
      return repack(entries, { rehash: false });
    }, /no manifest\.json/));
  it("refuses an archive from a future format version", () =>
    expectRefused(
      (entries) =>
        repack(entries, { rehash: false, edit: (m) => ((m as { formatVersion: number }).formatVersion = 3) }),
      /newer version of Tessera \(wallet format 3\)/,
    ));

  it("refuses a credential edited after export (manifest hash mismatch)", () =>
    expectRefused((entries) => {
      entries.set(
        CREDENTIALS_ENTRY,
        Buffer.from(
          entries.get(CREDENTIALS_ENTRY)!.toString("utf8").replace("Basic Life Support", "Basic Life Sapport"),
        ),
      );
      return repack(entries, { rehash: false });
    }, /credentials\.jsonl” does not match its SHA-256 in the manifest/));
  it("refuses an entry whose size differs from the manifest", () =>
    expectRefused((entries) => {
      entries.set(WALLET_ENTRY, Buffer.concat([entries.get(WALLET_ENTRY)!, Buffer.from(" ")]));
      return repack(entries, { rehash: false });
    }, /does not have the size its manifest states/));
  it("refuses an original whose bytes do not hash to its name, even with a rewritten manifest", () =>
    expectRefused((entries) => {
      const name = [...entries.keys()].find((n) => n.startsWith("originals/"))!;
      entries.set(name, Buffer.from(entries.get(name)!.toString("latin1").replace(/.$/, "!"), "latin1"));
      return repack(entries);
    }, /is not named by the SHA-256 of its bytes/));
  it("refuses an entry the manifest does not list", () =>
    expectRefused(
      withExtra({ name: "notes.txt", data: "hello", compress: false }),
      /“notes\.txt” is in the archive but not in its manifest/,
    ));
  it("refuses a listed entry that is missing", () =>
    expectRefused((entries) => {
      entries.delete([...entries.keys()].find((n) => n.startsWith("images/"))!);
      return repack(entries, { rehash: false });
    }, /listed in the manifest but missing/));
  it("refuses an entry named with ../", async () => {
    await expectRefused(
      async (entries) =>
        renameEntry(
          await repack(entries, { rehash: false, extra: [{ name: "xx/evil.txt", data: "x", compress: false }] }),
          "xx/evil.txt",
          "../evil.txt",
        ),
      /goes up with/,
    );
  });
  it("refuses an absolute entry name", async () => {
    await expectRefused(
      async (entries) =>
        renameEntry(
          await repack(entries, { rehash: false, extra: [{ name: "aetc/passwd", data: "x", compress: false }] }),
          "aetc/passwd",
          "/etc/passwd",
        ),
      /absolute path/,
    );
  });
  it("refuses duplicate entry names", () =>
    expectRefused(withExtra({ name: WALLET_ENTRY, data: "{}", compress: false }), /two files named “wallet\.json”/));
  it("refuses more than 10,000 entries", () =>
    expectRefused(
      withExtra(...Array.from({ length: 10_001 }, (_, i) => ({ name: `e/${i}`, data: "", compress: false }))),
      /holds 10,0\d\d entries; Tessera reads at most 10,000/,
    ));
  it("refuses a zip bomb (an entry expanding more than 100 times)", () =>
    expectRefused(
      withExtra({ name: "bomb.bin", data: Buffer.alloc(8 * 1024 * 1024), compress: true }),
      /expands more than 100 times/,
    ));
  it("refuses a symbolic link", () =>
    expectRefused(withExtra({ name: "link", data: "/etc/passwd", compress: false, mode: 0o120777 }), /symbolic link/));
  it("refuses a file no row refers to, even when the manifest lists it", () =>
    expectRefused((entries) => {
      entries.set(`originals/${"0".repeat(64)}`, Buffer.alloc(0));
      return repack(entries);
    }, /not named by the SHA-256|no row refers to/));
});
