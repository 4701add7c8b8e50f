import "server-only";
import { and, asc, count, desc, eq, exists, gt, isNull, lte, or, sql, sum, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { collectionItems, credentialImages, credentials } from "@/db/schema";
import type { CredentialKind } from "@/lib/credentials/record";
import { expiringHorizon } from "./expiry";
import { WALLET_PAGE_SIZE } from "./limits";
import type { WalletQuery } from "./query";

/** Every query here is scoped by the holder id it is given (ARCHITECTURE convention 2). */

export interface WalletCard {
  id: string;
  title: string;
  issuerName: string;
  kind: CredentialKind;
  issuedAt: Date | null;
  validUntil: Date | null;
  hours: number | null;
  ects: number | null;
  selfReported: boolean;
  hasImage: boolean;
  verdict: "verified" | "not-verified" | "unknown" | null;
  holderTags: string[];
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
  else if (query.verification === "unchecked") conditions.push(and(eq(credentials.selfReported, false), isNull(credentials.verdict)));
  else if (query.verification) conditions.push(and(eq(credentials.selfReported, false), eq(credentials.verdict, query.verification)));
  if (query.issuer) conditions.push(eq(credentials.issuerName, query.issuer));
  if (query.skill) conditions.push(sql`${credentials.record}->'skills' @> ${JSON.stringify([{ name: query.skill }])}::jsonb`);
  if (query.tag) conditions.push(sql`${query.tag} = any(${credentials.holderTags})`);
  if (query.validity === "expired") conditions.push(lte(credentials.validUntil, now));
  if (query.validity === "expiring") conditions.push(and(gt(credentials.validUntil, now), lte(credentials.validUntil, expiringHorizon(now))));
  if (query.validity === "current") conditions.push(or(isNull(credentials.validUntil), gt(credentials.validUntil, now)));
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
  selfReported: credentials.selfReported,
  verdict: credentials.verdict,
  holderTags: credentials.holderTags,
  imageId: credentialImages.credentialId,
};

/** One page of the holder's wallet, filtered, searched and sorted as the URL says. */
export async function listWallet(db: Database, holderId: string, query: WalletQuery, now: Date = new Date()): Promise<WalletPage> {
  const where = filters(holderId, query, now);
  const [rows, [total]] = await Promise.all([
    db
      .select(CARD_COLUMNS)
      .from(credentials)
      .leftJoin(credentialImages, eq(credentialImages.credentialId, credentials.id))
      .where(where)
      .orderBy(...ordering(query))
      .limit(WALLET_PAGE_SIZE)
      .offset((query.page - 1) * WALLET_PAGE_SIZE),
    db.select({ n: count() }).from(credentials).where(where),
  ]);
  return {
    items: rows.map(({ imageId, ...row }) => ({ ...row, hasImage: imageId !== null })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: WALLET_PAGE_SIZE,
  };
}

export interface WalletSummary {
  total: number;
  byKind: Record<CredentialKind, number>;
  /** Learning hours and ECTS of credentials that are not self-reported and not expired. */
  hours: number;
  ects: number;
  expiringSoon: number;
  expired: number;
}

/** The strip above the cards: what the holder has, at a glance. */
export async function walletSummary(db: Database, holderId: string, now: Date = new Date()): Promise<WalletSummary> {
  const current = or(isNull(credentials.validUntil), gt(credentials.validUntil, now));
  const [rows, [totals]] = await Promise.all([
    db.select({ kind: credentials.kind, n: count() }).from(credentials).where(eq(credentials.holderId, holderId)).groupBy(credentials.kind),
    db
      .select({
        hours: sum(sql`case when ${current} then ${credentials.hours} end`),
        ects: sum(sql`case when ${current} then ${credentials.ects} end`),
        expiringSoon: count(sql`case when ${credentials.validUntil} > ${now} and ${credentials.validUntil} <= ${expiringHorizon(now)} then 1 end`),
        expired: count(sql`case when ${credentials.validUntil} <= ${now} then 1 end`),
      })
      .from(credentials)
      .where(eq(credentials.holderId, holderId)),
  ]);
  const byKind: Record<CredentialKind, number> = { badge: 0, "micro-credential": 0, "nano-degree": 0 };
  for (const row of rows) byKind[row.kind] = row.n;
  return {
    total: rows.reduce((n, row) => n + row.n, 0),
    byKind,
    hours: round(Number(totals?.hours ?? 0)),
    ects: round(Number(totals?.ects ?? 0)),
    expiringSoon: totals?.expiringSoon ?? 0,
    expired: totals?.expired ?? 0,
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

/** The values the issuer, skill and tag filters offer: only what this holder's wallet holds. */
export async function walletFacets(db: Database, holderId: string): Promise<WalletFacets> {
  const [issuers, skills, tags] = await Promise.all([
    db.selectDistinct({ value: credentials.issuerName }).from(credentials).where(eq(credentials.holderId, holderId)).orderBy(asc(credentials.issuerName)),
    db.execute<{ value: string }>(
      sql`select distinct skill->>'name' as value from ${credentials}, jsonb_array_elements(${credentials.record}->'skills') as skill where ${credentials.holderId} = ${holderId} and skill->>'name' is not null order by 1 limit 500`,
    ),
    db.execute<{ value: string }>(sql`select distinct tag as value from ${credentials}, unnest(${credentials.holderTags}) as tag where ${credentials.holderId} = ${holderId} order by 1`),
  ]);
  return { issuers: issuers.map((r) => r.value), skills: skills.rows.map((r) => r.value), tags: tags.rows.map((r) => r.value) };
}
