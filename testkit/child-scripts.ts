import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { TEST_POSTGRES_URL } from "./test-database";

/**
 * Runs Tessera's start scripts and CLI as a person would (`npm run …` in a shell of their own),
 * for tests that assert what they print and how they exit.
 */
export const REPO = path.resolve(import.meta.dirname, "..");

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A newcomer's environment: none of the test runner's Tessera settings, no NODE_ENV. */
export function newcomerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const tessera = /^(DATABASE_URL|TESSERA_|AUTH_|PORT$|DATA_DIR$|NODE_ENV$|VITEST|SMTP_URL$|NEXT_)/.test(name);
    if (!tessera) env[name] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra } as unknown as NodeJS.ProcessEnv;
}

export interface RunningScript {
  pid: number;
  /** Resolves with all output so far once `pattern` appears in it (stdout or stderr). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Ctrl+C to the whole process group, as a terminal sends it; resolves when it has exited. */
  stop(): Promise<ScriptResult>;
  result: Promise<ScriptResult>;
}

export function startNpm(args: string[], env: NodeJS.ProcessEnv): RunningScript {
  const child = spawn("npm", ["run", "-s", ...args], { cwd: REPO, env, detached: true });
  const output = { stdout: "", stderr: "" };
  const listeners = new Set<() => void>();
  child.stdout.on("data", (chunk: Buffer) => ((output.stdout += chunk), listeners.forEach((l) => l())));
  child.stderr.on("data", (chunk: Buffer) => ((output.stderr += chunk), listeners.forEach((l) => l())));
  const result = new Promise<ScriptResult>((resolve) =>
    child.on("close", (code) => (resolve({ code, ...output }), listeners.forEach((l) => l()))),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  return {
    pid: child.pid!,
    result,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const all = () => `${output.stdout}\n${output.stderr}`;
        const timer = setTimeout(() => done(new Error(`timed out waiting for ${pattern}:\n${all()}`)), timeoutMs);
        const check = () => {
          if (pattern.test(all())) done();
          else if (child.exitCode !== null || child.signalCode !== null)
            done(new Error(`exited (${child.exitCode}) before ${pattern}:\n${all()}`));
        };
        const done = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(all());
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      signalGroup("SIGINT");
      const killer = setTimeout(() => signalGroup("SIGKILL"), 20_000);
      const finished = await result;
      clearTimeout(killer);
      return finished;
    },
  };
}

export function runNpm(args: string[], env: NodeJS.ProcessEnv): Promise<ScriptResult> {
  return startNpm(args, env).result;
}

/** A fresh folder for DATA_DIR under .data/vitest, removed by the returned function. */
export function throwawayDataDir(label: string): { dir: string; remove(): void } {
  const dir = path.join(REPO, ".data", "vitest", `${label}-${crypto.randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir, { recursive: true });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A database name no one uses on the test PostgreSQL server, and how to reach or drop it. */
export function throwawayDatabaseName(): { name: string; url: string; drop(): Promise<void> } {
  const name = `tessera_nc_${crypto.randomBytes(5).toString("hex")}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      await admin.end();
    },
  };
}

/** A local port nothing listens on (it was free a moment ago). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What every expected-problem message must not contain: a stack trace. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
