import type { Typology } from "../record";

/**
 * The EU typology by notional workload that record.ts uses (issue 3): skill credential about
 * 4–12 h, module 25–150 h, short programme 150–1,500 h. Those bands leave gaps, so Tessera closes
 * them explicitly (25 h and 150 h belong to the band above them; ADR 0009):
 *
 *   hours < 1             → none (too small to classify; often a data error)
 *   1 ≤ hours < 25        → skill credential (covers the 4–12 h band and the gaps around it)
 *   25 ≤ hours < 150      → module
 *   150 ≤ hours ≤ 1,500   → short programme
 *   hours > 1,500         → none (a full programme, beyond the typology)
 *
 * Only hours as stated count: ECTS are never converted here. For display elsewhere, the ECTS
 * users' guide convention is 1 ECTS = 25–30 hours of notional learning.
 */
export const TYPOLOGY_BANDS = { min: 1, module: 25, shortProgramme: 150, max: 1500 } as const;

export function typologyFromHours(hours: number | undefined): Typology | undefined {
  if (hours === undefined || !Number.isFinite(hours) || hours < TYPOLOGY_BANDS.min) return undefined;
  if (hours < TYPOLOGY_BANDS.module) return "skill-credential";
  if (hours < TYPOLOGY_BANDS.shortProgramme) return "module";
  if (hours <= TYPOLOGY_BANDS.max) return "short-programme";
  return undefined;
}
