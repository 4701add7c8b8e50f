/**
 * An expected reason Tessera cannot use its database, said in one or two lines: what is wrong,
 * then the command that fixes it. Start scripts print the message (no stack trace) and exit with
 * the code, so a script can tell the cases apart (codes from BSD sysexits, listed in the README).
 */
export type DatabaseProblemKind =
  | "unreachable"
  | "authentication"
  | "missing-database"
  | "newer-migrations"
  | "pending-migrations"
  | "in-use"
  | "configuration";

export const EXIT_CODES: Record<DatabaseProblemKind, number> = {
  unreachable: 69, // EX_UNAVAILABLE
  authentication: 77, // EX_NOPERM
  "missing-database": 78, // EX_CONFIG
  "newer-migrations": 78,
  "pending-migrations": 78,
  configuration: 78,
  "in-use": 75, // EX_TEMPFAIL: try again once the other process is done
};

export class DatabaseProblem extends Error {
  override name = "DatabaseProblem";
  readonly exitCode: number;
  constructor(
    readonly kind: DatabaseProblemKind,
    message: string,
  ) {
    super(message);
    this.exitCode = EXIT_CODES[kind];
  }
}

export function isDatabaseProblem(error: unknown): error is DatabaseProblem {
  return error instanceof DatabaseProblem;
}
