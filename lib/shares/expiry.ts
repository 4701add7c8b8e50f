import { z } from "zod";

/**
 * How long a share link works: a day to a year, or never (an explicit choice, never the
 * default). The link's lifetime is not the credential's own expiry, and every label says so
 * (docs/product-notes.md request 1: pilot users confused the two).
 */
export const SHARE_MAX_DAYS = 365;
export const DEFAULT_SHARE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ShareExpiry = number | "never";

export const shareExpirySchema = z.union(
  [
    z.literal("never"),
    z
      .number()
      .int()
      .min(1, "A link works for at least a day.")
      .max(SHARE_MAX_DAYS, "A link can work for a year at most."),
  ],
  { error: "Choose how long the link works: 1 to 365 days, or never." },
);

/** The choices the holder UI offers (any whole number of days from 1 to 365 is accepted). */
export const SHARE_EXPIRY_CHOICES: ReadonlyArray<{ value: ShareExpiry; label: string }> = [
  { value: 1, label: "1 day" },
  { value: 7, label: "1 week" },
  { value: 30, label: "30 days" },
  { value: 90, label: "3 months" },
  { value: 180, label: "6 months" },
  { value: 365, label: "1 year" },
  { value: "never", label: "Never (until you revoke it)" },
];

export function expiresAtFor(expiry: ShareExpiry, now: Date): Date | null {
  return expiry === "never" ? null : new Date(now.getTime() + expiry * DAY_MS);
}

export type ShareState = "active" | "expired" | "revoked";

/** Revocation wins over expiry; a link is expired from its expiry instant on. */
export function shareStateAt(share: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ShareState {
  if (share.revokedAt) return "revoked";
  if (share.expiresAt && share.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
