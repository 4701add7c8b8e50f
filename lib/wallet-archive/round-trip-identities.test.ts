import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { holderDids, users } from "@/db/schema";
import {
  confirmEmailAddress,
  confirmedEmailsOf,
  createEmailConfirmation,
  listEmailAddresses,
} from "@/lib/identities/emails-data";
import { decryptSecret } from "@/lib/identities/key-encryption";
import { deleteHolderAccount } from "@/lib/holders/data";
import {
  getHolderSigningKey,
  getOrCreateWalletDid,
  listWalletDids,
  rotateWalletDid,
  walletDidsWithKeys,
} from "@/lib/identities/wallet-did";
import { describeEachDatabase } from "@/testkit/each-database";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { holderSecretForms, leakedForms } from "@/testkit/identities/secret-forms";
import { exportBytes, repack, unpack } from "@/testkit/wallet-archive/archive-bytes";
import { storeTestCredential } from "@/testkit/wallet/test-credentials";
import { WALLET_ENTRY } from "./format";
import { encryptWithPassphrase, PASSPHRASE_PBES2_COUNT } from "./passphrase";
import { restoreWallet } from "./restore";
import type { IdentitiesDocument } from "./schemas";
import { describeRestore } from "./summary";

// The confirmation links' rate limits live in the server's database handle.
const runtime = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/runtime/database", () => ({ getDb: () => runtime.db }));

let serial = 0;
const address = (label: string) => `${label}-${++serial}-${Date.now()}@identities.test`;
const PASSPHRASE = "correct horse battery staple";

async function createHolder(db: Database, email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

async function addConfirmed(db: Database, holderId: string, email: string): Promise<void> {
  await confirmEmailAddress(db, holderId, await createEmailConfirmation(db, holderId, email, { maxAgeSeconds: 600 }));
}

/** Amara: a sign-in address, two confirmed further ones, a rotated wallet DID (two DIDs) and one credential. */
async function amara(db: Database) {
  const signIn = address("amara");
  const holderId = await createHolder(db, signIn);
  const others = [address("trust"), address("university")];
  for (const email of others) await addConfirmed(db, holderId, email);
  const previous = await getOrCreateWalletDid(db, holderId);
  const current = await rotateWalletDid(db, holderId);
  await storeTestCredential(db, holderId, { title: "Sepsis Recognition" });
  return { holderId, signIn, others, previous, current };
}

const identitiesOf = (entries: Map<string, Buffer>) =>
  (JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as { identities: IdentitiesDocument }).identities;

describeEachDatabase("wallet export and restore: identities (issue 16)", (ctx) => {
  beforeEach(() => {
    runtime.db = ctx().db;
  });
  it("without a passphrase: addresses and DIDs are listed, no key is in the archive, DIDs are not restored", async () => {
    const { db } = ctx();
    const a = await amara(db);
    const { bytes, manifest } = await exportBytes(db, a.holderId);
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.counts).toMatchObject({ emails: 3, dids: 2 });
    const entries = await unpack(bytes);
    const identities = identitiesOf(entries);
    expect(identities.emails.map((e) => [e.email, e.signIn])).toEqual([
      [a.signIn, true],
      [a.others[0], false],
      [a.others[1], false],
    ]);
    expect(identities.dids.map((d) => [d.did, d.status])).toEqual([
      [a.previous, "previous"],
      [a.current, "current"],
    ]);
    expect(identities.didKeys).toBeNull();
    const forms = await holderSecretForms(db, a.holderId);
    expect(forms.length).toBe(12);
    expect(leakedForms(bytes.toString("latin1"), forms)).toEqual([]);
    for (const data of entries.values()) expect(leakedForms(data.toString("utf8"), forms)).toEqual([]);

    // The old account still has every address and DID: a restore elsewhere takes none of them.
    const target = await createHolder(db, address("fresh"));
    const summary = await restoreWallet(db, target, bytes);
    expect(summary.identities).toEqual({
      emailsSent: [],
      emailsAnother: 3,
      emailsNotSent: [],
      dids: 0,
      didsAnother: 0,
      didsWithoutKey: 2,
    });
    expect(describeRestore(summary)).toMatch(/2 wallet DIDs were not restored: the export had no passphrase/);
    expect(describeRestore(summary)).toMatch(/3 addresses from the archive belong to another Tessera account/);
    expect(await listWalletDids(db, target)).toEqual([]);
    expect(await confirmedEmailsOf(db, target)).toHaveLength(1);
    expect((await listEmailAddresses(db, target)).pending).toEqual([]);
    expect((await listEmailAddresses(db, a.holderId)).others.map((o) => o.email)).toEqual(a.others);
  });

  it("with a passphrase: keys travel as a PBES2 JWE; without it or with a wrong one nothing is restored; with it the DIDs sign again", async () => {
    const { db } = ctx();
    const a = await amara(db);
    const before = await walletDidsWithKeys(db, a.holderId);
    const forms = await holderSecretForms(db, a.holderId);
    const { bytes } = await exportBytes(db, a.holderId, { passphrase: PASSPHRASE });
    const identities = identitiesOf(await unpack(bytes));
    expect(JSON.parse(Buffer.from(identities.didKeys!.split(".")[0]!, "base64url").toString())).toMatchObject({
      alg: "PBES2-HS512+A256KW",
      enc: "A256GCM",
      p2c: PASSPHRASE_PBES2_COUNT,
    });
    // Encrypted, so still no key in the clear.
    expect(leakedForms(bytes.toString("latin1"), forms)).toEqual([]);

    // Amara leaves this server; her new account elsewhere has only her sign-in address.
    expect(await deleteHolderAccount(db, a.holderId, "/nonexistent-tessera-test-dir")).toBe(true);
    const target = await createHolder(db, a.signIn);
    const existing = await getOrCreateWalletDid(db, target);
    const snapshot = await holderSnapshot(db, target);
    await expect(restoreWallet(db, target, bytes)).rejects.toThrow(/protected by the passphrase.*Nothing was restored/);
    await expect(restoreWallet(db, target, bytes, { passphrase: "correct horse battery stapler" })).rejects.toThrow(
      /passphrase does not open the wallet keys.*Nothing was restored/,
    );
    expect(await holderSnapshot(db, target)).toEqual(snapshot);
    expect(await listWalletDids(db, target)).toHaveLength(1);

    const summary = await restoreWallet(db, target, bytes, { passphrase: PASSPHRASE });
    expect(summary.credentials).toBe(1);
    expect(summary.identities).toMatchObject({ dids: 2, didsAnother: 0, didsWithoutKey: 0, emailsAnother: 0 });
    expect(summary.identities.emailsSent.sort()).toEqual([...a.others].sort());
    expect(describeRestore(summary)).toMatch(
      /Restored 2 wallet DIDs with their keys\. A confirmation link was sent to/,
    );
    // Addresses count only once their links are opened.
    expect(await confirmedEmailsOf(db, target)).toEqual([a.signIn]);
    expect((await listEmailAddresses(db, target)).pending.map((p) => p.email).sort()).toEqual([...a.others].sort());
    // The archive's current DID is current again (issuers know it); the one made here became previous.
    expect((await listWalletDids(db, target)).map((d) => [d.did, d.status])).toEqual([
      [a.current, "current"],
      [existing, "previous"],
      [a.previous, "previous"],
    ]);
    expect((await getHolderSigningKey(db, target)).did).toBe(a.current);
    const after = await walletDidsWithKeys(db, target);
    for (const d of before) expect(after.find((x) => x.did === d.did)?.privateJwk).toEqual(d.privateJwk);
    // Stored again under this server's key-encryption key, never in the clear.
    for (const row of await db.select().from(holderDids).where(eq(holderDids.holderId, target))) {
      expect(leakedForms(row.privateKeyJwe, forms)).toEqual([]);
      expect(await decryptSecret(row.privateKeyJwe)).toContain('"d"');
    }
  });

  it("a DID another account holds is skipped; a key that is not the DID's refuses the archive", async () => {
    const { db } = ctx();
    const a = await amara(db);
    const { bytes } = await exportBytes(db, a.holderId, { passphrase: PASSPHRASE });
    const target = await createHolder(db, address("second-account"));
    const summary = await restoreWallet(db, target, bytes, { passphrase: PASSPHRASE });
    expect(summary.identities).toMatchObject({ dids: 0, didsAnother: 2, emailsAnother: 3 });
    expect(describeRestore(summary)).toMatch(/2 wallet DIDs belong to another Tessera account/);
    expect(await listWalletDids(db, target)).toEqual([]);

    // An edited archive pairs Amara's current DID with her previous DID's key.
    const entries = await unpack(bytes);
    const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as { identities: IdentitiesDocument };
    const keys = Object.fromEntries((await walletDidsWithKeys(db, a.holderId)).map((d) => [d.did, d.privateJwk]));
    wallet.identities.didKeys = await encryptWithPassphrase(
      JSON.stringify({ [a.current]: keys[a.previous], [a.previous]: keys[a.previous] }),
      PASSPHRASE,
      1000,
    );
    entries.set(WALLET_ENTRY, Buffer.from(JSON.stringify(wallet)));
    const other = await createHolder(db, address("edited"));
    const snapshot = await holderSnapshot(db, other);
    await expect(restoreWallet(db, other, await repack(entries), { passphrase: PASSPHRASE })).rejects.toThrow(
      /Wallet DID 2 in the archive does not come with its own key.*Nothing was restored/,
    );
    expect(await holderSnapshot(db, other)).toEqual(snapshot);
  });
});
