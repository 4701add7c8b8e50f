import pg from "pg";

/** Where a DATABASE_URL points, as the fix commands in messages need it. */
export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  database: string;
  /** "127.0.0.1:5432", or the socket folder for a Unix socket. */
  address: string;
}

export function describeTarget(url: string): DatabaseTarget {
  // node-postgres's own reading of the URL (defaults included), so messages name what it connects to.
  const client = new pg.Client({ connectionString: url });
  const host = client.host || "localhost";
  const port = client.port || 5432;
  return {
    host,
    port,
    user: client.user ?? "postgres",
    database: client.database ?? client.user ?? "postgres",
    address: host.startsWith("/") ? `${host} (port ${port})` : `${host}:${port}`,
  };
}

/** Quotes an argument for a POSIX shell only when it needs it, so commands stay readable. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`;
}

export const command = (...words: string[]) => words.map(shellWord).join(" ");

const connectionFlags = (target: DatabaseTarget) => ["-h", target.host, "-p", String(target.port)];

/** `createdb …` run as an administrator ("postgres" on a stock install), owned by the URL's user. */
export function createdbCommand(target: DatabaseTarget, asAdministrator: boolean): string {
  if (!asAdministrator) return command("createdb", ...connectionFlags(target), "-U", target.user, target.database);
  return command("createdb", ...connectionFlags(target), "-U", "postgres", "-O", target.user, target.database);
}

export function createuserCommand(target: DatabaseTarget): string {
  return command("createuser", ...connectionFlags(target), "-U", "postgres", "--createdb", "--pwprompt", target.user);
}

export function pgIsreadyCommand(target: DatabaseTarget): string {
  return command("pg_isready", ...connectionFlags(target));
}

/** The URL with its password replaced, for a message that shows where the password goes. */
export function urlWithPasswordPlaceholder(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "PASSWORD";
    return parsed.toString();
  } catch {
    return "postgresql://USER:PASSWORD@HOST:PORT/DATABASE";
  }
}
