import { parseArgs } from "node:util";
import { listEmailAddresses, holderIdByConfirmedEmail } from "@/lib/identities/emails-data";
import { listWalletDids } from "@/lib/identities/wallet-did";
import type { CliCommand } from "./commands";
import { holderIdByEmail } from "./export-command";

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Lists a holder's identities: addresses (sign-in, confirmed, waiting) and wallet DIDs. Read-only:
 * it never makes a DID, and never prints or decrypts a key.
 */
export const identitiesCommand: CliCommand = {
  summary: "List a holder's email addresses and wallet DIDs (any of their confirmed addresses finds them)",
  usage: "identities --holder EMAIL",
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { holder: { type: "string" } } });
    if (!values.holder) {
      ctx.err("Usage: npm run tessera -- identities --holder EMAIL");
      return 2;
    }
    const email = values.holder.trim().toLowerCase();
    const holderId = (await holderIdByEmail(ctx.db, email)) ?? (await holderIdByConfirmedEmail(ctx.db, email));
    if (!holderId) {
      ctx.err(`No holder with the email ${values.holder}.`);
      return 1;
    }
    const addresses = await listEmailAddresses(ctx.db, holderId);
    ctx.out(`email\t${addresses.signIn}\tsign-in`);
    for (const row of addresses.others) ctx.out(`email\t${row.email}\tconfirmed ${day(row.confirmedAt)}`);
    for (const row of addresses.pending) ctx.out(`email\t${row.email}\twaiting for confirmation`);
    const dids = await listWalletDids(ctx.db, holderId);
    if (dids.length === 0) ctx.out("did\t-\tnone yet (made on first use)");
    for (const row of dids)
      ctx.out(
        `did\t${row.did}\t${row.status === "current" ? `current since ${day(row.createdAt)}` : `previous, replaced ${day(row.retiredAt ?? row.createdAt)}`}`,
      );
    return 0;
  },
};
