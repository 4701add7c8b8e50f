import { KIND_LABELS, type CredentialKind } from "../record";

/*
 * KIND RULES (ADR 0009). Deterministic; the first rule that decides wins, and `reason` says which
 * one in plain words.
 *
 *  0. Envelopes. A presentation is only a wrapper → badge (never stored on its own). An
 *     EndorsementCredential vouches for someone else → badge.
 *  1. The issuer's own word, when it is unambiguous (OB 3.0 achievementType):
 *     Badge → badge; MicroCredential → micro-credential; degrees, diplomas and full vocational
 *     qualifications (see NANO_TYPES) → nano-degree. "Achievement" is OB 3.0's generic default
 *     and says nothing about size, so it does not decide.
 *  2. Structure. A CLR, or any credential that lists parts (`has-part`) → nano-degree.
 *  3. Otherwise the largest of:
 *     a. workload: ≥ 150 h or ≥ 6 ECTS → nano-degree; ≥ 25 h or ≥ 1 ECTS → micro-credential;
 *        a stated smaller workload → badge. Hours and ECTS are each compared with their own
 *        threshold (never converted); 1 and 6 ECTS sit at the low end of 25–30 h per ECTS;
 *     b. certificate-like types (MICRO_FLOOR_TYPES) → at least micro-credential;
 *     c. all 11 mandatory EU micro-credential elements present → at least micro-credential.
 *  4. Nothing says otherwise → badge.
 *
 * Monotone in workload: with everything else fixed, more hours or ECTS never give a smaller kind
 * (property-tested).
 */

export const NANO_THRESHOLD = { hours: 150, ects: 6 } as const;
export const MICRO_THRESHOLD = { hours: 25, ects: 1 } as const;

const BADGE_TYPES = new Set(["badge"]);
const MICRO_TYPES = new Set(["microcredential"]);
const NANO_TYPES = new Set([
  "degree",
  "associatedegree",
  "bachelordegree",
  "masterdegree",
  "doctoraldegree",
  "professionaldoctorate",
  "researchdoctorate",
  "diploma",
  "secondaryschooldiploma",
  "generaleducationdevelopment",
  "mastercertificate",
  "apprenticeshipcertificate",
  "journeymancertificate",
]);
const MICRO_FLOOR_TYPES = new Set([
  "certificate",
  "certificateofcompletion",
  "certification",
  "course",
  "license",
  "learningprogram",
  "program",
  "module",
]);

export interface KindInput {
  achievementType?: string;
  structure?: "clr" | "presentation" | "endorsement";
  hasParts?: boolean;
  hours?: number;
  ects?: number;
  euMandatoryComplete?: boolean;
}

export type KindRule = "envelope" | "issuer-type" | "structure" | "workload" | "type-floor" | "eu-standard" | "default";

export interface KindDecision {
  kind: CredentialKind;
  rule: KindRule;
  reason: string;
}

const RANK: Record<CredentialKind, number> = { badge: 0, "micro-credential": 1, "nano-degree": 2 };
const label = (kind: CredentialKind) => KIND_LABELS[kind].toLowerCase();
const typeKey = (t: string) =>
  t
    .replace(/^(?:ext:|https?:\/\/\S*[#/])/i, "")
    .replace(/[\s_-]/g, "")
    .toLowerCase();
const num = (n: number) => String(Math.round(n * 100) / 100);

export function decideKind(input: KindInput): KindDecision {
  if (input.structure === "presentation") {
    return {
      kind: "badge",
      rule: "envelope",
      reason: "A presentation only wraps other credentials; each one inside is imported on its own.",
    };
  }
  if (input.structure === "endorsement") {
    return {
      kind: "badge",
      rule: "envelope",
      reason: "An endorsement vouches for someone else's achievement, so it is kept as a badge.",
    };
  }
  const type = input.achievementType?.trim();
  const key = type ? typeKey(type) : "";
  const fixed: CredentialKind | undefined = BADGE_TYPES.has(key)
    ? "badge"
    : MICRO_TYPES.has(key)
      ? "micro-credential"
      : NANO_TYPES.has(key)
        ? "nano-degree"
        : undefined;
  if (fixed)
    return {
      kind: fixed,
      rule: "issuer-type",
      reason: `The issuer's achievement type is “${type}”, which Tessera shows as a ${label(fixed)}.`,
    };
  if (input.structure === "clr") {
    return {
      kind: "nano-degree",
      rule: "structure",
      reason:
        "A Comprehensive Learner Record brings several achievements together, so it is shown as a nano-degree or certificate.",
    };
  }
  if (input.hasParts) {
    return {
      kind: "nano-degree",
      rule: "structure",
      reason:
        "It is made up of other credentials (it lists its parts), so it is shown as a nano-degree or certificate.",
    };
  }

  const candidates: KindDecision[] = [];
  const workload = workloadKind(input.hours, input.ects);
  if (workload) candidates.push(workload);
  if (MICRO_FLOOR_TYPES.has(key)) {
    candidates.push({
      kind: "micro-credential",
      rule: "type-floor",
      reason: `The issuer's achievement type is “${type}”, so it is shown as at least a micro-credential.`,
    });
  }
  if (input.euMandatoryComplete) {
    candidates.push({
      kind: "micro-credential",
      rule: "eu-standard",
      reason:
        "It carries all 11 mandatory elements of the EU micro-credential standard, so it is shown as at least a micro-credential.",
    });
  }
  // Stable: on a tie the earlier candidate (workload, then type, then EU elements) gives the reason.
  const best = candidates.reduce<KindDecision | undefined>(
    (a, c) => (a === undefined || RANK[c.kind] > RANK[a.kind] ? c : a),
    undefined,
  );
  return (
    best ?? {
      kind: "badge",
      rule: "default",
      reason: "Neither a workload nor a credential type says otherwise, so it is shown as a badge.",
    }
  );
}

function workloadKind(hours: number | undefined, ects: number | undefined): KindDecision | undefined {
  const h = hours !== undefined && Number.isFinite(hours) && hours > 0 ? hours : undefined;
  const e = ects !== undefined && Number.isFinite(ects) && ects > 0 ? ects : undefined;
  if (h === undefined && e === undefined) return undefined;
  const stated = [h !== undefined ? `${num(h)} hours` : "", e !== undefined ? `${num(e)} ECTS` : ""]
    .filter(Boolean)
    .join(" and ");
  if ((h ?? 0) >= NANO_THRESHOLD.hours || (e ?? 0) >= NANO_THRESHOLD.ects) {
    return {
      kind: "nano-degree",
      rule: "workload",
      reason: `A workload of ${stated} (150 hours or 6 ECTS or more) makes it a nano-degree or certificate.`,
    };
  }
  if ((h ?? 0) >= MICRO_THRESHOLD.hours || (e ?? 0) >= MICRO_THRESHOLD.ects) {
    return {
      kind: "micro-credential",
      rule: "workload",
      reason: `A workload of ${stated} (25 hours or 1 ECTS or more, below 150 hours and 6 ECTS) makes it a micro-credential.`,
    };
  }
  return {
    kind: "badge",
    rule: "workload",
    reason: `A workload of ${stated} (under 25 hours and under 1 ECTS) makes it a badge.`,
  };
}
