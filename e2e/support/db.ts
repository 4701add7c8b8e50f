import crypto from "node:crypto";
import { createDatabase, type Database } from "../../db/client";
import { readLiveOwner, urlFor } from "../../scripts/embedded-db";
import { AUTH_SECRET, PGLITE_DIR } from "./env";

/** The URL of the embedded database the e2e server is serving (its lock file holds the port). */
export function databaseUrl(): string {
  const owner = readLiveOwner(PGLITE_DIR);
  if (!owner?.port) throw new Error(`No running embedded database found in ${PGLITE_DIR}`);
  return urlFor(owner.port, owner.password);
}

/**
 * Runs `work` on a one-connection pool to the app's database and closes it afterwards. The
 * embedded database gives each connection whole turns (scripts/embedded-db/session-server.ts), so
 * this is safe while the app serves pages; a test still waits for the app to settle before it
 * reads what the app wrote.
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
