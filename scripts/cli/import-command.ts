import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { importOne } from "@/lib/import/jobs";
import { expandSources } from "@/lib/import/pipeline";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { createGuardedFetch } from "@/lib/net";
import type { CliCommand } from "./commands";

const SYMBOL = { imported: "✓", duplicate: "=", rejected: "✗" } as const;

/** Imports files (credentials, baked images, zip archives) into a holder's wallet, item by item. */
export const importCommand: CliCommand = {
  summary: "Import credential files or zip archives into a holder's wallet",
  usage: "import --holder EMAIL FILE...",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { holder: { type: "string" } },
      allowPositionals: true,
    });
    if (!values.holder || positionals.length === 0) {
      ctx.out("Usage: npm run tessera -- import --holder EMAIL FILE...");
      return 2;
    }
    const holder = await ctx.db.query.users.findFirst({
      columns: { id: true },
      where: eq(users.email, values.holder.trim().toLowerCase()),
    });
    if (!holder) {
      ctx.out(`No holder with the email ${values.holder}.`);
      return 1;
    }
    const sources = await Promise.all(
      positionals.map(async (file) => ({ name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) })),
    );
    const { items } = await expandSources(sources);
    const fetch = createGuardedFetch({ timeoutMs: 5_000 });
    const deps = { fetch, verify: await verificationDepsForHolder(ctx.db, holder.id, fetch) };
    const totals = { imported: 0, duplicate: 0, rejected: 0 };
    for (const item of items) {
      const report = await importOne(ctx.db, holder.id, item, deps);
      totals[report.outcome] += 1;
      ctx.out(
        `${SYMBOL[report.outcome]} ${report.name}: ${report.outcome === "rejected" ? report.message : `${report.title} — ${report.message}`}`,
      );
    }
    ctx.out(`${totals.imported} imported, ${totals.duplicate} already in the wallet, ${totals.rejected} rejected`);
    return totals.rejected > 0 ? 1 : 0;
  },
};
