import "server-only";
import type { Database } from "@/db/client";
import { migrationsFolder } from "@/db/migrations-folder";
import { knownMigrationTimes, readMigrationState } from "@/lib/database-preflight/migration-state";
import { isOfflineDefaultLoaderInstalled } from "@/lib/verification/document-loader";
import { isDraining } from "./lifecycle";

export interface Readiness {
  ok: boolean;
  checks: { database: boolean; migrations: boolean; offlineDocumentLoader: boolean; accepting: boolean };
}

let knownTimes: number[] | undefined;

/**
 * Ready to serve: the database answers and has every migration this code ships (a deploy whose
 * migration has not run yet, or a restored older database, is not ready), jsonld's offline default
 * loader is installed (ADR 0008), and the process is not shutting down.
 */
export async function checkReadiness(db: Database): Promise<Readiness> {
  knownTimes ??= knownMigrationTimes(migrationsFolder);
  const state = await readMigrationState(db.$client, knownTimes).catch(() => null);
  const checks = {
    database: state !== null,
    migrations: state !== null && state.pending === 0 && !state.newer,
    offlineDocumentLoader: isOfflineDefaultLoaderInstalled(),
    accepting: !isDraining(),
  };
  return { ok: Object.values(checks).every(Boolean), checks };
}
