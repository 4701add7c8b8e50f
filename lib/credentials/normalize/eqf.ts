/**
 * EQF level (1–8) from the ways credentials state it: the EU concept URI
 * "http://data.europa.eu/snb/eqf/6", a bare code "6", or a label such as "EQF level 4",
 * "Level 6" or "EQF 5". Anything else (including numbers outside 1–8) is not an EQF level.
 */
export function eqfLevel(...candidates: unknown[]): number | undefined {
  for (const candidate of candidates) {
    const level = fromOne(candidate);
    if (level !== undefined) return level;
  }
  return undefined;
}

function fromOne(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 8 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const match =
    /^https?:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/i.exec(text) ??
    /^(?:EQF[\s-]*)?(?:level[\s-]*)?([1-8])$/i.exec(text) ??
    /^EQF\b.*?\b([1-8])$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Whether an alignment or framework name refers to the EQF. */
export function isEqfFramework(value: unknown): boolean {
  return (
    typeof value === "string" &&
    /(^|\W)(EQF|European Qualifications? Framework)(\W|$)|data\.europa\.eu\/snb\/eqf/i.test(value)
  );
}
