import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { eq } from "drizzle-orm";
import type { JWK } from "jose";
import type { Database } from "@/db/client";
import { holderDids } from "@/db/schema";
import { decryptSecret } from "@/lib/identities/key-encryption";

/**
 * Every spelling a wallet DID's private key could leak in: the JWK `d`, the raw 32 bytes as hex
 * and base64 (padded or not, URL-safe or not), and the Multikey `secretKeyMultibase`. Tests search
 * logs, exports, pages and CLI output for each (issue 16: keys never leak).
 */
export async function secretFormsOf(jwk: JWK): Promise<string[]> {
  const raw = Buffer.from(jwk.d!, "base64url");
  const pair = await Ed25519Multikey.fromJwk({ jwk, secretKey: true });
  return [
    jwk.d!,
    raw.toString("hex"),
    raw.toString("base64"),
    raw.toString("base64").replace(/=+$/, ""),
    raw.toString("base64url"),
    pair.secretKeyMultibase!,
  ];
}

/**
 * The secret spellings of every wallet DID key of a holder, read from the database and decrypted
 * (with `kek`, the key-encryption key, when it is not this process's: an e2e server's).
 */
export async function holderSecretForms(db: Database, holderId: string, kek?: Uint8Array): Promise<string[]> {
  const rows = await db.select().from(holderDids).where(eq(holderDids.holderId, holderId));
  const forms = await Promise.all(
    rows.map(async (row) => secretFormsOf(JSON.parse(await decryptSecret(row.privateKeyJwe, kek)) as JWK)),
  );
  return forms.flat();
}

/** The secret spellings found in a text (hex compared without case). */
export function leakedForms(text: string, forms: string[]): string[] {
  const lower = text.toLowerCase();
  return forms.filter((form) => (/^[0-9a-f]+$/.test(form) ? lower.includes(form) : text.includes(form)));
}
