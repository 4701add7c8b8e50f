import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { formatSize } from "@/lib/hostile-input/errors";
import { isDomainError } from "@/lib/errors/domain-error";
import { exportWallet } from "@/lib/wallet-archive/export";
import { checkExportPassphrase } from "@/lib/wallet-archive/passphrase";
import type { CliCommand } from "./commands";

export async function holderIdByEmail(db: Database, email: string): Promise<string | undefined> {
  const holder = await db.query.users.findFirst({
    columns: { id: true },
    where: eq(users.email, email.trim().toLowerCase()),
  });
  return holder?.id;
}

/**
 * The passphrase from a file (its first line), never from the command line, where `ps` and the
 * shell history would keep it. Undefined when no file is named.
 */
export function readPassphraseFile(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  return fs.readFileSync(file, "utf8").split(/\r?\n/)[0];
}

/** Writes a holder's whole wallet to a zip (the same archive the Portfolio page downloads). */
export const exportCommand: CliCommand = {
  summary:
    "Export a holder's whole wallet (originals, records, notes, collections, goals, share settings, identities) as one zip; wallet DID keys only with --passphrase-file",
  usage: "export --holder EMAIL [--out FILE] [--passphrase-file FILE]",
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { holder: { type: "string" }, out: { type: "string" }, "passphrase-file": { type: "string" } },
    });
    if (!values.holder) {
      ctx.err("Usage: npm run tessera -- export --holder EMAIL [--out FILE] [--passphrase-file FILE]");
      return 2;
    }
    let passphrase: string | undefined;
    try {
      passphrase = checkExportPassphrase(readPassphraseFile(values["passphrase-file"]));
    } catch (error) {
      if (!isDomainError(error) && (error as NodeJS.ErrnoException).code === undefined) throw error;
      ctx.err(isDomainError(error) ? error.message : `${values["passphrase-file"]}: file not found or not readable.`);
      return 1;
    }
    const holderId = await holderIdByEmail(ctx.db, values.holder);
    if (!holderId) {
      ctx.err(`No holder with the email ${values.holder}.`);
      return 1;
    }
    const result = await exportWallet(ctx.db, holderId, { passphrase });
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
      `Exported ${c.credentials} credentials, ${c.collections} collections, ${c.goals} goals, ${c.shares} share link settings, ${c.emails} email addresses and ${c.dids} wallet DIDs (${passphrase === undefined ? "no keys: no passphrase" : "their keys encrypted under the passphrase"}; ${formatSize(result.totalBytes)}) to ${file}`,
    );
    return 0;
  },
};
