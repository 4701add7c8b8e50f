/**
 * ISO 8601 duration → hours, for notional workload (ELM `volumeOfLearning`, EDCI `workload`).
 * Only the time part converts: "PT60H", "PT1H30M", "PT90M", "PT1.5H". A duration with a date part
 * ("P60M", "P2D", "P1W") is a calendar span, not effort: a two-day course is not 48 hours of
 * learning, and ELM samples really do carry "P60M" (sixty months) where minutes were meant. Those
 * give undefined, and the record keeps the raw value in `workload.source`.
 */
const TIME_ONLY = /^PT(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?$/i;

export function durationToHours(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = TIME_ONLY.exec(value.trim());
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part.replace(",", ".")));
  const hours = n(m[1]) + n(m[2]) / 60 + n(m[3]) / 3600;
  if (!Number.isFinite(hours) || hours <= 0) return undefined;
  return Math.round(hours * 100) / 100;
}
