import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { credentials, holderWorkloads, shares, users } from "@/db/schema";
import { KIND_LABELS, type LearningOutcome, type Skill } from "@/lib/credentials/record";
import { env } from "@/lib/env";
import { pathwayOverviewForHolder } from "@/lib/stacking/data";
import { createShare, type CreateShareOptions } from "@/lib/shares/data";
import { sharedCredentialPath } from "@/lib/shares/paths";
import { NEWEST_ISSUED_FIRST, openShare, sharedCredentialIds } from "@/lib/shares/resolve";
import { hashShareToken } from "@/lib/shares/token";
import { completedPathwayTitles, groupByKind, groupByPathway, type GroupingPathway } from "./grouping";
import { OUTCOMES_PER_CREDENTIAL, PORTFOLIO_CREDENTIALS_MAX, SKILLS_PER_CREDENTIAL, TEXT_CAPS } from "./limits";
import { linkedInAddToProfileUrl } from "./linkedin";
import type { Portfolio, PortfolioHeader, PortfolioItem, PortfolioSummary } from "./model";
import {
  createPortfolioSchema,
  portfolioLayoutSchema,
  type CreatePortfolioInput,
  type PortfolioLayout,
  type PortfolioLayoutInput,
} from "./schemas";
import { printableLine } from "./text";
import { portfolioVerification } from "./verification-text";

/**
 * The portfolio's data layer. Every query is scoped by the holder id it is given (docs/architecture.md
 * convention 2): another holder's credential, collection or link finds nothing, and a request
 * naming any of them is refused whole with a DomainError: "not_found" for what is not the
 * holder's, "invalid_input" for an empty choice, "gone" for the holder's own revoked or expired link.
 */

interface BuildOptions {
  now?: Date;
  /** The public origin printed in links; the configured AUTH_URL origin unless a test says otherwise. */
  origin?: string;
}

async function credentialRows(db: Database, holderId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
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
      eqfLevel: credentials.eqfLevel,
      selfReported: credentials.selfReported,
      verdict: credentials.verdict,
      verifiedAt: credentials.verifiedAt,
      // Only the parts a CV line shows, not the whole record.
      outcomes: sql<LearningOutcome[] | null>`${credentials.record}->'learningOutcomes'`,
      skills: sql<Skill[] | null>`${credentials.record}->'skills'`,
      issuerCredentialId: sql<string | null>`${credentials.record}->>'credentialId'`,
    })
    .from(credentials)
    .leftJoin(
      holderWorkloads,
      and(eq(holderWorkloads.credentialId, credentials.id), eq(holderWorkloads.holderId, holderId)),
    )
    .where(and(eq(credentials.holderId, holderId), inArray(credentials.id, [...ids])))
    .orderBy(...NEWEST_ISSUED_FIRST);
}

type CredentialRow = Awaited<ReturnType<typeof credentialRows>>[number];

function toItem(row: CredentialRow, token: string, origin: string, now: Date): PortfolioItem {
  const title = printableLine(row.title, TEXT_CAPS.title) || "Untitled credential";
  const issuerName = printableLine(row.issuerName, TEXT_CAPS.issuer) || "Unknown issuer";
  const verifyUrl = new URL(sharedCredentialPath(token, row.id), origin).toString();
  const outcomes = (Array.isArray(row.outcomes) ? row.outcomes : [])
    .map((o) => printableLine(o?.title, TEXT_CAPS.outcome))
    .filter(Boolean);
  const skills = (Array.isArray(row.skills) ? row.skills : [])
    .map((s) => printableLine(s?.name, TEXT_CAPS.skill))
    .filter(Boolean);
  return {
    id: row.id,
    title,
    issuerName,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind],
    issuedAt: row.issuedAt,
    validUntil: row.validUntil,
    expired: row.validUntil !== null && row.validUntil.getTime() <= now.getTime(),
    hours: row.hours,
    ects: row.ects,
    // Holder-set only where the credential states none; printed as "(holder-set)", never as the issuer's.
    holderSetHours: row.hours === null ? row.holderHours : null,
    holderSetEcts: row.ects === null ? row.holderEcts : null,
    eqfLevel: row.eqfLevel,
    outcomes: outcomes.slice(0, OUTCOMES_PER_CREDENTIAL),
    skills: [...new Set(skills)].slice(0, SKILLS_PER_CREDENTIAL),
    verification: portfolioVerification(row.verdict, row.selfReported, row.verifiedAt),
    verifyUrl,
    linkedInUrl: linkedInAddToProfileUrl({
      name: title,
      organizationName: issuerName,
      issuedAt: row.issuedAt,
      validUntil: row.validUntil,
      certUrl: verifyUrl,
      certId: row.issuerCredentialId,
    }),
  };
}

function summarize(items: readonly PortfolioItem[], pathwaysCompleted: string[]): PortfolioSummary {
  const byKind = (["nano-degree", "micro-credential", "badge"] as const)
    .map((kind) => ({ kind, label: KIND_LABELS[kind], count: items.filter((i) => i.kind === kind).length }))
    .filter((k) => k.count > 0);
  const sum = (pick: (i: PortfolioItem) => number | null) =>
    Math.round(items.reduce((total, i) => total + (pick(i) ?? 0), 0) * 10) / 10;
  return {
    total: items.length,
    byKind,
    hours: sum((i) => i.hours ?? i.holderSetHours),
    ects: sum((i) => i.ects ?? i.holderSetEcts),
    holderSetHours: sum((i) => i.holderSetHours),
    holderSetEcts: sum((i) => i.holderSetEcts),
    pathwaysCompleted,
  };
}

async function headerFor(db: Database, holderId: string, layout: PortfolioLayout): Promise<PortfolioHeader> {
  const [holder] = await db
    .select({ name: users.name, email: users.email, profession: users.profession })
    .from(users)
    .where(eq(users.id, holderId));
  if (!holder) throw new DomainError("not_found", "Your account was not found. Please sign in again.");
  return {
    name: printableLine(layout.name || holder.name || holder.email, TEXT_CAPS.name),
    profession: printableLine(layout.profession || holder.profession, TEXT_CAPS.profession) || null,
    headline: printableLine(layout.headline, TEXT_CAPS.headline) || null,
    email: layout.showEmail ? printableLine(holder.email, 254) : null,
  };
}

async function pathwaysForGrouping(db: Database, holderId: string, now: Date): Promise<GroupingPathway[]> {
  const overview = await pathwayOverviewForHolder(db, holderId, now);
  return overview.pathways.map(({ followed, progress }) => ({
    title: progress.title,
    followed,
    complete: progress.complete,
    percentByCount: progress.percentByCount,
    credentialIds: [...progress.credentialIds, ...progress.targetCredentialIds],
  }));
}

export interface PortfolioLink {
  token: string;
  expiresAt: Date | null;
}

/**
 * The portfolio of these credentials, linked to the share `link` (its token gives each
 * credential's verification page). An id that is not one of the holder's credentials refuses
 * the whole request: nothing of another holder is ever read.
 */
export async function buildPortfolio(
  db: Database,
  holderId: string,
  credentialIds: readonly string[],
  link: PortfolioLink,
  layoutInput: PortfolioLayoutInput = {},
  { now = new Date(), origin = env.appUrl }: BuildOptions = {},
): Promise<Portfolio> {
  const layout = portfolioLayoutSchema.parse(layoutInput);
  const ids = [...new Set(credentialIds)];
  if (ids.length === 0) throw new DomainError("invalid_input", "Choose at least one credential for the portfolio.");
  const listed = ids.slice(0, PORTFOLIO_CREDENTIALS_MAX);
  const [rows, header, pathways] = await Promise.all([
    credentialRows(db, holderId, listed),
    headerFor(db, holderId, layout),
    layout.grouping === "pathway" ? pathwaysForGrouping(db, holderId, now) : Promise.resolve([]),
  ]);
  if (rows.length !== listed.length)
    throw new DomainError(
      "not_found",
      "Some of the chosen credentials were not found in your wallet. Reload the page and choose again.",
    );
  const items = rows.map((row) => toItem(row, link.token, origin, now));
  const completed = completedPathwayTitles(items, pathways);
  return {
    header,
    summary: summarize(items, completed),
    groups: layout.grouping === "pathway" ? groupByPathway(items, pathways) : groupByKind(items),
    layout,
    link: { url: new URL(`/v/${link.token}`, origin).toString(), expiresAt: link.expiresAt },
    omitted: ids.length - listed.length,
    generatedAt: now,
  };
}

async function ownsShareToken(db: Database, holderId: string, token: string): Promise<boolean> {
  return (
    (await db.$count(shares, and(eq(shares.holderId, holderId), eq(shares.tokenHash, hashShareToken(token))))) === 1
  );
}

export interface CreatedPortfolio {
  shareId: string;
  /** Shown to the holder this once, like any share link's token; only its hash is stored. */
  token: string;
  expiresAt: Date | null;
  portfolio: Portfolio;
}

function shareHeadline(layout: PortfolioLayout): string {
  return printableLine(`Portfolio: ${layout.headline || layout.name || "my credentials"}`, 120);
}

/**
 * Makes the portfolio's share link (listed on the Shares page, revocable there) and builds the
 * portfolio on it. A selection makes a "selection" link; a collection a "collection" link that
 * follows the collection.
 */
export async function createPortfolio(
  db: Database,
  holderId: string,
  input: CreatePortfolioInput,
  options: BuildOptions & CreateShareOptions = {},
): Promise<CreatedPortfolio> {
  const fields = createPortfolioSchema.parse(input);
  const now = options.now ?? new Date();
  const common = { headline: shareHeadline(fields.layout), expiry: fields.expiry, showEmail: fields.layout.showEmail };
  const created = await createShare(
    db,
    holderId,
    fields.source === "selection"
      ? { scope: "selection", credentialIds: fields.credentialIds, ...common }
      : { scope: "collection", collectionId: fields.collectionId, ...common },
    { ...options, now },
  );
  if (!created) {
    throw new DomainError(
      "not_found",
      fields.source === "selection"
        ? "Some of the chosen credentials were not found in your wallet. Reload the page and choose again."
        : "That collection was not found.",
    );
  }
  const portfolio = await portfolioForLink(db, holderId, created.token, fields.layout, { ...options, now });
  return { shareId: created.share.id, token: created.token, expiresAt: created.share.expiresAt, portfolio };
}

/**
 * The portfolio of an existing link of this holder's, as it stands now (a collection link
 * follows its collection). Another holder's token, or a revoked or expired link, finds nothing.
 */
export async function portfolioForLink(
  db: Database,
  holderId: string,
  token: string,
  layout: PortfolioLayoutInput,
  { now = new Date(), origin }: BuildOptions = {},
): Promise<Portfolio> {
  const open = await openShare(db, token, now);
  if ("status" in open && (open.status === "revoked" || open.status === "expired")) {
    // Only the link's own holder learns that it ended; to anyone else it does not exist.
    const own = await ownsShareToken(db, holderId, token);
    if (own) throw new DomainError("gone", `This portfolio link was ${open.status}. Create a new portfolio.`);
  }
  if ("status" in open || open.holderId !== holderId)
    throw new DomainError("not_found", "That portfolio link was not found. Create a new portfolio.");
  const ids = await sharedCredentialIds(db, open);
  if (ids.length === 0)
    throw new DomainError(
      "conflict",
      "This portfolio has no credentials any more: its collection is empty or they were deleted.",
    );
  return buildPortfolio(db, holderId, ids, { token, expiresAt: open.share.expiresAt }, layout, { now, origin });
}
