import crypto from "node:crypto";
import { createDatabase, type Database } from "../../db/client";
import { readLiveLock, urlForPort } from "../../scripts/embedded-db";
import { AUTH_SECRET, PGLITE_DIR } from "./env";

/** The URL of the embedded database the e2e server is serving (its lock file holds the port). */
export function databaseUrl(): string {
  const lock = readLiveLock(PGLITE_DIR);
  if (!lock) throw new Error(`No running embedded database found in ${PGLITE_DIR}`);
  return urlForPort(lock.port);
}

/**
 * Runs `work` on a one-connection pool to the app's database and closes it afterwards. PGlite
 * serves every connection from one session, so call this only while the app is idle (see
 * `settle` in flows.ts), never while the browser is still loading a page.
 */
export async function dbQuery<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = createDatabase({ url: databaseUrl(), embedded: true });
  try {
    return await work(db);
  } finally {
    await db.$client.end();
  }
}

/** What Auth.js stores in verification_tokens.token for a magic-link token. */
export function hashMagicLinkToken(token: string): string {
  return crypto.createHash("sha256").update(`${token}${AUTH_SECRET}`).digest("hex");
}
