import crypto from "node:crypto";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { claimFolder, readLiveOwner, LOCK_VERSION, lockPathOf, type OwnerInfo } from "./owner-lock";
import { serveSession } from "./session-server";

export { readLiveOwner, type OwnerInfo } from "./owner-lock";

/**
 * The embedded database: a PGlite data folder opened by exactly one process (its owner) and served
 * on 127.0.0.1 to the app and to Tessera commands (ADR 0002, ADR 0020).
 */
export interface EmbeddedDatabase {
  url: string;
  /** Closes the database; clients still connected get up to `graceMs` to finish first. */
  stop(graceMs?: number): Promise<void>;
}

/** The folder is held by another live process; `owner` says who, for the message. */
export class EmbeddedDatabaseInUse extends Error {
  override name = "EmbeddedDatabaseInUse";
  constructor(
    readonly folder: string,
    readonly owner: OwnerInfo,
  ) {
    super(`The embedded database in ${shownFolder(folder)} is in use by ${owner.role} (process ${owner.pid}).`);
  }
}

/** A folder as messages show it: relative to where the command runs. */
export const shownFolder = (folder: string) => path.relative(process.cwd(), folder) || ".";

export function urlFor(port: number, password: string): string {
  return `postgresql://tessera:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * Opens `folder` (or an in-memory database) in this process and serves it until `stop()`. Throws
 * EmbeddedDatabaseInUse when another live process owns the folder.
 */
export async function startEmbeddedDatabase(
  folder: string | "memory",
  { role = "a Tessera command" }: { role?: string } = {},
): Promise<EmbeddedDatabase> {
  if (folder === "memory") {
    const password = crypto.randomBytes(24).toString("base64url");
    const db = await PGlite.create("memory://");
    const server = await serveSession(db, { password });
    return {
      url: urlFor(server.port, password),
      async stop(graceMs) {
        await server.close(graceMs);
        await db.close();
      },
    };
  }
  const claim = claimFolder(folder, role);
  if (!claim.ok) throw new EmbeddedDatabaseInUse(folder, claim.owner);
  try {
    const db = await PGlite.create(folder);
    const server = await serveSession(db, { password: claim.info.password });
    claim.publish(server.port);
    return {
      url: urlFor(server.port, claim.info.password),
      async stop(graceMs) {
        try {
          await server.close(graceMs);
          await db.close();
        } finally {
          claim.release();
        }
      },
    };
  } catch (error) {
    claim.release();
    throw error;
  }
}

/** Why the running owner's database cannot be used from here; the message says what to do. */
export class EmbeddedDatabaseNotShareable extends Error {
  override name = "EmbeddedDatabaseNotShareable";
}

/**
 * The URL of the database a live owner serves, waiting up to `waitMs` while it is still opening
 * the folder. Owners from before the session server (lock version 1) cannot be shared safely.
 */
export async function runningDatabaseUrl(folder: string, owner: OwnerInfo, waitMs = 20_000): Promise<string> {
  if (owner.version < LOCK_VERSION || !owner.password) {
    throw new EmbeddedDatabaseNotShareable(
      `The embedded database in ${shownFolder(folder)} is open in ${owner.role} (process ${owner.pid}), which cannot share it safely.`,
    );
  }
  const deadline = Date.now() + waitMs;
  let current: OwnerInfo | undefined = owner;
  while (current && current.port === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = readLiveOwner(folder);
  }
  if (!current)
    throw new EmbeddedDatabaseNotShareable(
      `${owner.role} (process ${owner.pid}) stopped while opening ${shownFolder(folder)}.`,
    );
  if (current.port === null)
    throw new EmbeddedDatabaseNotShareable(
      `${owner.role} (process ${owner.pid}) has not finished opening ${shownFolder(folder)} after ${Math.round(waitMs / 1000)} s; if it is stuck, stop it, or delete ${shownFolder(lockPathOf(folder))} if no Tessera is running.`,
    );
  return urlFor(current.port, current.password);
}
