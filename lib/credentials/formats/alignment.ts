import { eqfLevel, isEqfFramework } from "../normalize/eqf";
import type { Skill } from "../record";
import { records, str, text } from "./json";

export interface Alignments {
  skills: Skill[];
  eqf?: number;
  qualityAssurance: string[];
}

/** Framework names for alignments that do not state one but point into a known vocabulary. */
export function frameworkFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\/data\.europa\.eu\/esco\//i.test(url)) return "ESCO";
  if (/onetonline\.org|onetcenter\.org/i.test(url)) return "O*NET";
  if (/^https?:\/\/data\.europa\.eu\/snb\/dcf\//i.test(url)) return "DigComp";
  if (/credentialengineregistry\.org/i.test(url)) return "CTDL";
  return undefined;
}

/**
 * OB 2.0 / OB 3.0 `alignment[]` (and OB 1.0 {name, url}): EQF alignments become the level
 * (`targetType: "ext:EQF"` from Edubadges, or an EQF framework), `ext:QualityAssurance` becomes a
 * quality-assurance entry, everything else is a skill with its framework.
 */
export function readAlignments(value: unknown): Alignments {
  const result: Alignments = { skills: [], qualityAssurance: [] };
  for (const a of records(value)) {
    const targetType = str(a.targetType) ?? "";
    const framework = text(a.targetFramework);
    const name = text(a.targetName) ?? text(a.name);
    const code = str(a.targetCode) ?? (typeof a.targetCode === "number" ? String(a.targetCode) : undefined);
    const url = str(a.targetUrl) ?? str(a.url);
    if (/^ext:EQF$/i.test(targetType) || isEqfFramework(framework) || /data\.europa\.eu\/snb\/eqf\//i.test(url ?? "")) {
      result.eqf ??= eqfLevel(code, url, name);
      continue;
    }
    if (/^ext:QualityAssurance$/i.test(targetType)) {
      const entry = [name, code ? `(${code})` : undefined].filter(Boolean).join(" ");
      if (entry) result.qualityAssurance.push(entry);
      continue;
    }
    const label = name ?? code ?? url;
    if (label) result.skills.push({ name: label, framework: framework ?? frameworkFromUrl(url), code, url });
  }
  return result;
}
