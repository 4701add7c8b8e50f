import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import { collectionItems, collections, pathwayFollows, pathways, shareCredentials, shares } from "@/db/schema";
import { hashShareToken, mintShareToken, shareTokenHint } from "@/lib/shares/token";
import type { Goal, PathwayDefinition } from "@/lib/stacking";
import type { WalletArchive } from "./read-archive";
import { chunks, date, dateOrNull, type Tx } from "./restore-batches";

/**
 * How the holder organised their credentials: collections with their members, goals, followed
 * catalog pathways (those this Tessera has) and share settings. Returns how many follows were kept.
 */
export async function writeOrganisation(
  tx: Tx,
  holderId: string,
  wallet: WalletArchive["wallet"],
  id: (key: string) => string,
): Promise<{ follows: number }> {
  const collectionIds = new Map<string, string>();
  for (const c of wallet.collections) {
    const [row] = await tx
      .insert(collections)
      .values({
        holderId,
        name: c.name,
        description: c.description,
        createdAt: date(c.createdAt),
        updatedAt: date(c.updatedAt),
      })
      .returning({ id: collections.id });
    collectionIds.set(c.key, row!.id);
    for (const batch of chunks(c.items, 1000)) {
      await tx.insert(collectionItems).values(
        batch.map((item) => ({
          collectionId: row!.id,
          credentialId: id(item.credential),
          holderId,
          addedAt: date(item.addedAt),
        })),
      );
    }
  }

  for (const g of wallet.goals) {
    const goal = goalWithIds(g.goal, id);
    await tx.insert(pathways).values({
      holderId,
      slug: g.slug,
      source: "goal",
      version: g.version,
      definition: g.definition as PathwayDefinition,
      goal,
      createdAt: date(g.createdAt),
      updatedAt: date(g.updatedAt),
    });
  }

  let follows = 0;
  if (wallet.follows.length > 0) {
    const catalog = await tx
      .select({ id: pathways.id, slug: pathways.slug })
      .from(pathways)
      .where(
        and(
          isNull(pathways.holderId),
          inArray(
            pathways.slug,
            wallet.follows.map((f) => f.slug),
          ),
        ),
      );
    const catalogId = new Map(catalog.map((p) => [p.slug, p.id]));
    const rows = wallet.follows.flatMap((f) =>
      catalogId.has(f.slug) ? [{ holderId, pathwayId: catalogId.get(f.slug)!, followedAt: date(f.followedAt) }] : [],
    );
    if (rows.length > 0)
      follows = (
        await tx.insert(pathwayFollows).values(rows).onConflictDoNothing().returning({ id: pathwayFollows.pathwayId })
      ).length;
  }

  for (const s of wallet.shares) {
    // A fresh token nobody is given: the settings come back, the old link (another server's secret) does not.
    const token = mintShareToken();
    const [row] = await tx
      .insert(shares)
      .values({
        holderId,
        tokenHash: hashShareToken(token),
        tokenHint: shareTokenHint(token),
        scope: s.scope,
        collectionId: s.collection ? collectionIds.get(s.collection)! : null,
        headline: s.headline,
        showEmail: s.showEmail,
        showEvidence: s.showEvidence,
        showNotes: s.showNotes,
        expiresAt: dateOrNull(s.expiresAt),
        revokedAt: dateOrNull(s.revokedAt),
        viewCount: s.viewCount,
        lastViewedAt: dateOrNull(s.lastViewedAt),
        createdAt: date(s.createdAt),
        updatedAt: date(s.updatedAt),
      })
      .returning({ id: shares.id });
    if (s.credentials.length > 0)
      await tx
        .insert(shareCredentials)
        .values(
          s.credentials.map((key, position) => ({ shareId: row!.id, credentialId: id(key), holderId, position })),
        );
  }
  return { follows };
}

/** Archive keys in a goal's held components back to this wallet's credential ids. */
function goalWithIds(goal: unknown, id: (key: string) => string): Goal | null {
  if (goal === null || goal === undefined) return null;
  const g = goal as Goal;
  return {
    ...g,
    components: g.components.map((c) => ("credentialId" in c ? { ...c, credentialId: id(c.credentialId) } : c)),
  };
}
