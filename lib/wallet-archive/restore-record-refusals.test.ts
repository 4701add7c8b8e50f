import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { collectionItems, shareCredentials } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { WALLET_ENTRY } from "./format";
import { editLines, editWallet, hostileArchive } from "@/testkit/wallet-archive/hostile-archive";
import { repack } from "@/testkit/wallet-archive/archive-bytes";

/**
 * A restore refuses records that reach outside the archive, hostile JSON, and forged or
 * future-dated content (docs/threat-model.md G2).
 */

describeEachDatabase("hostile wallet restore (docs/threat-model.md G2): the records", (ctx) => {
  const hostile = hostileArchive(ctx);
  const { expectRefused } = hostile;

  it("refuses another holder's database ids in place of archive keys, and links nothing to them", async () => {
    await expectRefused(
      editWallet((w) => {
        (w.collections![0]!.items as { credential: string }[])[0]!.credential = hostile.victim.credentialId;
      }),
      /not a credential key of this archive/,
    );
    await expectRefused(
      editWallet((w) => {
        w.shares![0]!.collection = hostile.victim.collectionId;
      }),
      /wallet\.json is not valid/,
    );
    await expectRefused(
      editLines((rows) => {
        rows[1]!.parent = hostile.victim.credentialId;
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
        (w.goals![0]!.goal as { components: { credentialId: string }[] }).components[0]!.credentialId =
          hostile.victim.credentialId;
      }),
      /The goal .* refers to a credential/,
    );
    expect(
      await hostile.db.$count(collectionItems, eq(collectionItems.credentialId, hostile.victim.credentialId)),
    ).toBe(0);
    expect(
      await hostile.db.$count(shareCredentials, eq(shareCredentials.credentialId, hostile.victim.credentialId)),
    ).toBe(0);
  });

  it("refuses hostile JSON: prototype pollution, excessive depth, unknown fields", async () => {
    await expectRefused((entries) => {
      entries.set(
        WALLET_ENTRY,
        Buffer.from(
          entries
            .get(WALLET_ENTRY)!
            .toString("utf8")
            .replace('{"originals"', '{"__proto__":{"polluted":true},"originals"'),
        ),
      );
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
});
