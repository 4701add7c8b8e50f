/**
 * npm run check:backup — docs/threat-model.md H4: a database backup taken the operator's way must give back
 * the same wallets. For each database it seeds the demo holder (signed credentials with images, a
 * CLR with its children, an NMC cycle with entered hours) plus a note and a collection, exports
 * her wallet (lib/wallet-archive) at a fixed instant, then:
 * - PostgreSQL: `pg_dump --format=custom` of a throwaway database on 127.0.0.1:5432, `pg_restore`
 *   into a second throwaway database, and the export again from there;
 * - PGlite: the data folder copied while the database is stopped, opened from the copy, and the
 *   export again.
 * Pass: both exports are byte-identical (same SHA-256). Needs pg_dump and pg_restore on PATH for
 * the PostgreSQL half (reported as skipped otherwise). The last line is one JSON object.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { createDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_HOLDER, seedDemo } from "@/db/seed";
import { credentials, users } from "@/db/schema";
import { exportBytes, sha256 } from "@/testkit/wallet-archive/archive-bytes";
import { setHolderNote } from "@/lib/credential-store/annotations";
import { addToCollection, createCollection } from "@/lib/wallet/collections";
import { startEmbeddedDatabase } from "./embedded-db";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
/** Exports carry their creation time: the same instant for both, so only the data can differ. */
const EXPORTED_AT = new Date("2026-12-01T00:00:00Z");

interface Outcome {
  database: "postgres" | "pglite";
  status: "identical" | "DIFFERENT" | "skipped";
  before?: string;
  after?: string;
  bytes?: number;
  note?: string;
}

async function seedWallet(db: Database): Promise<void> {
  await migrateDatabase(db);
  const { holderId } = await seedDemo(db, { withCredentials: true });
  const held = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(eq(credentials.holderId, holderId))
    .limit(2);
  await setHolderNote(db, holderId, held[0]!.id, "Renewed on the ward, March — ask for the certificate copy.");
  const icu = await createCollection(db, holderId, { name: "ICU application" });
  await addToCollection(
    db,
    holderId,
    icu.id,
    held.map((c) => c.id),
  );
}

async function exportDemo(db: Database): Promise<Buffer> {
  const [holder] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_HOLDER.email));
  if (!holder) throw new Error("the demo holder is missing after the restore");
  return (await exportBytes(db, holder.id, { now: EXPORTED_AT })).bytes;
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function checkPostgres(folder: string): Promise<Outcome> {
  if (!hasTool("pg_dump") || !hasTool("pg_restore"))
    return { database: "postgres", status: "skipped", note: "pg_dump / pg_restore not on PATH" };
  const suffix = crypto.randomBytes(4).toString("hex");
  const [source, target] = [`tessera_backup_src_${suffix}`, `tessera_backup_dst_${suffix}`];
  await admin(`create database ${source}`);
  await admin(`create database ${target}`);
  try {
    const before = await withDatabase(databaseUrl(source), async (db) => {
      await seedWallet(db);
      return exportDemo(db);
    });
    const dump = path.join(folder, "tessera.dump");
    execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, databaseUrl(source)], {
      stdio: "inherit",
    });
    execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${databaseUrl(target)}`, dump], {
      stdio: "inherit",
    });
    const after = await withDatabase(databaseUrl(target), exportDemo);
    return compare("postgres", before, after);
  } finally {
    await admin(`drop database if exists ${source} with (force)`);
    await admin(`drop database if exists ${target} with (force)`);
  }
}

async function checkPglite(folder: string): Promise<Outcome> {
  const original = path.join(folder, "pglite");
  const copy = path.join(folder, "pglite-copy");
  let server = await startEmbeddedDatabase(original);
  let before: Buffer;
  try {
    before = await withDatabase(
      server.url,
      async (db) => {
        await seedWallet(db);
        return exportDemo(db);
      },
      true,
    );
  } finally {
    await server.stop();
  }
  // The copy is taken while nothing has the folder open: the way README tells operators to back up the embedded database.
  fs.cpSync(original, copy, { recursive: true });
  server = await startEmbeddedDatabase(copy);
  try {
    const after = await withDatabase(server.url, exportDemo, true);
    return compare("pglite", before, after);
  } finally {
    await server.stop();
  }
}

async function withDatabase<T>(url: string, work: (db: Database) => Promise<T>, embedded = false): Promise<T> {
  const db = createDatabase({ url, embedded });
  try {
    return await work(db);
  } finally {
    await db.$client.end();
  }
}

function compare(database: Outcome["database"], before: Buffer, after: Buffer): Outcome {
  const [a, b] = [sha256(before), sha256(after)];
  return { database, status: a === b ? "identical" : "DIFFERENT", before: a, after: b, bytes: before.byteLength };
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-backup-"));
  const outcomes: Outcome[] = [];
  try {
    for (const check of [checkPostgres, checkPglite]) {
      const outcome = await check(folder);
      outcomes.push(outcome);
      console.log(
        `${outcome.database}: ${outcome.status}${outcome.before ? ` (export ${outcome.bytes} bytes, sha256 ${outcome.before.slice(0, 16)}… before, ${outcome.after!.slice(0, 16)}… after)` : ""}${outcome.note ? ` — ${outcome.note}` : ""}`,
      );
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const ok = outcomes.every((o) => o.status !== "DIFFERENT") && outcomes.some((o) => o.status === "identical");
  console.log(JSON.stringify({ check: "backup-restore", outcomes, ok }));
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
