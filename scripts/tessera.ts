/**
 * Tessera's command line: `npm run tessera -- <command> [options]`.
 * Runs with the same database the app uses (see scripts/with-db.ts).
 */
import { commands } from "./cli/commands";
import { openCliContext } from "./cli/context";
import { loadTrustAnchors, setTrustAnchors } from "@/lib/verify-service/trust-anchors";

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
  const ctx = await openCliContext(command.needsDatabase !== false);
  try {
    return await command.run(args, ctx);
  } finally {
    await ctx.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
