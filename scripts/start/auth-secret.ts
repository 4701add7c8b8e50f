import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * AUTH_SECRET, or when unset a random one generated once and kept in DATA_DIR/auth-secret
 * (mode 0600), so sessions survive restarts without any setup.
 */
export function ensureAuthSecret(dataDir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(33).toString("base64"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * TESSERA_KEY_ENCRYPTION_KEY, or when unset 32 random bytes generated once into
 * DATA_DIR/key-encryption-key (mode 0600), like AUTH_SECRET: the first `npm run dev` needs no
 * setup. In production set it explicitly and keep it out of the database's backups.
 */
export function ensureKeyEncryptionKey(dataDir: string): string {
  if (process.env.TESSERA_KEY_ENCRYPTION_KEY) return process.env.TESSERA_KEY_ENCRYPTION_KEY;
  const file = path.join(dataDir, "key-encryption-key");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
