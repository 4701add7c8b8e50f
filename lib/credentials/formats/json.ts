/** Small readers for untrusted JSON: nothing here throws on an unexpected shape. */
import { pickText } from "../normalize/language";

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value or a list of values, as a list (JSON-LD allows both almost everywhere). */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function records(value: unknown): Json[] {
  return list(value).filter(isRecord);
}

export function firstRecord(value: unknown): Json | undefined {
  return records(value)[0];
}

/** Text from a string, number, language map or value object. */
export function text(value: unknown): string | undefined {
  return pickText(value);
}

/** A plain string property (ids, URLs, codes), never a language map. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function num(value: unknown): number | undefined {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value)
        ? Number(value.replace(",", "."))
        : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The id of a node given either as a string or as an object with an `id`. */
export function idOf(value: unknown): string | undefined {
  return str(value) ?? (isRecord(value) ? (str(value.id) ?? str(value["@id"])) : undefined);
}

export function typesOf(value: Json): string[] {
  return list(value.type ?? value["@type"]).filter((t): t is string => typeof t === "string");
}

export function hasType(value: Json, ...names: string[]): boolean {
  const types = typesOf(value);
  return names.some((n) => types.includes(n));
}

export function contextsOf(value: Json): string[] {
  return list(value["@context"]).filter((c): c is string => typeof c === "string");
}

/** "scheme:rest" with no whitespace: the URL-or-URN shape VC issuers and ids must have. */
export function isUri(value: unknown): value is string {
  return typeof value === "string" && /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(value);
}

export function strings(value: unknown): string[] {
  return list(value)
    .map(text)
    .filter((t): t is string => t !== undefined);
}

/** A lookup-table entry by an attacker-chosen key: own properties only ("constructor" is not a key). */
export function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
