/** A stored verification result is stale when missing or older than the configured age (self-reported ones are never checked). */
export function needsRecheck(
  card: { selfReported: boolean; verifiedAt: Date | null },
  now: Date,
  maxAgeMinutes: number,
): boolean {
  if (card.selfReported) return false;
  return !card.verifiedAt || now.getTime() - card.verifiedAt.getTime() > maxAgeMinutes * 60_000;
}
