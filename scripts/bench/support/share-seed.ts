import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import { createShare, type ShareSummary } from "@/lib/shares/data";
import { generateCorpus, newestFirst, type CorpusItem } from "./wallet-corpus";
import { seedWallet } from "./wallet-seed";

/** The headline of the benchmarks' share link. */
export const SHARE_HEADLINE = "Critical care nursing: training and certificates";

export interface SeededShare {
  holderId: string;
  token: string;
  share: ShareSummary;
  /** The shared credentials, newest first, as generated … */
  shared: CorpusItem[];
  /** … and their ids, in the same order. */
  sharedIds: string[];
  /** Every generated item of the wallet. */
  items: CorpusItem[];
  seedMs: number;
}

/**
 * One holder whose wallet holds `walletSize` generated credentials, and one "selection" link with
 * a headline for the newest `count` verified ones (stored verification as fresh as an import
 * leaves it, so nothing is re-checked while a benchmark measures). Used by bench:share and
 * bench:vitals, so both measure the same page.
 */
export async function seedSharedWallet(
  db: Database,
  { walletSize, count, now }: { walletSize: number; count: number; now: Date },
): Promise<SeededShare> {
  const started = performance.now();
  const items = generateCorpus(walletSize, now);
  const seeded = await seedWallet(db, items, now);
  await db.execute(sql`analyze`);
  const shared = newestFirst(items.filter((item) => !item.selfReported && item.verdict === "verified")).slice(0, count);
  if (shared.length < count)
    throw new Error(`the generated wallet has only ${shared.length} verified credentials; raise --wallet`);
  const rows = await db
    .select({ id: credentials.id, issuedAt: credentials.issuedAt })
    .from(credentials)
    .where(eq(credentials.holderId, seeded.holderId));
  const idByIssued = new Map(rows.map((r) => [r.issuedAt!.getTime(), r.id]));
  const sharedIds = shared.map((item) => idByIssued.get(item.issuedAt.getTime())!);
  const created = await createShare(db, seeded.holderId, {
    scope: "selection",
    credentialIds: sharedIds,
    headline: SHARE_HEADLINE,
    expiry: 30,
  });
  if (!created) throw new Error("createShare refused the selection");
  return {
    holderId: seeded.holderId,
    token: created.token,
    share: created.share,
    shared,
    sharedIds,
    items,
    seedMs: performance.now() - started,
  };
}
