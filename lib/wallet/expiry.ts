import { EXPIRING_WITHIN_DAYS } from "./limits";

export type ExpiryState =
  | { state: "none" }
  | { state: "valid"; daysLeft: number }
  | { state: "expiring"; daysLeft: number }
  | { state: "expired"; since: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a credential stands against its own end date (not the share link's, not the licence's). */
export function expiryOf(validUntil: Date | string | null | undefined, now: Date): ExpiryState {
  if (!validUntil) return { state: "none" };
  const end = validUntil instanceof Date ? validUntil : new Date(validUntil);
  if (Number.isNaN(end.getTime())) return { state: "none" };
  if (end.getTime() <= now.getTime()) return { state: "expired", since: end };
  const daysLeft = Math.ceil((end.getTime() - now.getTime()) / DAY_MS);
  return daysLeft <= EXPIRING_WITHIN_DAYS ? { state: "expiring", daysLeft } : { state: "valid", daysLeft };
}

export function expiringHorizon(now: Date): Date {
  return new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS);
}
