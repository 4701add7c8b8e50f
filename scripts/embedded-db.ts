import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * Serves a PGlite data folder on 127.0.0.1 so that exactly one process owns it (two PGlite
 * instances on one folder corrupt it: docs/architecture.md#one-process-owns-a-pglite-folder). A lock file
 * records the owner; a second owner is refused with a message that says what to do.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  port: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readLiveLock(dataFolder: string): LockInfo | undefined {
  const lockPath = path.join(dataFolder, "tessera.lock");
  if (!fs.existsSync(lockPath)) return undefined;
  try {
    const info = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
    return isAlive(info.pid) && info.pid !== process.pid ? info : undefined;
  } catch {
    return undefined;
  }
}

export function urlForPort(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export async function startEmbeddedDatabase(dataFolder: string | "memory"): Promise<EmbeddedDatabase> {
  let lockPath: string | undefined;
  if (dataFolder !== "memory") {
    fs.mkdirSync(dataFolder, { recursive: true });
    const owner = readLiveLock(dataFolder);
    if (owner) {
      throw new Error(
        `The embedded database in ${dataFolder} is in use by process ${owner.pid} (is Tessera already running?). ` +
          "Stop that process first, or set DATABASE_URL to use a PostgreSQL server.",
      );
    }
    lockPath = path.join(dataFolder, "tessera.lock");
  }
  const db = await PGlite.create(dataFolder === "memory" ? "memory://" : dataFolder);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 16 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  if (lockPath) fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port } satisfies LockInfo));
  return {
    url: urlForPort(port),
    async stop() {
      await server.stop();
      await db.close();
      if (lockPath) fs.rmSync(lockPath, { force: true });
    },
  };
}
