import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Who owns an embedded database folder. Exactly one process may open the folder (two PGlite
 * instances on one folder corrupt it); it publishes where it serves the database in
 * `<folder>/tessera.lock` (mode 0600: it holds the password), so other Tessera commands can use
 * the database through it instead of opening the folder themselves.
 */
export interface OwnerInfo {
  pid: number;
  /** What the owner runs, for messages: "npm run dev", "tessera import", … */
  role: string;
  /** Null while the owner is still opening the folder. */
  port: number | null;
  password: string;
  /** 2: served by the session server, safe to share. Older owners wrote no version. */
  version: number;
}

export const LOCK_VERSION = 2;

export const lockPathOf = (folder: string) => path.join(folder, "tessera.lock");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parse(text: string): OwnerInfo | undefined {
  try {
    const raw = JSON.parse(text) as Partial<OwnerInfo>;
    if (!Number.isInteger(raw.pid)) return undefined;
    return {
      pid: raw.pid!,
      role: typeof raw.role === "string" ? raw.role : "an older Tessera",
      port: typeof raw.port === "number" ? raw.port : null,
      password: typeof raw.password === "string" ? raw.password : "",
      version: typeof raw.version === "number" ? raw.version : 1,
    };
  } catch {
    return undefined;
  }
}

/** The folder's owner if it is a live process other than this one. */
export function readLiveOwner(folder: string): OwnerInfo | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockPathOf(folder), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const owner = parse(text);
  return owner && owner.pid !== process.pid && isAlive(owner.pid) ? owner : undefined;
}

/** Writes `info` whole or not at all: a reader never sees half a lock file. */
function writeFileAtomically(target: string, info: OwnerInfo, replace: boolean): void {
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, JSON.stringify(info), { mode: 0o600 });
  try {
    if (replace) fs.renameSync(temporary, target);
    else fs.linkSync(temporary, target); // fails with EEXIST when someone else holds the lock
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

export type Claim =
  { ok: true; info: OwnerInfo; publish(port: number): void; release(): void } | { ok: false; owner: OwnerInfo };

/** Takes the folder for this process, unless a live process holds it; a dead owner's lock is cleared. */
export function claimFolder(folder: string, role: string): Claim {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = lockPathOf(folder);
  const info: OwnerInfo = {
    pid: process.pid,
    role,
    port: null,
    password: crypto.randomBytes(24).toString("base64url"),
    version: LOCK_VERSION,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileAtomically(lockPath, info, false);
      return {
        ok: true,
        info,
        publish(port) {
          info.port = port;
          writeFileAtomically(lockPath, info, true);
        },
        release() {
          if (readOwnPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLiveOwner(folder);
      if (owner) return { ok: false, owner };
      fs.rmSync(lockPath, { force: true }); // left behind by a process that has ended
    }
  }
  const owner = readLiveOwner(folder);
  if (owner) return { ok: false, owner };
  throw new Error(`Could not take the lock ${lockPath}; delete it if no Tessera is running.`);
}

function readOwnPid(lockPath: string): number | undefined {
  try {
    return parse(fs.readFileSync(lockPath, "utf8"))?.pid;
  } catch {
    return undefined;
  }
}
