import fs from "node:fs";
import path from "node:path";
import yazl from "yazl";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo, DEMO_HOLDER } from "@/db/seed";
import { createEd25519Issuer, issueOpenBadge, tamper } from "@/test-issuer";
import {
  newcomerEnv,
  runNpm,
  startNpm,
  STACK_FRAME,
  throwawayDatabaseName,
  throwawayDataDir,
} from "@/testkit/child-scripts";
import { postgresAvailable } from "@/testkit/test-database";
import { startEmbeddedDatabase } from "../embedded-db";
import { lockPathOf } from "../embedded-db/owner-lock";

/**
 * `npm run tessera -- …` off the happy road, run as a child process: a fresh folder, an owner that
 * cannot share, an owner that stops mid-command, a missing database, and an archive to verify.
 */
const postgresUp = await postgresAvailable();
const data = throwawayDataDir("cli-paths");
afterAll(() => data.remove());
const lines = (text: string) => text.trim().split("\n");

async function zipFile(file: string, entries: Record<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  fs.writeFileSync(file, Buffer.concat(chunks));
}

describe("tessera commands", { timeout: 120_000 }, () => {
  it("on a fresh embedded folder, say to migrate first, and work once migrated", async () => {
    const env = newcomerEnv({ DATA_DIR: path.join(data.dir, "fresh") });
    const before = await runNpm(["tessera", "--", "holders"], env);
    expect(before.code).toBe(78);
    expect(lines(before.stderr)).toEqual([
      `[tessera] The embedded database in ${path.relative(process.cwd(), path.join(data.dir, "fresh", "pglite"))} has no Tessera tables yet.`,
      "[tessera] Apply them with: npm run tessera -- migrate",
    ]);
    expect((await runNpm(["tessera", "--", "migrate"], env)).code).toBe(0);
    const after = await runNpm(["tessera", "--", "holders"], env);
    expect(after).toMatchObject({ code: 0, stdout: "No holders yet.\n", stderr: "" });
  });

  it("do not share a folder with an older Tessera that cannot share it, and say how to stop it", async () => {
    const folder = path.join(data.dir, "older", "pglite");
    fs.mkdirSync(folder, { recursive: true });
    // What Tessera wrote before the session server: a pid and a port, no password.
    fs.writeFileSync(lockPathOf(folder), JSON.stringify({ pid: process.pid, port: 1 }));
    const run = await runNpm(
      ["tessera", "--", "export", "--holder", DEMO_HOLDER.email],
      newcomerEnv({ DATA_DIR: path.dirname(folder) }),
    );
    expect(run.code).toBe(75);
    expect(lines(run.stderr)).toEqual([
      `[tessera] The embedded database in ${path.relative(process.cwd(), folder)} is open in an older Tessera (process ${process.pid}), which cannot share it safely.`,
      `[tessera] Stop it (Ctrl+C in its terminal, or: kill ${process.pid}), then run this command again.`,
    ]);
  });

  it("say what happened when the Tessera serving the database stops mid-command", { timeout: 180_000 }, async () => {
    const dataDir = path.join(data.dir, "stopping");
    const owner = await startEmbeddedDatabase(path.join(dataDir, "pglite"), {
      role: "npm run dev on http://localhost:3999",
    });
    const db = createDatabase({ url: owner.url, embedded: true });
    await migrateDatabase(db);
    await seedDemo(db);
    await db.$client.end();
    const issuer = await createEd25519Issuer();
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      files[`badge-${i}.json`] = JSON.stringify(
        await issueOpenBadge(issuer, { achievement: { name: `Module ${i}`, id: `urn:uuid:module-${i}` } }),
      );
    const archive = path.join(dataDir, "modules.zip");
    await zipFile(archive, files);
    const importing = startNpm(
      ["tessera", "--", "import", "--holder", DEMO_HOLDER.email, archive],
      newcomerEnv({ DATA_DIR: dataDir }),
    );
    await importing.waitFor(/✓ modules\.zip › badge-\d+\.json/);
    await owner.stop(0);
    const run = await importing.result;
    expect(run.code).toBe(69);
    expect(lines(run.stderr).slice(-2)).toEqual([
      "[tessera] The database connection was lost while the command ran (its server, or the Tessera serving it, stopped).",
      "[tessera] Each item is stored whole or not at all: run the command again to finish.",
    ]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it.skipIf(!postgresUp)("name a missing PostgreSQL database and the createdb command", async () => {
    const database = throwawayDatabaseName();
    const run = await runNpm(["tessera", "--", "holders"], newcomerEnv({ DATABASE_URL: database.url }));
    expect(run.code).toBe(78);
    expect(lines(run.stderr)).toEqual([
      `[tessera] Database "${database.name}" does not exist on 127.0.0.1:5432.`,
      `[tessera] Create it with: createdb -h 127.0.0.1 -p 5432 -U postgres ${database.name}`,
    ]);
  });

  it("verify each credential inside an archive, one verdict per file", async () => {
    const issuer = await createEd25519Issuer();
    const genuine = await issueOpenBadge(issuer, { achievement: { name: "Sepsis Recognition", id: "urn:uuid:s" } });
    const forged = tamper(genuine, ["credentialSubject", "achievement", "name"], "Sepsis Lead");
    const archive = path.join(data.dir, "two.zip");
    await zipFile(archive, { "genuine.json": JSON.stringify(genuine), "forged.json": JSON.stringify(forged) });
    const run = await runNpm(["tessera", "--", "verify", archive], newcomerEnv({ DATA_DIR: data.dir }));
    expect(run.code).toBe(1);
    const verdicts = run.stdout.split("\n").filter((line) => line.startsWith(archive));
    expect(verdicts.map((line) => line.replace(/ \(Open Badges 3\.0 · .*\)$/, ""))).toEqual([
      `${archive} › genuine.json: VERIFIED — Sepsis Recognition`,
      `${archive} › forged.json: NOT VERIFIED — Sepsis Lead`,
    ]);
  });
});
