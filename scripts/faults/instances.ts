import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The production bundle `npm run build` makes (scripts/start/bundle.ts, ADR 0034). */
export const STANDALONE = path.resolve(".next", "standalone");

export function requireBundle(): void {
  if (!fs.existsSync(path.join(STANDALONE, "tessera", "http-server.mjs")))
    throw new Error("There is no production bundle yet. Build it first: npm run build");
}

/** `node tessera/migrate.mjs`, the deploy step, against `databaseUrl`. */
export function migrate(databaseUrl: string): void {
  const run = spawnSync(process.execPath, ["tessera/migrate.mjs"], {
    cwd: STANDALONE,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`migrate.mjs failed: ${run.stderr || run.stdout}`);
}

export interface Instance {
  name: string;
  port: number;
  pid: number;
  url: string;
  /** SIGKILL: no drain, no goodbye. */
  kill(): void;
  /** SIGTERM, resolved when the process exited. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** Settings every instance shares, as a deployment sets them (README, "Deploying"). */
export function sharedSettings(databaseUrl: string, publicOrigin: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_URL: publicOrigin,
    AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
    TESSERA_KEY_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    TRUSTED_PROXY_HOPS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** One instance, `node tessera/http-server.mjs` in the bundle, ready when /api/health/ready says so. */
export async function startInstance(name: string, port: number, settings: NodeJS.ProcessEnv): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tessera-${name}-`));
  const child: ChildProcess = spawn(process.execPath, ["tessera/http-server.mjs"], {
    cwd: STANDALONE,
    env: { ...process.env, ...settings, PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited at start (${child.exitCode})`);
    const ready = await fetch(`${url}/api/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`instance ${name} was not ready within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name,
    port,
    pid: child.pid!,
    url,
    exited,
    kill: () => void child.kill("SIGKILL"),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
