import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CompactEncrypt, compactDecrypt } from "jose";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Wallet DID private keys at rest: a compact JWE (RFC 7516) with AES key wrap (A256KW) under the
 * key-encryption key and AES-GCM content encryption, both done by jose; no hand-written crypto
 * (docs/threat-model.md, ADR 0030). The `kid` names the key-encryption key by a hash prefix, so a
 * server started with another key says so instead of failing obscurely.
 */

const KEY_WRAP = { alg: "A256KW", enc: "A256GCM" } as const;

/** The configured key, or outside production one generated once into DATA_DIR (like AUTH_SECRET). */
export function keyEncryptionKey(): Uint8Array {
  const configured = env.keyEncryptionKey ?? developmentKey(env.dataDir);
  return new Uint8Array(Buffer.from(configured, "base64"));
}

function developmentKey(dataDir: string): string {
  const file = path.join(dataDir, "key-encryption-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    // "wx": two processes starting at once keep whichever key was written first.
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}

function keyId(kek: Uint8Array): string {
  return `kek-${createHash("sha256").update(kek).digest("hex").slice(0, 16)}`;
}

export async function encryptSecret(plaintext: string, kek: Uint8Array = keyEncryptionKey()): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(plaintext))
    .setProtectedHeader({ ...KEY_WRAP, kid: keyId(kek) })
    .encrypt(kek);
}

export async function decryptSecret(jwe: string, kek: Uint8Array = keyEncryptionKey()): Promise<string> {
  try {
    const { plaintext } = await compactDecrypt(jwe, kek, { keyManagementAlgorithms: [KEY_WRAP.alg] });
    return new TextDecoder().decode(plaintext);
  } catch (cause) {
    // Never the JWE or the key in the message: it is logged.
    throw new DomainError(
      "internal",
      "A wallet key could not be decrypted: the server's TESSERA_KEY_ENCRYPTION_KEY is not the one it was stored with.",
      { cause: new Error(cause instanceof Error ? cause.name : "decrypt failed") },
    );
  }
}
