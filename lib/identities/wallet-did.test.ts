import { eq } from "drizzle-orm";
import { compactVerify, importJWK } from "jose";
import { expect, it } from "vitest";
import { holderDids, users } from "@/db/schema";
import type { Database } from "@/db/client";
import { DEMO_PATHWAY_COMPONENTS_MISSING } from "@/db/seed-demo-credentials";
import { issueComponentBadge } from "@/db/demo-academy";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { importOne } from "@/lib/import/jobs";
import { createGuardedFetch } from "@/lib/net";
import { describeEachDatabase } from "@/testkit/each-database";
import { decryptSecret, encryptSecret } from "./key-encryption";
import { recipientIdentitiesOf } from "./recipient-identities";
import {
  getHolderSigningKey,
  getOrCreateWalletDid,
  listWalletDids,
  rotateWalletDid,
  signJwtWithHolderKey,
  signWithHolderKey,
  walletDidsOf,
} from "./wallet-did";
import { deleteHolderAccount } from "@/lib/holders/data";

async function createHolder(db: Database, email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

it("encrypts a secret as a JWE that only the same key-encryption key opens", async () => {
  const kek = new Uint8Array(32).fill(1);
  const jwe = await encryptSecret('{"d":"secret-part"}', kek);
  expect(jwe.split(".")).toHaveLength(5);
  expect(jwe).not.toContain("secret-part");
  expect(JSON.parse(Buffer.from(jwe.split(".")[0]!, "base64url").toString())).toMatchObject({
    alg: "A256KW",
    enc: "A256GCM",
  });
  expect(await decryptSecret(jwe, kek)).toBe('{"d":"secret-part"}');
  const failure = decryptSecret(jwe, new Uint8Array(32).fill(2));
  await expect(failure).rejects.toMatchObject({ code: "internal" });
  await expect(failure).rejects.not.toThrow(/secret-part/);
});

describeEachDatabase("wallet DIDs", (ctx) => {
  it("makes one did:key on first use, stores its key only encrypted, and signs with it", async () => {
    const { db } = ctx();
    const holder = await createHolder(db, "did-first@example.org");
    const [did, again] = await Promise.all([getOrCreateWalletDid(db, holder), getOrCreateWalletDid(db, holder)]);
    expect(did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(again).toBe(did);
    expect(await listWalletDids(db, holder)).toEqual([
      expect.objectContaining({ did, status: "current", retiredAt: null }),
    ]);

    const [row] = await db.select().from(holderDids).where(eq(holderDids.holderId, holder));
    const key = await getHolderSigningKey(db, holder);
    const secret = (JSON.parse(await decryptSecret(row!.privateKeyJwe)) as { d: string }).d;
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(row!.privateKeyJwe).not.toContain(secret);
    expect(JSON.stringify(await listWalletDids(db, holder))).not.toContain(secret);
    expect(key.publicJwk).not.toHaveProperty("d");
    expect(key.verificationMethod).toBe(`${did}#${did.slice("did:key:".length)}`);

    const data = new TextEncoder().encode("challenge");
    const { signature, verificationMethod } = await signWithHolderKey(db, holder, data);
    expect(verificationMethod).toBe(key.verificationMethod);
    expect(await key.keyPair.verifier().verify({ data, signature })).toBe(true);

    const jwt = await signJwtWithHolderKey(db, holder, { aud: "https://issuer.example", nonce: "n-1" });
    const { payload, protectedHeader } = await compactVerify(jwt, await importJWK(key.publicJwk, "EdDSA"));
    expect(protectedHeader).toMatchObject({ alg: "EdDSA", kid: key.verificationMethod });
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ iss: did, nonce: "n-1" });
  });

  it("rotates: the new DID signs, the previous one stays listed and keeps matching", async () => {
    const { db } = ctx();
    const holder = await createHolder(db, "did-rotate@example.org");
    const first = await getOrCreateWalletDid(db, holder);
    const second = await rotateWalletDid(db, holder);
    expect(second).not.toBe(first);
    expect((await listWalletDids(db, holder)).map((row) => [row.did, row.status])).toEqual([
      [second, "current"],
      [first, "previous"],
    ]);
    expect((await getHolderSigningKey(db, holder)).did).toBe(second);
    expect((await recipientIdentitiesOf(db, holder)).dids.sort()).toEqual([first, second].sort());
    const other = await createHolder(db, "did-other@example.org");
    expect((await recipientIdentitiesOf(db, other)).dids).toEqual([]);
  });

  it("account deletion removes every wallet DID and its encrypted key, and nobody else's", async () => {
    const { db } = ctx();
    const leaving = await createHolder(db, "did-leaving@example.org");
    const staying = await createHolder(db, "did-staying@example.org");
    await getOrCreateWalletDid(db, leaving);
    await rotateWalletDid(db, leaving);
    const kept = await getOrCreateWalletDid(db, staying);
    expect(await db.$count(holderDids, eq(holderDids.holderId, leaving))).toBe(2);
    expect(await deleteHolderAccount(db, leaving, "/nonexistent-tessera-test-dir")).toBe(true);
    expect(await db.select().from(holderDids).where(eq(holderDids.holderId, leaving))).toEqual([]);
    expect(await walletDidsOf(db, staying)).toEqual([kept]);
  });

  it("a credential issued to the holder's DID (current or previous) verifies as theirs; another's DID does not", async () => {
    const { db } = ctx();
    const holder = await createHolder(db, "did-match@example.org");
    const stranger = await createHolder(db, "did-stranger@example.org");
    const previous = await getOrCreateWalletDid(db, holder);
    await rotateWalletDid(db, holder);
    const strangersDid = await getOrCreateWalletDid(db, stranger);
    const fetch = createGuardedFetch({ documents: new Map() });
    const deps = { fetch, verify: await verificationDepsForHolder(db, holder, fetch) };
    const [component, otherComponent] = DEMO_PATHWAY_COMPONENTS_MISSING;
    for (const [module, did, expected] of [
      [component!, previous, "verified"],
      [otherComponent!, strangersDid, "not-verified"],
    ] as const) {
      const badge = await issueComponentBadge(
        module,
        { email: "someone-else@example.org", name: "Holder", id: did },
        new Date().toISOString(),
      );
      const report = await importOne(
        db,
        holder,
        { name: "badge.json", bytes: new TextEncoder().encode(JSON.stringify(badge)) },
        deps,
      );
      expect(report.outcome).toBe("imported");
      const id = report.outcome === "imported" ? (report.credentialId ?? "") : "";
      const stored = await db.query.credentials.findFirst({ where: (c, { eq: equals }) => equals(c.id, id) });
      expect(stored?.verdict, module.title).toBe(expected);
    }
  });
});
