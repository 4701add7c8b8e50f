import { DatabaseProblem } from "./problem";
import {
  createdbCommand,
  createuserCommand,
  pgIsreadyCommand,
  urlWithPasswordPlaceholder,
  type DatabaseTarget,
} from "./target";

export function missingDatabaseMessage(target: DatabaseTarget, userMayNotCreate: boolean): string {
  return userMayNotCreate
    ? `Database "${target.database}" does not exist on ${target.address}, and user "${target.user}" may not create it.\n` +
        `Ask an administrator to run: ${createdbCommand(target, true)}`
    : `Database "${target.database}" does not exist on ${target.address}.\nCreate it with: ${createdbCommand(target, false)}`;
}

type ConnectError = Error & { code?: string; errors?: Array<Error & { code?: string }> };

/** Node reports a refused localhost as an AggregateError (one error per address tried). */
function codeOf(error: ConnectError): string | undefined {
  return error.code ?? error.errors?.find((inner) => inner.code)?.code;
}

function unreachable(target: DatabaseTarget, why: string): DatabaseProblem {
  return new DatabaseProblem(
    "unreachable",
    `Cannot reach PostgreSQL at ${target.address}: ${why}.\n` +
      `Start PostgreSQL or correct DATABASE_URL (check with: ${pgIsreadyCommand(target)}), or unset DATABASE_URL to use the embedded database.`,
  );
}

/**
 * Turns what node-postgres threw while connecting into a DatabaseProblem, or returns undefined
 * for anything unexpected (the caller rethrows it, stack trace and all).
 */
export function classifyConnectError(error: unknown, target: DatabaseTarget, url: string): DatabaseProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  const failure = error as ConnectError;
  const code = codeOf(failure);
  const who = `user "${target.user}"`;
  switch (code) {
    case "ECONNREFUSED":
      return unreachable(target, "nothing is listening there");
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return unreachable(target, `the host name "${target.host}" is not known`);
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return unreachable(target, "the address does not answer");
    case "ENOENT": // a Unix socket folder without a server
      return unreachable(target, "there is no server socket there");
    case "ECONNRESET":
      return unreachable(target, "the server closed the connection");
    case "57P03":
      return unreachable(target, "the server is starting up or shutting down; try again in a moment");
    case "53300":
      return unreachable(target, "the server has no free connections");
    case "3D000":
      return new DatabaseProblem("missing-database", missingDatabaseMessage(target, false));
    case "28P01":
      return new DatabaseProblem(
        "authentication",
        `PostgreSQL at ${target.address} refused the password for ${who}.\n` +
          `Put the right password in DATABASE_URL: ${urlWithPasswordPlaceholder(url)}`,
      );
    case "28000":
      if (/role .* does not exist/i.test(failure.message))
        return new DatabaseProblem(
          "authentication",
          `PostgreSQL at ${target.address} has no ${who}.\nCreate it with: ${createuserCommand(target)}`,
        );
      return new DatabaseProblem(
        "authentication",
        `PostgreSQL at ${target.address} does not let ${who} connect from here (${failure.message}).\n` +
          "Allow it in the server's pg_hba.conf, or use another user in DATABASE_URL.",
      );
  }
  if (/timeout/i.test(failure.message)) return unreachable(target, "it did not answer within 3 s");
  if (/password must be a string|no password was provided/i.test(failure.message))
    return new DatabaseProblem(
      "authentication",
      `PostgreSQL at ${target.address} asks ${who} for a password, and DATABASE_URL has none.\n` +
        `Add it: ${urlWithPasswordPlaceholder(url)}`,
    );
  if (/does not support SSL/i.test(failure.message))
    return new DatabaseProblem(
      "configuration",
      `PostgreSQL at ${target.address} does not accept TLS, but DATABASE_URL asks for it.\n` +
        "Remove sslmode=require from DATABASE_URL, or enable SSL on the server.",
    );
  return undefined;
}
