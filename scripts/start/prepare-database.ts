/**
 * `npm run dev` and `npm start` run this once before Next starts, in one process: apply the
 * migrations, and with --seed create the demo holder. The start script has already checked the
 * database, so this goes straight to work.
 */
import { commands } from "../cli/commands";
import { openCliContext } from "../cli/context";

async function main(): Promise<number> {
  const ctx = await openCliContext({ command: "migrate", needsDatabase: true, migrates: true });
  try {
    const migrated = await commands.migrate!.run([], ctx);
    if (migrated !== 0 || !process.argv.includes("--seed")) return migrated;
    return await commands.seed!.run([], ctx);
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
