import { migrateDatabase } from "@/db/migrate";
import { DEMO_HOLDER, seedDemo } from "@/db/seed";
import { demoDocumentsBundle } from "@/db/seed-demo-documents";
import { users } from "@/db/schema";
import type { CliContext } from "./context";
import { exportCommand } from "./export-command";
import { identitiesCommand } from "./identities-command";
import { importCommand } from "./import-command";
import { remindersCommand } from "./reminders-command";
import { restoreCommand } from "./restore-command";
import { verifyCommand } from "./verify-command";

export interface CliCommand {
  summary: string;
  usage: string;
  /** Defaults to true; verify runs without a database. */
  needsDatabase?: boolean;
  /** Runs on a database that lacks migrations (migrate itself); every other command needs them applied. */
  migrates?: boolean;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Later capabilities (import, verify, export, restore) register here. */
export const commands: Record<string, CliCommand> = {
  migrate: {
    summary: "Apply database migrations",
    usage: "migrate",
    migrates: true,
    async run(_args, ctx) {
      await migrateDatabase(ctx.db);
      ctx.out("Database is up to date.");
      return 0;
    },
  },
  seed: {
    summary: "Create the demo holder and demo credentials (idempotent)",
    usage: "seed",
    async run(_args, ctx) {
      const documentsBundle = demoDocumentsBundle(ctx.dataDir);
      const { created, credentials, renewalCycle } = await seedDemo(ctx.db, { withCredentials: true, documentsBundle });
      ctx.out(
        created ? `Created demo holder ${DEMO_HOLDER.email}.` : `Demo holder ${DEMO_HOLDER.email} already exists.`,
      );
      if (credentials > 0) {
        ctx.out(`Added ${credentials} demo credentials from the demo issuers.`);
        ctx.out(`What the demo issuers host is in ${documentsBundle} (npm run dev serves it as TESSERA_DOCUMENTS).`);
      }
      if (renewalCycle) ctx.out("Started the demo holder's NMC revalidation cycle.");
      return 0;
    },
  },
  import: importCommand,
  verify: verifyCommand,
  reminders: remindersCommand,
  export: exportCommand,
  restore: restoreCommand,
  identities: identitiesCommand,
  holders: {
    summary: "List holders (email, name, joined)",
    usage: "holders",
    async run(_args, ctx) {
      const rows = await ctx.db
        .select({ email: users.email, name: users.name, createdAt: users.createdAt })
        .from(users)
        .orderBy(users.email);
      if (rows.length === 0) ctx.out("No holders yet.");
      for (const row of rows) ctx.out(`${row.email}\t${row.name ?? "-"}\t${row.createdAt.toISOString().slice(0, 10)}`);
      return 0;
    },
  },
};
