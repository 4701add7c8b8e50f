/**
 * Tessera's command line: `npm run tessera -- <command> [options]`.
 * Runs with the same database the app uses (see scripts/cli/database.ts).
 */
import { commands } from "./cli/commands";
import { openCliContext } from "./cli/context";
import { setTrustAnchors } from "@/lib/runtime/trust-anchors";
import { loadTrustAnchors } from "@/lib/verify-service/trust-anchors";
import { exitCodeFor, say } from "./start/report";

function helpText(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: npm run tessera -- <command> [options]",
    "",
    "Commands:",
    ...lines,
    `  ${"help".padEnd(width)}  Show this help`,
    "",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(helpText());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`Usage: npm run tessera -- ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  // Imports and re-checks from the command line trust the same authorities as the server.
  const anchors = process.env.TESSERA_X509_TRUST_ANCHORS;
  if (anchors) setTrustAnchors(loadTrustAnchors(anchors));
  const ctx = await openCliContext({
    command: name,
    needsDatabase: command.needsDatabase !== false,
    migrates: command.migrates === true,
  });
  try {
    return await command.run(args, ctx);
  } finally {
    await ctx.close();
  }
}

/** node-postgres's words when the database went away mid-command (server stopped or restarted). */
function isLostConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === "ECONNREFUSED" || code === "ECONNRESET" || code === "57P01" || /Connection terminated/i.test(error.message)
  );
}

/** A file the command was given that cannot be read: the system's own words say it best. */
const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";

function fail(error: unknown): never {
  if (isLostConnection(error)) {
    say("The database connection was lost while the command ran (its server, or the Tessera serving it, stopped).");
    say("Each item is stored whole or not at all: run the command again to finish.");
    process.exit(69);
  }
  if (isFileError(error)) {
    say(error.message);
    process.exit(1);
  }
  process.exit(exitCodeFor(error));
}

// A pooled connection that drops while a transaction holds it is reported as an uncaught 'error' event.
process.on("uncaughtException", fail);
main(process.argv.slice(2)).then((code) => process.exit(code), fail);
