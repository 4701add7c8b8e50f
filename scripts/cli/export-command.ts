import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { formatSize } from "@/lib/hostile-input/errors";
import { exportWallet } from "@/lib/wallet-archive/export";
import type { CliCommand } from "./commands";

export async function holderIdByEmail(db: Database, email: string): Promise<string | undefined> {
  const holder = await db.query.users.findFirst({
    columns: { id: true },
    where: eq(users.email, email.trim().toLowerCase()),
  });
  return holder?.id;
}

/** Writes a holder's whole wallet to a zip (the same archive the Portfolio page downloads). */
export const exportCommand: CliCommand = {
  summary: "Export a holder's whole wallet (originals, records, notes, collections, goals, share settings) as one zip",
  usage: "export --holder EMAIL [--out FILE]",
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { holder: { type: "string" }, out: { type: "string" } } });
    if (!values.holder) {
      ctx.err("Usage: npm run tessera -- export --holder EMAIL [--out FILE]");
      return 2;
    }
    const holderId = await holderIdByEmail(ctx.db, values.holder);
    if (!holderId) {
      ctx.err(`No holder with the email ${values.holder}.`);
      return 1;
    }
    const result = await exportWallet(ctx.db, holderId);
    const file = path.resolve(values.out ?? result.filename);
    if (fs.existsSync(file)) {
      result.stream.destroy();
      ctx.err(`${file} already exists; choose another name with --out.`);
      return 1;
    }
    const partial = `${file}.part`;
    try {
      // Written beside the target, then renamed: a failed export never leaves a truncated archive under the real name.
      await pipeline(result.stream, fs.createWriteStream(partial, { flags: "wx" }));
      fs.renameSync(partial, file);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    const c = result.manifest.counts;
    ctx.out(
      `Exported ${c.credentials} credentials, ${c.collections} collections, ${c.goals} goals and ${c.shares} share link settings (${formatSize(result.totalBytes)}) to ${file}`,
    );
    return 0;
  },
};
