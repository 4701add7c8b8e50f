import "server-only";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { and, asc, eq, inArray } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";
import type { Database } from "@/db/client";
import { holderDids, type HolderDidStatus } from "@/db/schema";
import { decryptSecret, encryptSecret } from "./key-encryption";

/**
 * Each holder's wallet DID: a did:key of an Ed25519 Multikey (did:key v0.7, `z6Mk…`), made on
 * first use. The private key lives only as a JWE in holder_dids.private_key_jwe and in memory
 * while signing; it is never returned to a page, an action result, a log or an export without
 * passphrase. Rotating keeps the old DID as "previous": credentials issued to it still match.
 */

export interface WalletDid {
  did: string;
  status: HolderDidStatus;
  createdAt: Date;
  retiredAt: Date | null;
}

/** What other features sign with (presentations, OpenID4VCI proofs). Server-only: never serialize it. */
export interface HolderSigningKey {
  did: string;
  /** The DID URL of the key: `verificationMethod` of a Data Integrity proof, `kid` of a JWS. */
  verificationMethod: string;
  /** For Data Integrity suites (eddsa-rdfc-2022): id and controller are set. */
  keyPair: Ed25519Multikey.Ed25519MultikeyPair;
  /** For JOSE: EdDSA. */
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const didOf = (publicKeyMultibase: string) => `did:key:${publicKeyMultibase}`;

async function createDidRow(db: Database, holderId: string): Promise<void> {
  const { privateKey } = await generateKeyPair("Ed25519", { extractable: true });
  const jwk = await exportJWK(privateKey);
  const keyPair = await Ed25519Multikey.fromJwk({ jwk, secretKey: true });
  // A concurrent first use may have made one already: the one-current index keeps a single DID.
  await db
    .insert(holderDids)
    .values({
      holderId,
      did: didOf(keyPair.publicKeyMultibase),
      publicKeyMultibase: keyPair.publicKeyMultibase,
      privateKeyJwe: await encryptSecret(JSON.stringify(jwk)),
      status: "current",
    })
    .onConflictDoNothing();
}

async function currentRow(db: Database, holderId: string) {
  const [row] = await db
    .select()
    .from(holderDids)
    .where(and(eq(holderDids.holderId, holderId), eq(holderDids.status, "current")));
  return row;
}

/** The holder's current wallet DID, made now if they have none. */
export async function getOrCreateWalletDid(db: Database, holderId: string): Promise<string> {
  let row = await currentRow(db, holderId);
  if (!row) {
    await createDidRow(db, holderId);
    row = await currentRow(db, holderId);
  }
  if (!row) throw new Error("The wallet DID could not be created.");
  return row.did;
}

/** Every wallet DID of the holder, current first, then previous ones newest first. */
export async function listWalletDids(db: Database, holderId: string): Promise<WalletDid[]> {
  const rows = await db
    .select({
      did: holderDids.did,
      status: holderDids.status,
      createdAt: holderDids.createdAt,
      retiredAt: holderDids.retiredAt,
    })
    .from(holderDids)
    .where(eq(holderDids.holderId, holderId))
    .orderBy(asc(holderDids.createdAt));
  return rows.sort((a, b) =>
    a.status === b.status ? b.createdAt.getTime() - a.createdAt.getTime() : a.status === "current" ? -1 : 1,
  );
}

/** The DIDs that count for recipient matching: current and previous. */
export async function walletDidsOf(db: Database, holderId: string): Promise<string[]> {
  return (await listWalletDids(db, holderId)).map((row) => row.did);
}

/** Makes a new current DID; the old one stays, as "previous", and keeps matching credentials. */
export async function rotateWalletDid(db: Database, holderId: string): Promise<string> {
  await db
    .update(holderDids)
    .set({ status: "previous", retiredAt: new Date() })
    .where(and(eq(holderDids.holderId, holderId), eq(holderDids.status, "current")));
  return getOrCreateWalletDid(db, holderId);
}

/** The holder's current signing key (the DID is made on first use), decrypted for this call only. */
export async function getHolderSigningKey(db: Database, holderId: string): Promise<HolderSigningKey> {
  await getOrCreateWalletDid(db, holderId);
  const row = await currentRow(db, holderId);
  if (!row) throw new Error("The wallet DID is missing.");
  const jwk = JSON.parse(await decryptSecret(row.privateKeyJwe)) as JWK;
  const verificationMethod = `${row.did}#${row.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.fromJwk({ jwk, secretKey: true });
  keyPair.id = verificationMethod;
  keyPair.controller = row.did;
  const { d: _secret, ...publicJwk } = jwk;
  return {
    did: row.did,
    verificationMethod,
    keyPair,
    privateKey: (await importJWK(jwk, "EdDSA")) as CryptoKey,
    publicJwk,
  };
}

/** Signs bytes with the holder's current wallet key (Ed25519); the key never leaves this call. */
export async function signWithHolderKey(
  db: Database,
  holderId: string,
  data: Uint8Array,
): Promise<{ signature: Uint8Array; verificationMethod: string }> {
  const key = await getHolderSigningKey(db, holderId);
  return { signature: await key.keyPair.signer().sign({ data }), verificationMethod: key.verificationMethod };
}

/** A compact JWS (EdDSA, `kid` = the key's DID URL, `iss` = the DID unless given), e.g. an OpenID4VCI proof. */
export async function signJwtWithHolderKey(
  db: Database,
  holderId: string,
  payload: JWTPayload,
  header: { typ?: string } = {},
): Promise<string> {
  const key = await getHolderSigningKey(db, holderId);
  return new SignJWT({ iss: key.did, ...payload })
    .setProtectedHeader({ alg: "EdDSA", kid: key.verificationMethod, ...header })
    .sign(key.privateKey);
}

/** A wallet DID with its private key in the clear: only for an export under a passphrase, and for restoring one. */
export interface WalletDidWithKey extends WalletDid {
  publicKeyMultibase: string;
  privateJwk: JWK;
}

/** Every wallet DID of the holder with its decrypted key, for an export the holder protects with a passphrase. */
export async function walletDidsWithKeys(db: Database, holderId: string): Promise<WalletDidWithKey[]> {
  const rows = await db.select().from(holderDids).where(eq(holderDids.holderId, holderId));
  return Promise.all(
    rows.map(async (row) => ({
      did: row.did,
      status: row.status,
      createdAt: row.createdAt,
      retiredAt: row.retiredAt,
      publicKeyMultibase: row.publicKeyMultibase,
      privateJwk: JSON.parse(await decryptSecret(row.privateKeyJwe)) as JWK,
    })),
  );
}

/**
 * The DID a private JWK controls, or null when the JWK is not an Ed25519 key pair whose secret
 * part signs for its public part (an edited archive could pair someone's public key with its own
 * secret): proof that whoever brings the key controls the DID.
 */
export async function didControlledBy(jwk: JWK): Promise<{ did: string; publicKeyMultibase: string } | null> {
  try {
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.d !== "string" || typeof jwk.x !== "string")
      return null;
    const keyPair = await Ed25519Multikey.fromJwk({ jwk, secretKey: true });
    const data = new TextEncoder().encode("tessera:wallet-did-key-check");
    const signature = await keyPair.signer().sign({ data });
    if (!(await keyPair.verifier().verify({ data, signature }))) return null;
    return { did: didOf(keyPair.publicKeyMultibase), publicKeyMultibase: keyPair.publicKeyMultibase };
  } catch {
    return null;
  }
}

type Queryable = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Restores wallet DIDs the holder proved to control (didControlledBy), keys encrypted under this
 * server's key-encryption key. A DID already the holder's is left as it is; one another holder
 * has is skipped (answered, never said whose). When one of them is current, the holder's current
 * DID here (made before the restore) becomes previous: the restored one is the one issuers know.
 */
export async function restoreWalletDids(
  db: Queryable,
  holderId: string,
  dids: Array<WalletDid & { publicKeyMultibase: string; privateJwk: JWK }>,
): Promise<{ restored: number; alreadyYours: number; another: number }> {
  if (dids.length === 0) return { restored: 0, alreadyYours: 0, another: 0 };
  const existing = await db
    .select({ did: holderDids.did, holderId: holderDids.holderId })
    .from(holderDids)
    .where(
      inArray(
        holderDids.did,
        dids.map((d) => d.did),
      ),
    );
  const owner = new Map(existing.map((row) => [row.did, row.holderId]));
  const fresh = dids.filter((d) => !owner.has(d.did));
  if (fresh.some((d) => d.status === "current"))
    await db
      .update(holderDids)
      .set({ status: "previous", retiredAt: new Date() })
      .where(and(eq(holderDids.holderId, holderId), eq(holderDids.status, "current")));
  for (const d of fresh)
    await db.insert(holderDids).values({
      holderId,
      did: d.did,
      publicKeyMultibase: d.publicKeyMultibase,
      privateKeyJwe: await encryptSecret(JSON.stringify(d.privateJwk)),
      status: d.status,
      createdAt: d.createdAt,
      retiredAt: d.retiredAt,
    });
  const alreadyYours = dids.filter((d) => owner.get(d.did) === holderId).length;
  return { restored: fresh.length, alreadyYours, another: dids.length - fresh.length - alreadyYours };
}
