/** Small readers for untrusted JSON: never throw, never trust a type. */
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function records(value: unknown): Json[] {
  return asArray(value).filter(isRecord);
}

/** `"x"` or `{ id: "x" }` → "x". */
export function idOf(value: unknown): string | undefined {
  return str(value) ?? (isRecord(value) ? str(value.id) : undefined);
}

export function types(value: unknown): string[] {
  return isRecord(value) ? asArray(value.type).filter((t): t is string => typeof t === "string") : [];
}

export function decodeJsonSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
}

/** The issuer of a VC (issuer or issuer.id) and its display name. */
export function vcIssuer(credential: Json): { id?: string; name?: string } {
  const issuer = credential.issuer;
  const name = isRecord(issuer) ? (str(issuer.name) ?? nameFromLanguageMap(issuer.legalName)) : undefined;
  return { id: idOf(issuer), name };
}

function nameFromLanguageMap(value: unknown): string | undefined {
  if (str(value)) return str(value);
  if (!isRecord(value)) return undefined;
  return str(value.en) ?? Object.values(value).map(str).find(Boolean);
}
