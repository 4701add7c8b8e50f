import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pathwayFollows, pathways, type PathwaySource } from "@/db/schema";
import {
  computeProgress,
  deriveLinkedPathways,
  type PathwayDefinition,
  type PathwayProgress,
  type StackCredential,
} from "@/lib/stacking";
import { stackCredentialsForHolder } from "./credentials-data";

/** Every query here is scoped by the holder id it is given (docs/architecture.md convention 2). */

export interface HolderPathway {
  /** The database id; "linked:<n>" for a pathway suggested by the holder's credentials. */
  id: string;
  source: PathwaySource | "linked";
  followed: boolean;
  definition: PathwayDefinition;
  progress: PathwayProgress;
}

export interface PathwayOverview {
  pathways: HolderPathway[];
  /** The holder's credentials that count anywhere, by id, for naming them in stack views. */
  credentials: Record<string, Pick<StackCredential, "id" | "title" | "issuerName" | "validUntil">>;
}

/** The catalog (shared) and the holder's own goals, with whether the holder follows each. */
async function pathwayRowsForHolder(db: Database, holderId: string) {
  return db
    .select({
      id: pathways.id,
      source: pathways.source,
      definition: pathways.definition,
      followedAt: pathwayFollows.followedAt,
    })
    .from(pathways)
    .leftJoin(pathwayFollows, and(eq(pathwayFollows.pathwayId, pathways.id), eq(pathwayFollows.holderId, holderId)))
    .where(or(isNull(pathways.holderId), eq(pathways.holderId, holderId)))
    .orderBy(asc(pathways.source), asc(pathways.createdAt), asc(pathways.slug));
}

/**
 * Progress of every pathway the holder can see, computed now from their current credentials:
 * an import, a delete or an expiry shows at the next read, with nothing stored to go stale.
 */
export async function pathwayOverviewForHolder(
  db: Database,
  holderId: string,
  now: Date = new Date(),
): Promise<PathwayOverview> {
  const [rows, held] = await Promise.all([pathwayRowsForHolder(db, holderId), stackCredentialsForHolder(db, holderId)]);
  const stored = rows.map((row) => row.definition);
  const linked = deriveLinkedPathways(held, stored);
  // Definitions reference each other by slug, so catalog, goals and suggestions are one catalog.
  const progress = computeProgress([...stored, ...linked.map((l) => l.definition)], held, { now });
  const result: HolderPathway[] = rows.map((row, i) => ({
    id: row.id,
    source: row.source,
    followed: row.source === "goal" || row.followedAt !== null,
    definition: row.definition,
    progress: progress[i]!,
  }));
  linked.forEach((l, i) =>
    result.push({
      id: `linked:${i}`,
      source: "linked",
      followed: false,
      definition: l.definition,
      progress: progress[rows.length + i]!,
    }),
  );
  const credentials: PathwayOverview["credentials"] = {};
  for (const c of held)
    credentials[c.id] = { id: c.id, title: c.title, issuerName: c.issuerName, validUntil: c.validUntil };
  return { pathways: result, credentials };
}

export interface CountingPathways {
  /** The pathways the credential counts toward now, or holds the target of. */
  counting: HolderPathway[];
  /**
   * Every pathway the holder can see: a stacked pathway's requirements are counted through the
   * pathways it refers to, so naming progress needs all of them, not only the counting ones.
   */
  all: HolderPathway[];
}

/** The pathways (with progress) a credential currently counts toward, for its page. */
export async function pathwaysCountingCredential(
  db: Database,
  holderId: string,
  credentialId: string,
  now: Date = new Date(),
): Promise<CountingPathways> {
  const overview = await pathwayOverviewForHolder(db, holderId, now);
  const counting = overview.pathways.filter(
    (p) => p.progress.credentialIds.includes(credentialId) || p.progress.targetCredentialIds.includes(credentialId),
  );
  return { counting, all: overview.pathways };
}

/** Follows a catalog pathway. False when there is no such catalog pathway (goals are always followed). */
export async function followPathway(db: Database, holderId: string, pathwayId: string): Promise<boolean> {
  const [catalog] = await db
    .select({ id: pathways.id })
    .from(pathways)
    .where(and(eq(pathways.id, pathwayId), isNull(pathways.holderId)));
  if (!catalog) return false;
  await db.insert(pathwayFollows).values({ holderId, pathwayId }).onConflictDoNothing();
  return true;
}

export async function unfollowPathway(db: Database, holderId: string, pathwayId: string): Promise<boolean> {
  const [catalog] = await db
    .select({ id: pathways.id })
    .from(pathways)
    .where(and(eq(pathways.id, pathwayId), isNull(pathways.holderId)));
  if (!catalog) return false;
  await db
    .delete(pathwayFollows)
    .where(and(eq(pathwayFollows.holderId, holderId), eq(pathwayFollows.pathwayId, pathwayId)));
  return true;
}
