import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_HOLDER } from "@/db/seed";
import { createEd25519Issuer, issueOpenBadge } from "@/test-issuer";
import {
  freePort,
  newcomerEnv,
  runNpm,
  startNpm,
  STACK_FRAME,
  throwawayDatabaseName,
  throwawayDataDir,
} from "@/testkit/child-scripts";
import { postgresAvailable } from "@/testkit/test-database";

/**
 * `npm run dev` for real, twice, one after the other (Next allows one dev server per checkout):
 * it creates a missing PostgreSQL database after saying so and serves on the port given after
 * `--`; and while it runs on the embedded database, Tessera commands in another terminal use the
 * database through it.
 */
const postgresUp = await postgresAvailable();
const data = throwawayDataDir("dev-server");
afterAll(() => data.remove());

describe("npm run dev", () => {
  it.skipIf(!postgresUp)(
    "creates a missing database after saying so, and serves on the port given after --",
    { timeout: 240_000 },
    async () => {
      const database = throwawayDatabaseName();
      const port = await freePort();
      const dev = startNpm(
        ["dev", "--", "-p", String(port)],
        newcomerEnv({ DATABASE_URL: database.url, DATA_DIR: data.dir }),
      );
      try {
        const output = await dev.waitFor(/Tessera is starting on/);
        expect(output).toContain(
          `[tessera] Database "${database.name}" does not exist on 127.0.0.1:5432; creating it (development only).`,
        );
        expect(output).toContain(`Tessera is starting on http://localhost:${port}`);
        expect(output).toContain(`open http://localhost:${port}/sign-in and enter ${DEMO_HOLDER.email}`);
        const check = new pg.Client({ connectionString: database.url });
        await check.connect();
        const { rows } = await check.query("select email from users");
        await check.end();
        expect(rows.map((row) => row.email)).toEqual([DEMO_HOLDER.email]);
        await dev.waitFor(new RegExp(`Local:\\s+http://localhost:${port}`));
      } finally {
        const stopped = await dev.stop();
        expect(stopped.stderr).not.toMatch(/ENOENT/);
        await database.drop();
      }
    },
  );

  it("lets Tessera commands use the embedded database while it runs", { timeout: 300_000 }, async () => {
    const port = await freePort();
    const env = newcomerEnv({ DATA_DIR: data.dir });
    const dev = startNpm(["dev", "--", "-p", String(port)], env);
    const badgeFile = path.join(data.dir, "first-aid.json");
    const issuer = await createEd25519Issuer();
    const badge = await issueOpenBadge(issuer, { achievement: { name: "First Aid at Work", id: "urn:uuid:1" } });
    fs.writeFileSync(badgeFile, JSON.stringify(badge));
    const origin = `http://localhost:${port}`;
    try {
      await dev.waitFor(/Ready in/);
      const sharing = `[tessera] Using the embedded database through npm run dev on ${origin} (process `;
      const [imported, health] = await Promise.all([
        runNpm(["tessera", "--", "import", "--holder", DEMO_HOLDER.email, badgeFile], env),
        fetch(`${origin}/api/health`).then((response) => response.json()),
      ]);
      expect(imported.stderr).toContain(sharing);
      expect(imported.stdout).toContain("1 imported, 0 already in the wallet, 0 rejected");
      expect(imported.code).toBe(0);
      expect(health).toEqual({
        ok: true,
        checks: { database: true, migrations: true, offlineDocumentLoader: true, accepting: true },
      });

      const archive = path.join(data.dir, "amara.zip");
      const exported = await runNpm(["tessera", "--", "export", "--holder", DEMO_HOLDER.email, "--out", archive], env);
      expect(exported.code).toBe(0);
      expect(fs.existsSync(archive)).toBe(true);

      // Sign-in links follow the port too: Auth.js builds them from AUTH_URL.
      const providers = (await (await fetch(`${origin}/api/auth/providers`)).json()) as Record<
        string,
        { signinUrl: string }
      >;
      expect(Object.values(providers).map((p) => new URL(p.signinUrl).origin)).toContain(origin);
    } finally {
      await dev.stop();
    }
    expect(fs.existsSync(path.join(data.dir, "pglite", "tessera.lock"))).toBe(false);
    const alone = await runNpm(["tessera", "--", "holders"], env);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe("");
    expect(alone.stdout).toContain(DEMO_HOLDER.email);
    expect(alone.stderr).not.toMatch(STACK_FRAME);
  });
});
