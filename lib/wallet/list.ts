import "server-only";
import { and, asc, count, desc, eq, exists, gt, inArray, isNull, lte, or, sql, sum, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { collectionItems, credentialImages, credentials, holderWorkloads } from "@/db/schema";
import type { CredentialKind } from "@/lib/credentials/record";
import { expiringHorizon } from "./expiry";
import { WALLET_PAGE_SIZE } from "./limits";
import { hasFilters, type WalletQuery } from "./query";

/** Every query here is scoped by the holder id it is given (docs/architecture.md convention 2). */

export interface WalletCard {
  id: string;
  title: string;
  issuerName: string;
  kind: CredentialKind;
  issuedAt: Date | null;
  validUntil: Date | null;
  hours: number | null;
  ects: number | null;
  /** Hours and ECTS the holder set where the credential states none (issue 18); shown as "holder-set". */
  holderHours: number | null;
  holderEcts: number | null;
  selfReported: boolean;
  hasImage: boolean;
  verdict: "verified" | "not-verified" | "unknown" | null;
  holderTags: string[];
  /** The credential it came inside (a CLR, a presentation's parent), when that is still in the wallet. */
  parentId: string | null;
  parentTitle: string | null;
  /** The credentials that came inside this one; only when the listing nests parts under their whole. */
  parts?: WalletCard[];
}

export interface WalletListOptions {
  /**
   * The wallet page: with no search or filter, parts are listed under their whole, not as
   * look-alike siblings; a search or filter still finds parts (each names its whole). Pickers
   * (shares, portfolio) list every credential flat.
   */
  nestParts?: boolean;
}

export interface WalletPage {
  items: WalletCard[];
  total: number;
  page: number;
  pageSize: number;
}

/** LIKE treats % and _ as wildcards; a holder typing "100%" means the characters. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filters(holderId: string, query: WalletQuery, now: Date): SQL {
  const conditions: (SQL | undefined)[] = [eq(credentials.holderId, holderId)];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(
        sql`${credentials.searchText} like ${pattern}`,
        sql`exists (select 1 from unnest(${credentials.holderTags}) as tag where lower(tag) like ${pattern})`,
      ),
    );
  }
  if (query.kind) conditions.push(eq(credentials.kind, query.kind));
  if (query.verification === "self-reported") conditions.push(eq(credentials.selfReported, true));
  else if (query.verification === "unchecked")
    conditions.push(and(eq(credentials.selfReported, false), isNull(credentials.verdict)));
  else if (query.verification)
    conditions.push(and(eq(credentials.selfReported, false), eq(credentials.verdict, query.verification)));
  if (query.issuer) conditions.push(eq(credentials.issuerName, query.issuer));
  if (query.skill) conditions.push(sql`${credentials.skillNames} ? ${query.skill}`);
  if (query.tag) conditions.push(sql`${query.tag} = any(${credentials.holderTags})`);
  if (query.validity === "expired") conditions.push(lte(credentials.validUntil, now));
  if (query.validity === "expiring")
    conditions.push(and(gt(credentials.validUntil, now), lte(credentials.validUntil, expiringHorizon(now))));
  if (query.validity === "current")
    conditions.push(or(isNull(credentials.validUntil), gt(credentials.validUntil, now)));
  if (query.collection) {
    conditions.push(
      exists(
        sql`(select 1 from ${collectionItems} where ${collectionItems.collectionId} = ${query.collection} and ${collectionItems.credentialId} = ${credentials.id} and ${collectionItems.holderId} = ${holderId})`,
      ),
    );
  }
  return and(...conditions)!;
}

function ordering(query: WalletQuery): SQL[] {
  // Ties are broken by id so paging never repeats or skips a card.
  switch (query.sort) {
    case "title":
      return [asc(sql`lower(${credentials.title})`), asc(credentials.id)];
    case "expiring":
      return [sql`${credentials.validUntil} asc nulls last`, desc(credentials.createdAt), asc(credentials.id)];
    case "newest":
      return [sql`coalesce(${credentials.issuedAt}, ${credentials.createdAt}) desc`, asc(credentials.id)];
  }
}

const CARD_COLUMNS = {
  id: credentials.id,
  title: credentials.title,
  issuerName: credentials.issuerName,
  kind: credentials.kind,
  issuedAt: credentials.issuedAt,
  validUntil: credentials.validUntil,
  hours: credentials.hours,
  ects: credentials.ects,
  holderHours: holderWorkloads.hours,
  holderEcts: holderWorkloads.ects,
  selfReported: credentials.selfReported,
  verdict: credentials.verdict,
  holderTags: credentials.holderTags,
  imageId: credentialImages.credentialId,
  parentId: credentials.parentId,
};

/** The whole a part came in, joined on the holder too: a parent is only ever the holder's own. */
const parents = alias(credentials, "parent");

/** The holder's own workload row for a credential: joined on both ids, so it is only ever theirs. */
const ownHolderWorkload = and(
  eq(holderWorkloads.credentialId, credentials.id),
  eq(holderWorkloads.holderId, credentials.holderId),
);

/** One page of the holder's wallet, filtered, searched and sorted as the URL says. */
export async function listWallet(
  db: Database,
  holderId: string,
  query: WalletQuery,
  now: Date = new Date(),
  options: WalletListOptions = {},
): Promise<WalletPage> {
  const nest = options.nestParts === true;
  const where =
    nest && !hasFilters(query)
      ? and(filters(holderId, query, now), isNull(credentials.parentId))!
      : filters(holderId, query, now);
  // One scan gives the page and the total (a window count), one round trip on a one-connection pool.
  const rows = await db
    .select({ ...CARD_COLUMNS, parentTitle: parents.title, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(credentials)
    .leftJoin(credentialImages, eq(credentialImages.credentialId, credentials.id))
    .leftJoin(holderWorkloads, ownHolderWorkload)
    .leftJoin(parents, and(eq(parents.id, credentials.parentId), eq(parents.holderId, credentials.holderId)))
    .where(where)
    .orderBy(...ordering(query))
    .limit(WALLET_PAGE_SIZE)
    .offset((query.page - 1) * WALLET_PAGE_SIZE);
  // Past the last page there is no row to carry the total; only then is it counted on its own.
  const total =
    rows[0]?.total ??
    (query.page > 1 ? ((await db.select({ n: count() }).from(credentials).where(where))[0]?.n ?? 0) : 0);
  const items: WalletCard[] = rows.map(({ imageId, total: _total, ...row }) => ({
    ...row,
    hasImage: imageId !== null,
  }));
  if (nest) await attachParts(db, holderId, items);
  return {
    items,
    total,
    page: query.page,
    pageSize: WALLET_PAGE_SIZE,
  };
}

/** Each whole's parts, in one query for the page (scoped by the holder, like every query here). */
async function attachParts(db: Database, holderId: string, items: WalletCard[]): Promise<void> {
  const ids = items.map((item) => item.id);
  if (ids.length === 0) return;
  const rows = await db
    .select({ ...CARD_COLUMNS })
    .from(credentials)
    .leftJoin(credentialImages, eq(credentialImages.credentialId, credentials.id))
    .leftJoin(holderWorkloads, ownHolderWorkload)
    .where(and(eq(credentials.holderId, holderId), inArray(credentials.parentId, ids)))
    .orderBy(asc(sql`lower(${credentials.title})`), asc(credentials.id));
  const byParent = new Map<string, WalletCard[]>();
  for (const { imageId, ...row } of rows) {
    const list = byParent.get(row.parentId!) ?? [];
    list.push({ ...row, hasImage: imageId !== null, parentTitle: null });
    byParent.set(row.parentId!, list);
  }
  for (const item of items) {
    const parts = byParent.get(item.id);
    if (parts) item.parts = parts.map((part) => ({ ...part, parentTitle: item.title }));
  }
}

export interface WalletSummary {
  total: number;
  byKind: Record<CredentialKind, number>;
  /**
   * Learning hours and ECTS of credentials that have not expired: what they state, plus what the
   * holder set where they state nothing (the holder-set part is also given on its own).
   */
  hours: number;
  ects: number;
  holderSetHours: number;
  holderSetEcts: number;
  /** How many current credentials give hours / ECTS at all: none means "not stated", never 0. */
  withHours: number;
  withEcts: number;
  expiringSoon: number;
  expired: number;
}

/** The strip above the cards: what the holder has, at a glance (one grouped scan). */
export async function walletSummary(db: Database, holderId: string, now: Date = new Date()): Promise<WalletSummary> {
  const current = or(isNull(credentials.validUntil), gt(credentials.validUntil, now));
  const rows = await db
    .select({
      kind: credentials.kind,
      n: count(),
      hours: sum(sql`case when ${current} then coalesce(${credentials.hours}, ${holderWorkloads.hours}) end`).mapWith(
        Number,
      ),
      ects: sum(sql`case when ${current} then coalesce(${credentials.ects}, ${holderWorkloads.ects}) end`).mapWith(
        Number,
      ),
      holderSetHours: sum(
        sql`case when ${current} and ${credentials.hours} is null then ${holderWorkloads.hours} end`,
      ).mapWith(Number),
      holderSetEcts: sum(
        sql`case when ${current} and ${credentials.ects} is null then ${holderWorkloads.ects} end`,
      ).mapWith(Number),
      withHours: count(sql`case when ${current} then coalesce(${credentials.hours}, ${holderWorkloads.hours}) end`),
      withEcts: count(sql`case when ${current} then coalesce(${credentials.ects}, ${holderWorkloads.ects}) end`),
      expiringSoon: count(
        sql`case when ${credentials.validUntil} > ${now} and ${credentials.validUntil} <= ${expiringHorizon(now)} then 1 end`,
      ),
      expired: count(sql`case when ${credentials.validUntil} <= ${now} then 1 end`),
    })
    .from(credentials)
    .leftJoin(holderWorkloads, ownHolderWorkload)
    .where(eq(credentials.holderId, holderId))
    .groupBy(credentials.kind);
  const summary: WalletSummary = {
    total: 0,
    byKind: { badge: 0, "micro-credential": 0, "nano-degree": 0 },
    hours: 0,
    ects: 0,
    holderSetHours: 0,
    holderSetEcts: 0,
    withHours: 0,
    withEcts: 0,
    expiringSoon: 0,
    expired: 0,
  };
  for (const row of rows) {
    summary.byKind[row.kind] = row.n;
    summary.total += row.n;
    summary.hours += row.hours || 0;
    summary.ects += row.ects || 0;
    summary.holderSetHours += row.holderSetHours || 0;
    summary.holderSetEcts += row.holderSetEcts || 0;
    summary.withHours += row.withHours;
    summary.withEcts += row.withEcts;
    summary.expiringSoon += row.expiringSoon;
    summary.expired += row.expired;
  }
  return {
    ...summary,
    hours: round(summary.hours),
    ects: round(summary.ects),
    holderSetHours: round(summary.holderSetHours),
    holderSetEcts: round(summary.holderSetEcts),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface WalletFacets {
  issuers: string[];
  skills: string[];
  tags: string[];
}

/** The values the issuer, skill and tag filters offer: only what this holder's wallet holds (one round trip). */
export async function walletFacets(db: Database, holderId: string): Promise<WalletFacets> {
  const mine = sql`${credentials.holderId} = ${holderId}`;
  const result = await db.execute<{ facet: "issuer" | "skill" | "tag"; value: string }>(sql`
    (select distinct 'issuer' as facet, ${credentials.issuerName} as value from ${credentials} where ${mine})
    union all
    (select distinct 'skill', skill from ${credentials}, jsonb_array_elements_text(${credentials.skillNames}) as skill where ${mine} limit 500)
    union all
    (select distinct 'tag', tag from ${credentials}, unnest(${credentials.holderTags}) as tag where ${mine})
    order by 1, 2`);
  const facets: WalletFacets = { issuers: [], skills: [], tags: [] };
  const lists = { issuer: facets.issuers, skill: facets.skills, tag: facets.tags };
  for (const row of result.rows) lists[row.facet].push(row.value);
  return facets;
}
