import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The production server under test (`next start`), in its own process group so it can be stopped with all it spawned. */
export interface NextServer {
  origin: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

function nextBin(cwd: string): string {
  return createRequire(path.join(cwd, "package.json")).resolve("next/dist/bin/next");
}

/** Runs `next build` when there is no production build yet; says so first. */
export function ensureProductionBuild(cwd: string): void {
  if (fs.existsSync(path.join(cwd, ".next", "BUILD_ID"))) return;
  console.log("No production build (.next/BUILD_ID is missing): running `next build` first …");
  const result = spawnSync(process.execPath, [nextBin(cwd), "build"], {
    cwd,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0 || !fs.existsSync(path.join(cwd, ".next", "BUILD_ID")))
    throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

async function answers(url: string): Promise<Response | undefined> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(2000), redirect: "manual" });
  } catch {
    return undefined;
  }
}

export async function startNextServer({
  cwd,
  port,
  env,
  logFile,
  nodeArgs = [],
  readyTimeoutMs = 90_000,
}: {
  cwd: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Extra node flags for the server, e.g. --cpu-prof. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}): Promise<NextServer> {
  const origin = `http://127.0.0.1:${port}`;
  if (await answers(`${origin}/`))
    throw new Error(`Something already answers on ${origin}; choose another port with --port=…`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, nextBin(cwd), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd, env, detached: true, stdio: ["ignore", log, log] },
  );
  fs.closeSync(log);
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    }),
  );
  const pid = child.pid!;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (exited) return;
    killGroup("SIGTERM");
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
    if ((await Promise.race([exit.then(() => "exited" as const), timer])) === "timeout") {
      killGroup("SIGKILL");
      await exit;
    }
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`next start stopped before it was ready (${exited}):\n${tail(logFile)}`);
    const response = await answers(`${origin}/api/health`);
    if (response?.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `next start did not answer ${origin}/api/health within ${readyTimeoutMs / 1000} s (last status ${response?.status ?? "no answer"}):\n${tail(logFile)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, pid, logFile, stop };
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
