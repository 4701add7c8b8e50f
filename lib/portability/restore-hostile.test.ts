import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { collectionItems, cpdActivities, cpdCycles, cpdProfiles, shareCredentials } from "@/db/schema";
import { saveActivityOverride } from "@/lib/cpd/activities-data";
import { createCycle } from "@/lib/cpd/cycles-data";
import { createHolderProfile } from "@/lib/cpd/profiles-data";
import { saveReminderSettings } from "@/lib/cpd/reminders-data";
import { renameEntry, type ZipInput } from "@/lib/credentials/containers/testing";
import { saveGoal } from "@/lib/pathways/goals";
import { createShare } from "@/lib/shares/data";
import { storeSignedTestCredential } from "@/lib/shares/testing";
import { describeEachDatabase } from "@/lib/testing/each-database";
import { holderSnapshot } from "@/lib/testing/holder-snapshot";
import { addToCollection, createCollection } from "@/lib/wallet/collections";
import { createTestHolder, storeTestCredential } from "@/lib/wallet/testing";
import { CREDENTIALS_ENTRY, MANIFEST_ENTRY, WALLET_ENTRY } from "./format";
import { restoreWallet } from "./restore";
import { exportBytes, lines, repack, toJsonl, unpack } from "./testing";

let serial = 0;
const email = (label: string) => `${label}-${++serial}-${Date.now()}@hostile-restore.test`;

type Edit = (entries: Map<string, Buffer>) => Promise<Uint8Array> | Uint8Array;

const editLines = (edit: (rows: Record<string, unknown>[]) => void) => (entries: Map<string, Buffer>) => {
  const rows = lines(entries.get(CREDENTIALS_ENTRY)!);
  edit(rows);
  entries.set(CREDENTIALS_ENTRY, toJsonl(rows));
  return repack(entries);
};
const editWallet = (edit: (wallet: Record<string, Record<string, unknown>[]>) => void) => (entries: Map<string, Buffer>) => {
  const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as Record<string, Record<string, unknown>[]>;
  edit(wallet);
  entries.set(WALLET_ENTRY, Buffer.from(JSON.stringify(wallet)));
  return repack(entries);
};
type Row = Record<string, unknown>;
interface CpdRows {
  profiles: (Row & { definition: Row & { rules: Row[] } })[];
  cycles: Row[];
  activities: Row[];
  reminders: Row | null;
}
const editCpd = (edit: (cpd: CpdRows) => void) => (entries: Map<string, Buffer>) => {
  const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as { cpd: CpdRows };
  edit(wallet.cpd);
  entries.set(WALLET_ENTRY, Buffer.from(JSON.stringify(wallet)));
  return repack(entries);
};
/** The archive's cycle on the holder's own profile (the other is on the NMC catalog profile). */
const ownCycle = (cpd: CpdRows) => cpd.cycles.find((c) => c.profile !== null)!;
const catalogCycle = (cpd: CpdRows) => cpd.cycles.find((c) => c.catalogProfile !== null)!;

const ownProfile = (id: string) => ({
  id,
  name: `Profile ${id}`,
  regulator: "St Aldhelm's Hospital",
  profession: "Nurse",
  jurisdiction: "Ward 7",
  source: { title: "Mandatory training policy", retrieved: "2026-01-01" },
  cycleMonths: 12,
  rules: [
    { id: "hours", kind: "total-hours", label: "Mandatory training hours", minHours: 8 },
    { id: "participatory", kind: "participatory-hours", label: "Participatory hours", minHours: 4 },
  ],
});

const withExtra = (...extra: ZipInput[]) => (entries: Map<string, Buffer>) => repack(entries, { rehash: false, extra });

describeEachDatabase("hostile wallet restore (security.md G2)", (ctx) => {
  let db: Database;
  let archive: Buffer;
  let victim: { holderId: string; credentialId: string; collectionId: string; profileId: string; cycleId: string };

  beforeAll(async () => {
    db = ctx().db;
    const owner = await createTestHolder(db, email("owner"));
    const clr = await storeSignedTestCredential(db, owner, { title: "Critical Care Transcript", image: true, children: [{ title: "Ventilator Care" }] });
    await storeSignedTestCredential(db, owner, { title: "Manual Handling", selfReported: true, evidence: { filename: "cert.pdf", bytes: new TextEncoder().encode("%PDF-1.4") } });
    const plain = await storeTestCredential(db, owner, { title: "Basic Life Support" });
    const collection = await createCollection(db, owner, { name: "ICU application" });
    await addToCollection(db, owner, collection.id, [plain, clr.id]);
    await createShare(db, owner, { scope: "selection", credentialIds: [plain], expiry: 30 });
    await saveGoal(db, owner, { title: "ICU readiness", targetTitle: "Critical Care Certificate", targetKind: "certificate", heldCredentialIds: [plain] });
    const ward = await createHolderProfile(db, owner, ownProfile("ward-7-mandatory"));
    const [nmc] = await db.select({ id: cpdProfiles.id }).from(cpdProfiles).where(and(isNull(cpdProfiles.holderId), eq(cpdProfiles.slug, "nmc-revalidation")));
    await createCycle(db, owner, { profileId: nmc!.id, startsOn: "2024-04-01", endsOn: "2027-03-31" });
    await createCycle(db, owner, { profileId: ward.id, startsOn: "2026-01-01", endsOn: "2026-12-31" });
    await saveActivityOverride(db, owner, plain, { hours: 3, participatory: true, topics: ["Fire safety"], recordKinds: null, excluded: false });
    await saveReminderSettings(db, owner, { inApp: true, email: false });
    archive = (await exportBytes(db, owner)).bytes;

    const victimId = await createTestHolder(db, email("victim"));
    const credentialId = await storeTestCredential(db, victimId, { title: "Victim's credential" });
    const victimCollection = await createCollection(db, victimId, { name: "Victim's collection" });
    const victimProfile = await createHolderProfile(db, victimId, ownProfile("victim-training"));
    const victimCycle = await createCycle(db, victimId, { profileId: victimProfile.id, startsOn: "2026-01-01", endsOn: "2026-12-31" });
    await saveActivityOverride(db, victimId, credentialId, { hours: 1, participatory: null, topics: null, recordKinds: null, excluded: false });
    victim = { holderId: victimId, credentialId, collectionId: victimCollection.id, profileId: victimProfile.id, cycleId: victimCycle.id };
  });

  async function expectRefused(edit: Edit, reason: RegExp) {
    const target = await createTestHolder(db, email("target"));
    const bytes = await edit(await unpack(archive));
    const [targetBefore, victimBefore] = await Promise.all([holderSnapshot(db, target), holderSnapshot(db, victim.holderId)]);
    await expect(restoreWallet(db, target, bytes)).rejects.toThrow(reason);
    expect(await holderSnapshot(db, target)).toEqual(targetBefore);
    expect(await holderSnapshot(db, victim.holderId)).toEqual(victimBefore);
  }

  it("restores the untouched archive (the baseline the cases below edit)", async () => {
    const target = await createTestHolder(db, email("baseline"));
    expect(await restoreWallet(db, target, await repack(await unpack(archive)))).toMatchObject({ credentials: 4, cpdProfiles: 1, cpdCycles: 2, cpdActivities: 1, reminderSettings: "restored" });
  });

  it("refuses a truncated archive", () => expectRefused(() => archive.subarray(0, Math.floor(archive.length * 0.6)), /damaged or is not a zip archive/));
  it("refuses a file that is not a zip", () => expectRefused(() => new TextEncoder().encode("hello"), /damaged or is not a zip archive/));
  it("refuses an archive without a manifest", () =>
    expectRefused((entries) => {
      entries.delete(MANIFEST_ENTRY);
      return repack(entries, { rehash: false });
    }, /no manifest\.json/));
  it("refuses an archive from a future format version", () => expectRefused((entries) => repack(entries, { rehash: false, edit: (m) => ((m as { formatVersion: number }).formatVersion = 2) }), /newer version of Tessera \(wallet format 2\)/));

  it("refuses a credential edited after export (manifest hash mismatch)", () =>
    expectRefused((entries) => {
      entries.set(CREDENTIALS_ENTRY, Buffer.from(entries.get(CREDENTIALS_ENTRY)!.toString("utf8").replace("Basic Life Support", "Basic Life Sapport")));
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
  it("refuses an entry the manifest does not list", () => expectRefused(withExtra({ name: "notes.txt", data: "hello", compress: false }), /“notes\.txt” is in the archive but not in its manifest/));
  it("refuses a listed entry that is missing", () =>
    expectRefused((entries) => {
      entries.delete([...entries.keys()].find((n) => n.startsWith("images/"))!);
      return repack(entries, { rehash: false });
    }, /listed in the manifest but missing/));
  it("refuses an entry named with ../", async () => {
    await expectRefused(async (entries) => renameEntry(await repack(entries, { rehash: false, extra: [{ name: "xx/evil.txt", data: "x", compress: false }] }), "xx/evil.txt", "../evil.txt"), /goes up with/);
  });
  it("refuses an absolute entry name", async () => {
    await expectRefused(async (entries) => renameEntry(await repack(entries, { rehash: false, extra: [{ name: "aetc/passwd", data: "x", compress: false }] }), "aetc/passwd", "/etc/passwd"), /absolute path/);
  });
  it("refuses duplicate entry names", () => expectRefused(withExtra({ name: WALLET_ENTRY, data: "{}", compress: false }), /two files named “wallet\.json”/));
  it("refuses more than 10,000 entries", () =>
    expectRefused(withExtra(...Array.from({ length: 10_001 }, (_, i) => ({ name: `e/${i}`, data: "", compress: false }))), /holds 10,0\d\d entries; Tessera reads at most 10,000/));
  it("refuses a zip bomb (an entry expanding more than 100 times)", () => expectRefused(withExtra({ name: "bomb.bin", data: Buffer.alloc(8 * 1024 * 1024), compress: true }), /expands more than 100 times/));
  it("refuses a symbolic link", () => expectRefused(withExtra({ name: "link", data: "/etc/passwd", compress: false, mode: 0o120777 }), /symbolic link/));
  it("refuses a file no row refers to, even when the manifest lists it", () =>
    expectRefused((entries) => {
      entries.set(`originals/${"0".repeat(64)}`, Buffer.alloc(0));
      return repack(entries);
    }, /not named by the SHA-256|no row refers to/));

  it("refuses another holder's database ids in place of archive keys, and links nothing to them", async () => {
    await expectRefused(
      editWallet((w) => {
        (w.collections![0]!.items as { credential: string }[])[0]!.credential = victim.credentialId;
      }),
      /not a credential key of this archive/,
    );
    await expectRefused(
      editWallet((w) => {
        w.shares![0]!.collection = victim.collectionId;
      }),
      /wallet\.json is not valid/,
    );
    await expectRefused(
      editLines((rows) => {
        rows[1]!.parent = victim.credentialId;
      }),
      /not a credential key/,
    );
    await expectRefused(
      editWallet((w) => {
        (w.collections![0]!.items as { credential: string }[])[0]!.credential = "c999";
      }),
      /refers to a credential \(c999\) that is not in the archive/,
    );
    await expectRefused(
      editWallet((w) => {
        w.shares![0]!.credentials = ["c42"];
      }),
      /A share link refers to a credential/,
    );
    await expectRefused(
      editLines((rows) => {
        rows[1]!.parent = "c77";
      }),
      /parent \(c77\) that is not in the archive/,
    );
    await expectRefused(
      editWallet((w) => {
        ((w.goals![0]!.goal as { components: { credentialId: string }[] }).components[0]!).credentialId = victim.credentialId;
      }),
      /The goal .* refers to a credential/,
    );
    expect(await db.$count(collectionItems, eq(collectionItems.credentialId, victim.credentialId))).toBe(0);
    expect(await db.$count(shareCredentials, eq(shareCredentials.credentialId, victim.credentialId))).toBe(0);
  });

  it("refuses hostile JSON: prototype pollution, excessive depth, unknown fields", async () => {
    await expectRefused((entries) => {
      entries.set(WALLET_ENTRY, Buffer.from(entries.get(WALLET_ENTRY)!.toString("utf8").replace('{"originals"', '{"__proto__":{"polluted":true},"originals"')));
      return repack(entries);
    }, /__proto__/);
    await expectRefused(
      editLines((rows) => {
        rows[0]!.payload = JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`);
      }),
      /nested more than/,
    );
    await expectRefused(
      editLines((rows) => {
        (rows[0]!.record as Record<string, unknown>).injected = "<script>";
      }),
      /Credential 1 in credentials\.jsonl is not valid \(record: Unrecognized key/,
    );
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("refuses a verification dated in the future (it would never be re-checked)", async () => {
    await expectRefused(
      editLines((rows) => {
        rows[0]!.verdict = "verified";
        rows[0]!.verifiedAt = "2099-01-01T00:00:00.000Z";
      }),
      /verification dated in the future/,
    );
  });

  it("refuses a record whose content does not match its identity, and a credential listed twice", async () => {
    await expectRefused(
      editLines((rows) => {
        rows[0]!.payload = { id: "urn:forged" };
      }),
      /does not match its own content/,
    );
    await expectRefused(
      editLines((rows) => {
        rows.push({ ...rows[0]!, key: "c99" });
      }),
      /appears twice|holds 5 credentials where the manifest counts 4/,
    );
  });

  it("refuses a CPD cycle on a profile that is not in the archive, on another holder's profile, or on a catalog profile this Tessera lacks", async () => {
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).profile = "p9";
      }),
      /A CPD cycle \(2026-01-01 to 2026-12-31\) refers to a CPD profile \(p9\) that is not in the archive/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).profile = victim.profileId;
      }),
      /wallet\.json is not valid \(cpd\.cycles\.\d\.profile: not a CPD profile key of this archive\)/,
    );
    await expectRefused(
      editCpd((cpd) => {
        catalogCycle(cpd).catalogProfile = "atlantis-board-of-nursing";
      }),
      /on the catalog profile “atlantis-board-of-nursing”, which this Tessera does not offer/,
    );
    // Another holder's profile is not in the catalog, whatever its slug.
    await expectRefused(
      editCpd((cpd) => {
        catalogCycle(cpd).catalogProfile = "victim-training";
      }),
      /catalog profile “victim-training”, which this Tessera does not offer/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).catalogProfile = "nmc-revalidation";
      }),
      /must name exactly one profile/,
    );
    await expectRefused(
      editCpd((cpd) => {
        catalogCycle(cpd).catalogProfile = null;
      }),
      /must name exactly one profile/,
    );
    expect(await db.$count(cpdCycles, eq(cpdCycles.profileId, victim.profileId))).toBe(1);
  });

  it("refuses a CPD override for a credential that is not in the archive", async () => {
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.credential = "c99";
      }),
      /A CPD activity override refers to a credential \(c99\) that is not in the archive/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.credential = victim.credentialId;
      }),
      /cpd\.activities\.0\.credential: not a credential key of this archive/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities.push({ ...cpd.activities[0]!, hours: 9 });
      }),
      /two CPD overrides for one credential/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.hours = 2001;
      }),
      /cpd\.activities\.0\.hours/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.recordKinds = ["reflective-account", "sabbatical"];
      }),
      /cpd\.activities\.0\.recordKinds/,
    );
    expect(await db.$count(cpdActivities, eq(cpdActivities.credentialId, victim.credentialId))).toBe(1);
  });

  it("refuses a holder CPD profile the Renewal page would refuse", async () => {
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.rules[1]!.minHours = 40;
      }),
      /Your CPD profile ward-7-mandatory in the archive is not valid \(rules\.1\.minHours: "Participatory hours" asks for 40 h but the total is 8 h: a part cannot need more than the whole\.\)/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.rules = [];
      }),
      /Your CPD profile ward-7-mandatory in the archive is not valid \(rules: A profile needs at least one rule\.\)/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.rules[0]!.kind = "vibes";
      }),
      /Your CPD profile ward-7-mandatory in the archive is not valid \(rules\.0\.kind: Unknown rule kind/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.id = "something-else";
      }),
      /does not carry its own name/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles.push({ ...cpd.profiles[0]!, key: "p2" });
      }),
      /both named ward-7-mandatory/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.version = 2;
      }),
      /cpd\.profiles\.0\.version: a CPD profile version this Tessera does not know/,
    );
    await expectRefused(
      editCpd((cpd) => {
        (cpd as unknown as Row).deliveries = [];
      }),
      /wallet\.json is not valid \(cpd: Unrecognized key/,
    );
  });

  it("refuses overlapping and impossible CPD cycles with the cycle rules' reasons", async () => {
    await expectRefused(
      editCpd((cpd) => {
        cpd.cycles.push({ ...ownCycle(cpd), startsOn: "2026-10-01", endsOn: "2027-09-30" });
      }),
      /A CPD cycle \(2026-10-01 to 2027-09-30\) is not valid: This overlaps your cycle from 2026-01-01 to 2026-12-31 for the same profile/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.cycles.push({ ...catalogCycle(cpd), startsOn: "2027-03-31", endsOn: "2030-03-30" });
      }),
      /overlaps your cycle from 2024-04-01 to 2027-03-31/,
    );
    await expectRefused(
      editCpd((cpd) => {
        Object.assign(ownCycle(cpd), { startsOn: "2026-12-31", endsOn: "2026-01-01" });
      }),
      /is not valid: The cycle must end after it starts/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).endsOn = "2026-01-10";
      }),
      /is not valid: A cycle lasts at least 28 days/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).startsOn = "2026-02-30";
      }),
      /is not valid: Enter the start date as a real date/,
    );
  });
});
