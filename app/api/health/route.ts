import { sql } from "drizzle-orm";
import { getDb } from "@/lib/runtime/database";
import { isOfflineDefaultLoaderInstalled } from "@/lib/verification/document-loader";

export const dynamic = "force-dynamic";

/**
 * Readiness probe for Playwright and deployments: answers 200 only when the database does and the
 * process finished its start-up (jsonld's offline default loader is installed, ADR 0008).
 */
export async function GET() {
  const offlineDocumentLoader = isOfflineDefaultLoaderInstalled();
  const database = await getDb()
    .execute(sql`select 1`)
    .then(
      () => true,
      () => false,
    );
  const ok = database && offlineDocumentLoader;
  return Response.json({ ok, checks: { database, offlineDocumentLoader } }, { status: ok ? 200 : 503 });
}
