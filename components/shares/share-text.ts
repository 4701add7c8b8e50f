import { formatDay, plural } from "@/components/ui/format";
import type { ShareSummary } from "@/lib/shares/data";
import type { ShareExpiry } from "@/lib/shares/expiry";

/**
 * How a share link reads in the holder's list: its name, what it shows, until when it works and
 * who opened it, all in words. Every date about the link says "Link …", so it is never taken
 * for a credential's own expiry (docs/product-notes.md request 1).
 */

export type ShareView = Pick<
  ShareSummary,
  | "scope"
  | "collection"
  | "headline"
  | "showEmail"
  | "showEvidence"
  | "showNotes"
  | "expiresAt"
  | "revokedAt"
  | "state"
  | "credentialCount"
  | "viewCount"
  | "lastViewedAt"
>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The card's heading: the holder's headline, else what the link names. */
export function shareTitle(share: Pick<ShareView, "headline" | "scope" | "collection" | "credentialCount">): string {
  if (share.headline) return share.headline;
  switch (share.scope) {
    case "profile":
      return "Whole profile";
    case "collection":
      return share.collection ? `Collection: ${share.collection.name}` : "A deleted collection";
    case "credential":
      return "One credential";
    case "selection":
      return plural(share.credentialCount, "credential");
  }
}

/** What the link names, and how many credentials it shows today. */
export function scopeLine(share: Pick<ShareView, "scope" | "collection" | "credentialCount">): string {
  const count = plural(share.credentialCount, "credential");
  switch (share.scope) {
    case "profile":
      return `Your whole profile: ${count} today, and any you add later`;
    case "collection":
      return share.collection
        ? `Collection “${share.collection.name}”: ${count} today, and any you add to it later`
        : "A collection you have since deleted";
    case "credential":
      return "One credential";
    case "selection":
      return `A selection of ${count}`;
  }
}

/** Why a link that still works shows nothing, or null. A link must never die silently (docs/product-notes.md request 1). */
export function shareProblem(
  share: Pick<ShareView, "scope" | "collection" | "credentialCount" | "state">,
): string | null {
  if (share.state === "revoked") return null;
  if (share.scope === "collection" && !share.collection)
    return "The collection was deleted, so this link shows nothing. Create a new link to share again.";
  if (share.credentialCount === 0) {
    if (share.scope === "profile") return "Your wallet is empty, so this link shows nothing yet.";
    if (share.scope === "collection")
      return "The collection is empty, so this link shows nothing until you add credentials to it.";
    return "The credentials it named were deleted from your wallet, so this link shows nothing.";
  }
  return null;
}

export type LinkStatusTone = "active" | "soon" | "never" | "expired" | "revoked";

/** "Link expires 3 December 2026" / "Link never expires" / "Link expired on …" / "Revoked on …". */
export function linkStatus(
  share: Pick<ShareView, "state" | "expiresAt" | "revokedAt">,
  now: Date,
): { tone: LinkStatusTone; text: string } {
  if (share.state === "revoked")
    return { tone: "revoked", text: share.revokedAt ? `Revoked on ${formatDay(share.revokedAt)}` : "Revoked" };
  if (share.state === "expired")
    return {
      tone: "expired",
      text: share.expiresAt ? `Link expired on ${formatDay(share.expiresAt)}` : "Link expired",
    };
  if (!share.expiresAt) return { tone: "never", text: "Link never expires" };
  const daysLeft = Math.ceil((new Date(share.expiresAt).getTime() - now.getTime()) / DAY_MS);
  const text = `Link expires ${formatDay(share.expiresAt)}`;
  if (daysLeft <= 1) return { tone: "soon", text: `${text} (within a day)` };
  if (daysLeft <= 7) return { tone: "soon", text: `${text} (in ${daysLeft} days)` };
  return { tone: "active", text };
}

/** "3 views · Last viewed 2 December 2026", or "No views yet". Never who viewed (docs/threat-model.md F4). */
export function viewsLine(share: Pick<ShareView, "viewCount" | "lastViewedAt">): string {
  if (share.viewCount === 0) return "No views yet";
  const count = plural(share.viewCount, "view");
  return share.lastViewedAt ? `${count} · Last viewed ${formatDay(share.lastViewedAt)}` : count;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What the page shows: always the holder's name and the credentials, the rest only if chosen (docs/product-notes.md request 12). */
export function visibilityLine(share: Pick<ShareView, "showEmail" | "showEvidence" | "showNotes">): string {
  const parts: [boolean, string][] = [
    [share.showEmail, "your email address"],
    [share.showEvidence, "evidence files"],
    [share.showNotes, "your notes"],
  ];
  const shown = [
    "your name",
    "the credentials with their checks",
    ...parts.filter(([on]) => on).map(([, label]) => label),
  ];
  const hidden = parts.filter(([on]) => !on).map(([, label]) => label);
  return `Shows ${listInWords(shown)}.${hidden.length > 0 ? ` Hides ${listInWords(hidden)}.` : ""}`;
}

/** The only part of the token the holder can see again: enough to recognise a link, not to open it. */
export function tokenHintLine(tokenHint: string): string {
  return `Link starting ${tokenHint}`;
}

/** The expiry select's values are strings; the action wants a number of days or "never". */
export function expiryOptionValue(expiry: ShareExpiry): string {
  return String(expiry);
}

export function parseExpiryOption(value: string): ShareExpiry | null {
  if (value === "never") return "never";
  if (!/^\d{1,3}$/.test(value)) return null;
  return Number(value);
}

/** What the holder reads right after creating or extending a link. */
export function worksUntilLine(expiresAt: Date | string | null): string {
  return expiresAt
    ? `The link works until ${formatDay(expiresAt)}. That is the link’s own end date, not your credentials’.`
    : "The link works until you revoke it.";
}

const VERDICT_WORDS = {
  verified: "Verified",
  "not-verified": "Not verified",
  unknown: "Could not fully check",
} as const;

/**
 * A credential's state in the picker. Expired or flagged credentials can be shared; the page shows
 * their status as it is (docs/product-notes.md request 2), so the holder sees it before choosing.
 */
export function credentialStatusLine(
  item: { selfReported: boolean; verdict: keyof typeof VERDICT_WORDS | null; validUntil: string | null },
  now: Date,
): string {
  const verdict = item.selfReported ? "Self-reported" : item.verdict ? VERDICT_WORDS[item.verdict] : "Not checked yet";
  if (item.validUntil && new Date(item.validUntil).getTime() <= now.getTime())
    return `${verdict} · Expired on ${formatDay(item.validUntil)}`;
  return verdict;
}
