/**
 * Readers for the fast-xml-parser tree the container layer produces (attributes as "@_name",
 * namespace prefixes kept, text as "#text", every value a string). Elements are matched by local
 * name, so "cred:issuer" and "issuer" are the same element whatever prefix a producer chose.
 */
import { pickText } from "../normalize/language";
import { isRecord, list, records, type Json } from "./json";

export const localName = (qualified: string) => qualified.slice(qualified.indexOf(":") + 1);

export function child(node: unknown, name: string): unknown {
  if (!isRecord(node)) return undefined;
  const key = Object.keys(node).find((k) => !k.startsWith("@_") && localName(k) === name);
  return key === undefined ? undefined : node[key];
}

export function kids(node: unknown, name: string): Json[] {
  return records(child(node, name));
}

export function attr(node: unknown, name: string): string | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  if (!isRecord(first)) return undefined;
  const key = Object.keys(first).find((k) => k.startsWith("@_") && localName(k.slice(2)) === name);
  const value = key === undefined ? undefined : first[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Plain element text ("PT60H", or {"#text": "…"} when the element also has attributes). */
export function plain(node: unknown): string | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  const value = isRecord(first) ? first["#text"] : first;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** EDCI multilingual text: <x><text lang="en">…</text><text lang="fr">…</text></x>, English preferred. */
export function langText(node: unknown): string | undefined {
  const texts = list(child(Array.isArray(node) ? node[0] : node, "text")).map((t) => ({
    "@value": plain(t) ?? "",
    "@language": attr(t, "lang"),
  }));
  return pickText(texts) ?? plain(node);
}

/** Every element with this local name, anywhere below (bounded), in document order. */
export function findAll(node: unknown, name: string, depth = 0): Json[] {
  if (depth > 12) return [];
  const out: Json[] = [];
  for (const item of list(node)) {
    if (!isRecord(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (key.startsWith("@_") || key === "#text") continue;
      if (localName(key) === name) out.push(...records(value));
      out.push(...findAll(value, name, depth + 1));
    }
  }
  return out;
}

/** An element declared once in a *References section and pointed to with idref="…". */
export function byRef(pool: Json[], pointer: unknown): Json | undefined {
  const id = attr(pointer, "idref");
  if (id === undefined) return records(pointer)[0];
  return pool.find((n) => attr(n, "id") === id);
}
