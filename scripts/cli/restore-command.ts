import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatSize } from "@/lib/hostile-input/errors";
import { isDomainError } from "@/lib/errors/domain-error";
import { RESTORE_LIMITS } from "@/lib/wallet-archive/format";
import { restoreWallet } from "@/lib/wallet-archive/restore";
import { describeRestore } from "@/lib/wallet-archive/summary";
import type { CliCommand } from "./commands";
import { holderIdByEmail, readPassphraseFile } from "./export-command";

/** Restores a wallet archive into a holder's empty wallet, all or nothing. */
export const restoreCommand: CliCommand = {
  summary: "Restore a wallet archive into a holder's empty wallet (all or nothing)",
  usage: "restore --holder EMAIL [--passphrase-file FILE] ARCHIVE",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { holder: { type: "string" }, "passphrase-file": { type: "string" } },
      allowPositionals: true,
    });
    if (!values.holder || positionals.length !== 1) {
      ctx.err("Usage: npm run tessera -- restore --holder EMAIL [--passphrase-file FILE] ARCHIVE");
      return 2;
    }
    const holderId = await holderIdByEmail(ctx.db, values.holder);
    if (!holderId) {
      ctx.err(`No holder with the email ${values.holder}.`);
      return 1;
    }
    const file = positionals[0]!;
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      ctx.err(`${file}: file not found or not readable.`);
      return 1;
    }
    if (stat.size > RESTORE_LIMITS.maxArchiveBytes) {
      ctx.err(
        `${file} is ${formatSize(stat.size)}; Tessera restores archives up to ${formatSize(RESTORE_LIMITS.maxArchiveBytes)}. Nothing was restored.`,
      );
      return 1;
    }
    let passphrase: string | undefined;
    try {
      passphrase = readPassphraseFile(values["passphrase-file"]);
    } catch {
      ctx.err(`${values["passphrase-file"]}: file not found or not readable.`);
      return 1;
    }
    try {
      ctx.out(
        describeRestore(await restoreWallet(ctx.db, holderId, new Uint8Array(await fs.readFile(file)), { passphrase })),
      );
      return 0;
    } catch (error) {
      // A refusal (altered archive, wallet not empty, hostile input) is said in words; anything else is a bug.
      if (!isDomainError(error)) throw error;
      ctx.err(error.message);
      return 1;
    }
  },
};
