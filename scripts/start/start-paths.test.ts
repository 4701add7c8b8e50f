import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { migrationsFolder } from "@/db/migrations-folder";
import { knownMigrationTimes } from "@/lib/database-preflight/migration-state";
import {
  freePort,
  newcomerEnv,
  runNpm,
  STACK_FRAME,
  throwawayDatabaseName,
  throwawayDataDir,
} from "@/testkit/child-scripts";
import { postgresAvailable, TEST_POSTGRES_URL } from "@/testkit/test-database";
import { startEmbeddedDatabase } from "../embedded-db";

/**
 * Each wrong turn a newcomer can take before Tessera starts: `npm run dev` and `npm start` run as
 * child processes, against throwaway databases on the test PostgreSQL server and throwaway PGlite
 * folders, and must say what is wrong and how to fix it, with their exit code and no stack trace.
 */
const postgresUp = await postgresAvailable();
const withPostgres = postgresUp ? describe : describe.skip;
const data = throwawayDataDir("start-paths");
afterAll(() => data.remove());

const env = (extra: Record<string, string> = {}) => newcomerEnv({ DATA_DIR: data.dir, ...extra });
const productionEnv = (extra: Record<string, string>) => env({ AUTH_URL: "https://wallet.example.org", ...extra });
const lines = (text: string) => text.trim().split("\n");
const known = knownMigrationTimes(migrationsFolder).length;

async function migratedDatabaseFromTheFuture(url: string): Promise<void> {
  const db = createDatabase({ url, embedded: url.includes("tessera:") });
  try {
    await migrateDatabase(db);
    await db.$client.query(
      "insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-tessera', 4102444800000)",
    );
  } finally {
    await db.$client.end();
  }
}

describe("start scripts before anything slow happens", { timeout: 90_000 }, () => {
  it("npm start in production without AUTH_URL asks for it", async () => {
    const run = await runNpm(["start"], env());
    expect(run.code).toBe(78);
    expect(lines(run.stderr)).toEqual([
      "[tessera] AUTH_URL must be set in production (the public origin links in emails point to), e.g. AUTH_URL=https://wallet.example.org npm start",
    ]);
  });

  it("a port that is not a number is a usage error, not a crash", async () => {
    const run = await runNpm(["dev", "--", "-p", "forty"], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('-p "forty" is not a port number (1 to 65535), e.g. npm run dev -- -p 4000');
    expect(run.stderr).not.toMatch(/ENOENT|spawn/);
  });

  it("a server that does not answer is named, with the command that checks it", async () => {
    const port = await freePort();
    const run = await runNpm(["dev"], env({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/tessera` }));
    expect(run.code).toBe(69);
    expect(lines(run.stderr)).toEqual([
      `[tessera] Cannot reach PostgreSQL at 127.0.0.1:${port}: nothing is listening there.`,
      `[tessera] Start PostgreSQL or correct DATABASE_URL (check with: pg_isready -h 127.0.0.1 -p ${port}), or unset DATABASE_URL to use the embedded database.`,
    ]);
  });

  it("a wrong password is refused with where the password goes", async () => {
    const server = await startEmbeddedDatabase("memory");
    try {
      const wrong = server.url.replace(/tessera:[^@]+@/, "tessera:guess@");
      const run = await runNpm(["start"], productionEnv({ DATABASE_URL: wrong }));
      expect(run.code).toBe(77);
      const port = new URL(server.url).port;
      expect(lines(run.stderr)).toEqual([
        `[tessera] PostgreSQL at 127.0.0.1:${port} refused the password for user "tessera".`,
        `[tessera] Put the right password in DATABASE_URL: postgresql://tessera:PASSWORD@127.0.0.1:${port}/postgres?sslmode=disable`,
      ]);
    } finally {
      await server.stop();
    }
  });

  it("a folder another Tessera holds is not opened twice", async () => {
    const folder = path.join(data.dir, "pglite");
    const owner = await startEmbeddedDatabase(folder, { role: "tessera import" });
    try {
      const run = await runNpm(["dev"], env());
      expect(run.code).toBe(75);
      expect(lines(run.stderr)).toEqual([
        `[tessera] The embedded database in ${path.relative(process.cwd(), folder)} is in use by tessera import (process ${process.pid}).`,
        "[tessera] Wait for it to finish, then run npm run dev again.",
      ]);
    } finally {
      await owner.stop();
    }
  });

  it("an embedded folder migrated by a newer Tessera is not touched", async () => {
    const folder = path.join(data.dir, "pglite");
    const owner = await startEmbeddedDatabase(folder);
    await migratedDatabaseFromTheFuture(owner.url);
    await owner.stop();
    const run = await runNpm(["dev"], env());
    expect(run.code).toBe(78);
    expect(lines(run.stderr)).toEqual([
      `[tessera] The embedded database in ${path.relative(process.cwd(), folder)} was migrated by a newer version of Tessera (${known + 1} migrations applied; this version has ${known}).`,
      "[tessera] Update this checkout (git pull && npm install), or start from an empty data folder: DATA_DIR=.data-new npm run dev.",
    ]);
  });
});

withPostgres("start scripts against PostgreSQL", { timeout: 90_000 }, () => {
  const server = new URL(TEST_POSTGRES_URL);
  const address = `${server.hostname}:${server.port || 5432}`;

  it("npm start names a missing database and the createdb command", async () => {
    const database = throwawayDatabaseName();
    const run = await runNpm(["start"], productionEnv({ DATABASE_URL: database.url }));
    expect(run.code).toBe(78);
    expect(lines(run.stderr)).toEqual([
      `[tessera] Database "${database.name}" does not exist on ${address}.`,
      `[tessera] Create it with: createdb -h ${server.hostname} -p ${server.port || 5432} -U postgres ${database.name}`,
    ]);
  });

  it("npm run dev, whose user may not create the missing database, names the command for an administrator", async () => {
    const database = throwawayDatabaseName();
    const role = `${database.name}_user`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create role ${role} login nocreatedb`);
    try {
      const url = new URL(database.url);
      url.username = role;
      const run = await runNpm(["dev"], env({ DATABASE_URL: url.toString() }));
      expect(run.code).toBe(78);
      expect(lines(run.stderr)).toEqual([
        `[tessera] Database "${database.name}" does not exist on ${address}; creating it (development only).`,
        `[tessera] Database "${database.name}" does not exist on ${address}, and user "${role}" may not create it.`,
        `[tessera] Ask an administrator to run: createdb -h ${server.hostname} -p ${server.port || 5432} -U postgres -O ${role} ${database.name}`,
      ]);
    } finally {
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });

  it("a user the server does not know is named, with the createuser command", async () => {
    const unknown = new URL(TEST_POSTGRES_URL);
    unknown.username = "no_such_tessera_user";
    const run = await runNpm(["start"], productionEnv({ DATABASE_URL: unknown.toString() }));
    expect(run.code).toBe(77);
    expect(run.stderr).toContain(`[tessera] PostgreSQL at ${address} has no user "no_such_tessera_user".`);
    expect(run.stderr).toContain("Create it with: createuser -h");
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it("a database migrated by a newer Tessera is refused before migrate runs", async () => {
    const database = throwawayDatabaseName();
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${database.name}`);
    await admin.end();
    try {
      await migratedDatabaseFromTheFuture(database.url);
      const run = await runNpm(["start"], productionEnv({ DATABASE_URL: database.url }));
      expect(run.code).toBe(78);
      expect(lines(run.stderr)).toEqual([
        `[tessera] The database "${database.name}" on ${address} was migrated by a newer version of Tessera (${known + 1} migrations applied; this version has ${known}).`,
        "[tessera] Update this checkout (git pull && npm install), or point DATABASE_URL at another database.",
      ]);
    } finally {
      await database.drop();
    }
  });
});
