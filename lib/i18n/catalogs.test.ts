import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "./locales";
import review from "./messages/review.json";

/**
 * The catalogs agree with each other and with the code: the same keys everywhere, no key that no
 * code uses, every message valid ICU with the same arguments and tags as English, and plural
 * branches the language really has.
 */
const root = path.resolve(import.meta.dirname, "../..");
const catalogs = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "messages", `${l}.json`), "utf8"))]),
) as Record<Locale, Record<string, unknown>>;

function flatten(tree: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value as Record<string, unknown>, full)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(catalogs[l])])) as Record<Locale, Map<string, string>>;
const allKeys = new Set(LOCALES.flatMap((l) => [...flat[l].keys()]));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "messages" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface Shape {
  arguments: Set<string>;
  tags: Set<string>;
  plurals: { name: string; options: string[] }[];
}

function shapeOf(
  elements: MessageFormatElement[],
  shape: Shape = { arguments: new Set(), tags: new Set(), plurals: [] },
) {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      shape.arguments.add(el.value);
    if (el.type === TYPE.tag) {
      shape.tags.add(el.value);
      shapeOf(el.children, shape);
    }
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      shape.arguments.add(el.value);
      if (el.type === TYPE.plural) shape.plurals.push({ name: el.value, options: Object.keys(el.options) });
      for (const option of Object.values(el.options)) shapeOf(option.value, shape);
    }
  }
  return shape;
}

describe("message catalogs", () => {
  it.each(LOCALES)("%s has every key another catalog has", (locale) => {
    expect([...allKeys].filter((k) => !flat[locale].has(k))).toEqual([]);
  });

  it('has no key that no code uses (keys are written out in full: t("area.key"))', () => {
    const code = ["app", "components", "lib"]
      .flatMap((d) => sourceFiles(path.join(root, d)))
      .map((f) => fs.readFileSync(f, "utf8"))
      .join("\n");
    expect([...allKeys].filter((k) => !code.includes(`"${k}"`))).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s: every message is ICU with English's arguments and tags", (locale) => {
    const problems: string[] = [];
    for (const [key, english] of flat.en) {
      const translated = flat[locale].get(key);
      if (translated === undefined) continue;
      let mine: Shape;
      try {
        mine = shapeOf(parse(translated));
      } catch (error) {
        problems.push(`${key}: ${String(error)}`);
        continue;
      }
      const theirs = shapeOf(parse(english));
      if ([...theirs.arguments].sort().join() !== [...mine.arguments].sort().join())
        problems.push(`${key}: arguments ${[...mine.arguments]} ≠ ${[...theirs.arguments]}`);
      if ([...theirs.tags].sort().join() !== [...mine.tags].sort().join())
        problems.push(`${key}: tags ${[...mine.tags]} ≠ ${[...theirs.tags]}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)("%s: plural branches are categories the language has, with `other`", (locale) => {
    const rules = new Intl.PluralRules(locale);
    const categories = new Set(rules.resolvedOptions().pluralCategories);
    // A category needs a branch when some count falls in it that no exact "=n" branch catches.
    const counts = Array.from({ length: 1001 }, (_, n) => n);
    const problems: string[] = [];
    for (const [key, message] of flat[locale]) {
      for (const plural of shapeOf(parse(message)).plurals) {
        if (!plural.options.includes("other")) problems.push(`${key}: ${plural.name} has no "other"`);
        const unknown = plural.options.filter((o) => !o.startsWith("=") && !categories.has(o as Intl.LDMLPluralRule));
        if (unknown.length > 0) problems.push(`${key}: ${plural.name} has ${unknown.join(", ")}`);
        const missing = [...categories].filter(
          (c) =>
            !plural.options.includes(c) &&
            counts.some((n) => rules.select(n) === c && !plural.options.includes(`=${n}`)),
        );
        if (missing.length > 0) problems.push(`${key}: ${plural.name} lacks ${missing.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("review.json names only catalogs and keys that exist", () => {
    const { about: _about, ...locales } = review;
    expect(Object.keys(locales).sort()).toEqual(LOCALES.filter((l) => l !== "en").sort());
    for (const [locale, { nativeReviewed }] of Object.entries(locales) as [Locale, { nativeReviewed: string[] }][])
      expect(nativeReviewed.filter((k) => !flat[locale].has(k))).toEqual([]);
  });
});
