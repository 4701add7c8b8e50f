/**
 * The engine's view of a held credential: only what stacking needs, so the engine stays pure and
 * cheap to feed 2,000 of them. `toStackCredential` maps the stored normalized record.
 */
import type { CredentialKind, NormalizedCredential, RelatedAchievement } from "@/lib/credentials/record";

export interface StackSkill {
  name: string;
  framework?: string;
  /** A framework code or URI (ESCO concept URI, O*NET code, …). */
  code?: string;
}

export interface StackCredential {
  /** The wallet's id of the stored credential (unique per holder). */
  id: string;
  achievementId?: string;
  title: string;
  issuerName: string;
  issuerId?: string;
  /** Stated hours only: hours and ECTS are never converted into each other (ADR 0009). */
  hours?: number;
  ects?: number;
  /** The hours / ECTS above were set by the holder where the credential states none (issue 18). */
  hoursHolderSet?: boolean;
  ectsHolderSet?: boolean;
  eqf?: number;
  skills: StackSkill[];
  /** ISO 8601; past it the credential no longer counts (unless a requirement allows expired ones). */
  validUntil?: string;
  related: RelatedAchievement[];
  kind: CredentialKind;
  /** Revoked by its issuer: never counts, not even where expired credentials are allowed. */
  revoked?: boolean;
}

export interface StackCredentialOptions {
  revoked?: boolean;
  /** The holder's own figures (lib/holder-workload), used only where the record states none. */
  holderSet?: { hours: number | null; ects: number | null } | null;
}

export function toStackCredential(
  record: NormalizedCredential,
  id: string,
  options: StackCredentialOptions = {},
): StackCredential {
  // Every credential gets the same shape, absent fields as undefined: the engine reads these
  // fields for each of a holder's credentials on every recomputation, and one object shape keeps
  // those reads fast in V8 (so does avoiding `{ ...a, ...(c && b) }`).
  const holderHours = record.workload.hours === undefined ? (options.holderSet?.hours ?? undefined) : undefined;
  const holderEcts = record.workload.ects === undefined ? (options.holderSet?.ects ?? undefined) : undefined;
  return {
    id,
    achievementId: record.achievementId,
    title: record.title,
    issuerName: record.issuer.name,
    issuerId: record.issuer.id,
    hours: record.workload.hours ?? holderHours,
    ects: record.workload.ects ?? holderEcts,
    hoursHolderSet: holderHours !== undefined ? true : undefined,
    ectsHolderSet: holderEcts !== undefined ? true : undefined,
    eqf: record.level.eqf,
    skills: record.skills.map((skill) => ({
      name: skill.name,
      framework: skill.framework,
      code: skill.code ?? skill.url,
    })),
    validUntil: record.dates.validUntil,
    related: record.related.map((r) => ({ ...r })),
    kind: record.kind,
    revoked: options.revoked === true ? true : undefined,
  };
}

/**
 * Expired once `now` reaches validUntil. A date Tessera cannot read is not treated as expired:
 * the verification checks already flag it, and guessing would silently drop a credential.
 */
export function isExpired(credential: Pick<StackCredential, "validUntil">, now: Date): boolean {
  if (credential.validUntil === undefined) return false;
  const until = Date.parse(credential.validUntil);
  return Number.isFinite(until) && until <= now.getTime();
}

/** The next moment a credential expires: progress must be recomputed then (or on import/delete). */
export function nextExpiry(credentials: readonly StackCredential[], now: Date): string | undefined {
  let next: number | undefined;
  for (const credential of credentials) {
    const until = credential.validUntil === undefined ? NaN : Date.parse(credential.validUntil);
    if (Number.isFinite(until) && until > now.getTime() && (next === undefined || until < next)) next = until;
  }
  return next === undefined ? undefined : new Date(next).toISOString();
}
