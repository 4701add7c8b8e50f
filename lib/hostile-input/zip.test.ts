import { refusalOf } from "@/testkit/hostile-input/builders";
import { describe, expect, it } from "vitest";
import { MB } from "./errors";
import { centralRecords, makeZip, renameEntry } from "@/testkit/hostile-input/builders";
import { iterateZipEntries, readZipEntries } from "./zip";

const json = (n: number) => JSON.stringify({ id: `urn:uuid:${n}`, type: ["VerifiableCredential"] });

describe("readZipEntries", () => {
  it("returns files in order with progress, skipping folders, __MACOSX and dotfiles", async () => {
    const zip = await makeZip([
      { name: "badges/", data: "", directory: true },
      { name: "badges/one.json", data: json(1) },
      { name: "__MACOSX/badges/._one.json", data: "junk" },
      { name: ".DS_Store", data: "junk" },
      { name: "badges/.hidden/two.json", data: json(2) },
      { name: "badges/two.png", data: Buffer.from([0x89, 0x50, 0x4e, 0x47]), compress: false },
    ]);
    const progress: Array<[number, number]> = [];
    const seen: string[] = [];
    const entries = await readZipEntries(zip, {
      onProgress: (i, total) => progress.push([i, total]),
      onEntry: (e) => void seen.push(e.name),
    });
    expect(entries.map((e) => e.name)).toEqual(["badges/one.json", "badges/two.png"]);
    expect(Buffer.from(entries[0]!.bytes).toString()).toBe(json(1));
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(seen).toEqual(["badges/one.json", "badges/two.png"]);
  });

  it("returns a nested zip as bytes without opening it", async () => {
    const inner = await makeZip([{ name: "inner.json", data: json(1) }]);
    const entries = await readZipEntries(await makeZip([{ name: "nested.zip", data: inner }]));
    expect(entries).toHaveLength(1);
    expect(Buffer.from(entries[0]!.bytes).equals(inner)).toBe(true);
  });

  it("lets a caller iterate lazily", async () => {
    const names: string[] = [];
    for await (const entry of iterateZipEntries(
      await makeZip([
        { name: "a.json", data: "1" },
        { name: "b.json", data: "2" },
      ]),
    ))
      names.push(entry.name);
    expect(names).toEqual(["a.json", "b.json"]);
  });

  // docs/threat-model.md D3
  it("refuses 1,001 entries before reading any", async () => {
    const zip = await makeZip(Array.from({ length: 1_001 }, (_, i) => ({ name: `c${i}.json`, data: "{}" })));
    const error = await refusalOf(() => readZipEntries(zip));
    expect(error.reason).toBe("zip_too_many_entries");
    expect(error.message).toMatch(/1,001 entries; Tessera reads at most 1,000/);
  });

  it("stops a 1:1000 entry as soon as it passes the ratio", async () => {
    const zip = await makeZip([{ name: "bomb.json", data: Buffer.alloc(5 * MB) }]);
    expect(zip.length).toBeLessThan(10_000);
    const error = await refusalOf(() => readZipEntries(zip));
    expect(error.reason).toBe("zip_bomb");
    expect(error.message).toMatch(/expands more than 100 times/);
  });

  it("refuses an entry that holds more than it declares", async () => {
    const zip = await makeZip([{ name: "liar.json", data: Buffer.alloc(2 * MB, "a") }]);
    zip.writeUInt32LE(100, centralRecords(zip, "liar.json")[0]! + 24);
    const error = await refusalOf(() => readZipEntries(zip));
    expect(error.reason).toBe("zip_bomb");
    expect(error.message).toMatch(/more data than it declares|real size differs/);
  });

  it("refuses declared sizes over the per-file and total caps before inflating", async () => {
    const big = await makeZip([{ name: "big.json", data: "{}" }]);
    big.writeUInt32LE(11 * MB, centralRecords(big, "big.json")[0]! + 24);
    expect((await refusalOf(() => readZipEntries(big))).message).toMatch(/11 MB \(each file may be up to 10 MB\)/);

    const many = await makeZip(
      Array.from({ length: 21 }, (_, i) => ({ name: `f${String(i).padStart(2, "0")}.json`, data: "{}" })),
    );
    for (let i = 0; i < 21; i++)
      many.writeUInt32LE(10 * MB, centralRecords(many, `f${String(i).padStart(2, "0")}.json`)[0]! + 24);
    expect((await refusalOf(() => readZipEntries(many))).message).toMatch(/expands to more than 200 MB/);
  });

  it("refuses ../ and absolute names", async () => {
    for (const [safe, evil] of [
      ["aa/evil.json", "../evil.json"],
      ["xetc/passwd", "/etc/passwd"],
      ["C-/x.json", "C:/x.json"],
    ] as const) {
      const zip = renameEntry(
        await makeZip([
          { name: "ok.json", data: "{}" },
          { name: safe, data: "{}" },
        ]),
        safe,
        evil,
      );
      const error = await refusalOf(() => readZipEntries(zip));
      expect(error.reason).toBe("zip_unsafe_name");
    }
  });

  it("refuses a symbolic link entry", async () => {
    const zip = await makeZip([{ name: "link.json", data: "/etc/passwd", mode: 0o120777 }]);
    const error = await refusalOf(() => readZipEntries(zip));
    expect(error.reason).toBe("zip_unsafe_name");
    expect(error.message).toMatch(/symbolic link \(“link\.json”\)/);
  });

  it("refuses duplicate names, including ones that differ only in case", async () => {
    for (const [a, b] of [
      ["same.json", "same.json"],
      ["Badge.json", "badge.json"],
    ] as const) {
      const error = await refusalOf(async () =>
        readZipEntries(
          await makeZip([
            { name: a, data: "1" },
            { name: b, data: "2" },
          ]),
        ),
      );
      expect(error.reason).toBe("zip_unsafe_name");
      expect(error.message).toMatch(/two files named/);
    }
  });

  it("refuses overlapping entries (one compressed stream behind several names)", async () => {
    const zip = await makeZip([
      { name: "a.json", data: Buffer.alloc(1000, "a") },
      { name: "b.json", data: "{}" },
    ]);
    zip.writeUInt32LE(0, centralRecords(zip, "b.json")[0]! + 42);
    expect((await refusalOf(() => readZipEntries(zip))).message).toMatch(/overlap/);
  });

  it("refuses damaged archives and a checksum mismatch", async () => {
    const zip = await makeZip([{ name: "a.json", data: json(1) }]);
    expect((await refusalOf(() => readZipEntries(Buffer.from("not a zip at all")))).reason).toBe("zip_invalid");
    expect((await refusalOf(() => readZipEntries(zip.subarray(0, zip.length - 10)))).reason).toBe("zip_invalid");
    const badCrc = Buffer.from(zip);
    const crcAt = centralRecords(badCrc, "a.json")[0]! + 16;
    badCrc.writeUInt32LE((badCrc.readUInt32LE(crcAt) ^ 1) >>> 0, crcAt);
    expect((await refusalOf(() => readZipEntries(badCrc))).message).toMatch(/checksum/);
  });

  it("refuses archives over the size cap before opening them", async () => {
    const zip = await makeZip([{ name: "a.json", data: "{}" }]);
    expect((await refusalOf(() => readZipEntries(zip, { limits: { maxArchiveBytes: 10 } }))).reason).toBe("too_large");
  });
});
