import { z } from "zod";
import { SEARCH_MAX_CHARS } from "./limits";

/**
 * The wallet view as URL state, so a view can be bookmarked and shared with oneself. Parsing is
 * lenient on purpose: an unknown or malformed value is dropped, never an error page, because
 * URLs get hand-edited, truncated and pasted from old bookmarks.
 */
export const KIND_FILTERS = ["badge", "micro-credential", "nano-degree"] as const;
export const VERIFICATION_FILTERS = ["verified", "not-verified", "unknown", "self-reported", "unchecked"] as const;
export const VALIDITY_FILTERS = ["expiring", "expired", "current"] as const;
export const SORTS = ["newest", "expiring", "title"] as const;

export type KindFilter = (typeof KIND_FILTERS)[number];
export type VerificationFilter = (typeof VERIFICATION_FILTERS)[number];
export type ValidityFilter = (typeof VALIDITY_FILTERS)[number];
export type WalletSort = (typeof SORTS)[number];

export interface WalletQuery {
  q?: string;
  kind?: KindFilter;
  verification?: VerificationFilter;
  issuer?: string;
  skill?: string;
  tag?: string;
  validity?: ValidityFilter;
  collection?: string;
  sort: WalletSort;
  page: number;
}

export const SORT_LABELS: Record<WalletSort, string> = {
  newest: "Newest first",
  expiring: "Expiring first",
  title: "Title A–Z",
};
export const VALIDITY_LABELS: Record<ValidityFilter, string> = {
  expiring: "Expiring within 90 days",
  expired: "Expired",
  current: "Not expired",
};
export const VERIFICATION_LABELS: Record<VerificationFilter, string> = {
  verified: "Verified",
  "not-verified": "Not verified",
  unknown: "Could not fully check",
  "self-reported": "Self-reported",
  unchecked: "Not checked yet",
};

const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, " ").trim().slice(0, max))
    .pipe(z.string().min(1));

const FIELDS = {
  q: text(SEARCH_MAX_CHARS),
  kind: z.enum(KIND_FILTERS),
  verification: z.enum(VERIFICATION_FILTERS),
  issuer: text(300),
  skill: text(300),
  tag: text(100),
  validity: z.enum(VALIDITY_FILTERS),
  collection: z.uuid(),
  sort: z.enum(SORTS),
  page: z.coerce.number().int().min(1).max(10_000),
} as const;

type Raw = URLSearchParams | Record<string, string | string[] | undefined>;

function first(raw: Raw, key: string): string | undefined {
  const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

export function parseWalletQuery(raw: Raw): WalletQuery {
  const query: WalletQuery = { sort: "newest", page: 1 };
  for (const [key, schema] of Object.entries(FIELDS)) {
    const value = first(raw, key);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) (query as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return query;
}

/** The canonical URL form: defaults left out, keys in a fixed order (stable cache keys and links). */
export function walletQueryToParams(query: Partial<WalletQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const value = query[key];
    if (value === undefined || value === "") continue;
    if (key === "sort" && value === "newest") continue;
    if (key === "page" && value === 1) continue;
    params.set(key, String(value));
  }
  return params;
}

export function hasFilters(query: WalletQuery): boolean {
  return Boolean(
    query.q ||
    query.kind ||
    query.verification ||
    query.issuer ||
    query.skill ||
    query.tag ||
    query.validity ||
    query.collection,
  );
}
