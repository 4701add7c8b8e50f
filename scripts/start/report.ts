import { isDatabaseProblem } from "@/lib/database-preflight";
import { EnvError } from "@/lib/env";

/** Something a start script needs and lacks, said in a line or two, with the exit code to leave with. */
export class StartProblem extends Error {
  override name = "StartProblem";
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** A mistake in how a start script was called: exit code 2, like any command-line usage error. */
export const usageError = (message: string) => new StartProblem(message, 2);

/** A line for the person at the terminal, on stderr so it never mixes with a command's output. */
export function say(line: string): void {
  for (const part of line.split("\n")) process.stderr.write(`[tessera] ${part}\n`);
}

/**
 * Expected problems (database, configuration, usage) are told in their own one or two lines and
 * exit with their code; anything else is a bug and keeps its stack trace.
 */
export function exitCodeFor(error: unknown): number {
  if (isDatabaseProblem(error)) {
    say(error.message);
    return error.exitCode;
  }
  if (error instanceof EnvError) {
    // "  AUTH_URL: AUTH_URL must be …" → "AUTH_URL must be …": one line per variable, named once.
    const lines = error.message.split("\n").slice(1);
    for (const line of lines) say(line.trim().replace(/^(\w+): (?=\1 )/, ""));
    return 78;
  }
  if (error instanceof StartProblem) {
    say(error.message);
    return error.exitCode;
  }
  console.error(error);
  return 1;
}
