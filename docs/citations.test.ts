/**
 * The repository stands alone (docs/architecture.md convention 15): what code, tests and docs
 * cite lives in docs/, in our words. This suite fails when a file cites a design document outside
 * the repository, when a threat-model citation names a case or requirement the threat model does
 * not define, when a citation of a docs page names a page or anchor that does not exist, when the
 * docs name a repository path that does not exist, and when the threat model quotes a test name
 * its test file does not contain.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SELF = path.relative(ROOT, import.meta.filename);
/** Generated, installed or ignored folders (see .gitignore): not ours to keep consistent. */
const SKIPPED_DIRS = new Set([".git", "node_modules", ".next", ".data", "out", "test-results", "playwright-report"]);
const SKIPPED_DIR_NAMES = new Set(["blob-report", ".scratch"]);

interface SourceFile {
  rel: string;
  text: string;
}

function walk(dir: string, out: SourceFile[]): SourceFile[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(ROOT, full);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(rel) && !SKIPPED_DIR_NAMES.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && rel !== SELF && fs.statSync(full).size < 2_000_000) {
      const text = fs.readFileSync(full, "utf8");
      if (!text.includes("\u0000")) out.push({ rel, text });
    }
  }
  return out;
}

const FILES = walk(ROOT, []);
const DOCS = FILES.filter((f) => f.rel.startsWith(`docs${path.sep}`) && f.rel.endsWith(".md"));
/** The living docs (the map, the threat model, the format notes); ADRs are history and may name old paths. */
const LIVING_DOCS = DOCS.filter((f) => !f.rel.startsWith(path.join("docs", "decisions")));

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = heading!
      .replace(/`/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return "";
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const numberedItems = (text: string) => new Set([...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])));

const threatModel = fs.readFileSync(path.join(ROOT, "docs/threat-model.md"), "utf8");
const architecture = fs.readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
const CASES = new Set([...threatModel.matchAll(/^###\s+([A-H]\d{1,2})\b/gm)].map((m) => m[1]!));
const REQUIREMENTS = numberedItems(section(threatModel, "Requirements"));
const CONVENTIONS = numberedItems(section(architecture, "Conventions"));
const productNotes = fs.readFileSync(path.join(ROOT, "docs/product-notes.md"), "utf8");
const PRODUCT_ITEMS: Record<string, Set<number>> = {
  request: numberedItems(section(productNotes, "Requests")),
  gap: numberedItems(section(productNotes, "Gaps")),
  "must-have": numberedItems(section(productNotes, "Must-haves")),
};

const OUTSIDE = [
  /(?<![\w/.-])(?:security|security-anchors|credential-formats|verification|reference-codebases|user-needs)\.md\b/,
  /\buser-needs §/,
  /ARCHITECTURE(?:\.md| convention)/,
  /shared\/design/,
  /\.\.\/shared(?!\/fixtures\/external)/,
];

function findAll(pattern: RegExp, visit: (file: SourceFile, match: RegExpMatchArray) => void, files = FILES) {
  for (const file of files) for (const match of file.text.matchAll(pattern)) visit(file, match);
}

/** "D6", "D3–D5", "B1, B2 and B3", "requirement 3": the ids listed right after a citation. */
function citedIds(after: string): { cases: string[]; requirements: number[] } {
  const cases: string[] = [];
  const requirements: number[] = [];
  const token =
    /^(?:[\s,;/`]+|and\b|or\b|cases?\b|([A-H])(\d{1,2})(?:\s*[–-]\s*([A-H])?(\d{1,2}))?\b|requirements?\s+(\d+)\b)/;
  let rest = after;
  for (let match = token.exec(rest); match && match[0] !== ""; match = token.exec(rest)) {
    const [, letter, from, toLetter, to, requirement] = match;
    if (requirement) requirements.push(Number(requirement));
    if (letter && toLetter && toLetter !== letter) cases.push(`${letter}${from}–${toLetter}${to}`);
    else if (letter) for (let n = Number(from); n <= Number(to ?? from); n++) cases.push(`${letter}${n}`);
    rest = rest.slice(match[0].length);
  }
  return { cases, requirements };
}

function docAnchorProblem(target: string, anchor: string | undefined): string | undefined {
  const file = path.join(ROOT, target);
  if (!fs.existsSync(file)) return `${target} does not exist`;
  if (anchor && !anchorsOf(fs.readFileSync(file, "utf8")).has(anchor)) return `${target} has no #${anchor}`;
  return undefined;
}

describe("the repository stands alone", () => {
  it("cites no design document outside the repository", () => {
    const problems: string[] = [];
    for (const pattern of OUTSIDE)
      findAll(new RegExp(pattern, "g"), (file, match) =>
        problems.push(`${file.rel}:${lineOf(file.text, match.index!)}: ${match[0]}`),
      );
    expect(problems).toEqual([]);
  });

  it("cites only threat-model cases and requirements that exist", () => {
    expect(CASES.size).toBeGreaterThanOrEqual(50);
    expect(REQUIREMENTS.size).toBe(10);
    const problems: string[] = [];
    findAll(/docs\/threat-model\.md(?!#)(?=([^\n]{0,120}))/g, (file, match) => {
      const { cases, requirements } = citedIds(match[1]!);
      const where = `${file.rel}:${lineOf(file.text, match.index!)}`;
      for (const id of cases) if (!CASES.has(id)) problems.push(`${where}: no case ${id}`);
      for (const n of requirements) if (!REQUIREMENTS.has(n)) problems.push(`${where}: no requirement ${n}`);
    });
    expect(problems).toEqual([]);
  });

  it("cites only docs pages, anchors and conventions that exist", () => {
    const problems: string[] = [];
    findAll(/\bdocs\/([\w./-]+\.md)(?:#([\w-]+))?/g, (file, match) => {
      const problem = docAnchorProblem(`docs/${match[1]}`, match[2]);
      if (problem) problems.push(`${file.rel}:${lineOf(file.text, match.index!)}: ${problem}`);
    });
    findAll(/docs\/architecture\.md convention (\d+)/g, (file, match) => {
      if (!CONVENTIONS.has(Number(match[1])))
        problems.push(`${file.rel}:${lineOf(file.text, match.index!)}: no convention ${match[1]}`);
    });
    // Relative links between docs pages.
    findAll(
      /\]\((?!https?:)([\w./-]*\.md)?(?:#([\w-]+))?\)/g,
      (file, match) => {
        const target = match[1] ? path.join(path.dirname(file.rel), match[1]) : file.rel;
        const problem = docAnchorProblem(target, match[2]);
        if (problem) problems.push(`${file.rel}:${lineOf(file.text, match.index!)}: ${problem}`);
      },
      DOCS,
    );
    expect(problems).toEqual([]);
  });

  it("cites only product-notes items that exist", () => {
    const problems: string[] = [];
    findAll(/docs\/product-notes\.md (request|gap|must-have)s? (\d+)(?: and (\d+))?/g, (file, match) => {
      for (const n of [match[2], match[3]].filter(Boolean).map(Number))
        if (!PRODUCT_ITEMS[match[1]!]!.has(n))
          problems.push(`${file.rel}:${lineOf(file.text, match.index!)}: no ${match[1]} ${n}`);
    });
    expect(problems).toEqual([]);
  });

  it("names only repository paths that exist, in the map, the threat model and the format notes", () => {
    const problems: string[] = [];
    findAll(
      /`((?:app|components|conformance|db|docs|e2e|lib|scripts|testkit|test-issuer)\/[^`\s]*)`/g,
      (file, match) => {
        const named = match[1]!.replace(/#.*$/, "").replace(/[.,:;]+$/, "");
        if (/[*<>…{}]/.test(named)) return;
        if (!fs.existsSync(path.join(ROOT, named)))
          problems.push(`${file.rel}:${lineOf(file.text, match.index!)}: ${named}`);
      },
      LIVING_DOCS,
    );
    expect(problems).toEqual([]);
  });

  it("quotes only test names that the threat model's test files contain", () => {
    const problems: string[] = [];
    const items = threatModel.split(/\n(?=- |\n)/).map((item) => item.replace(/\s+/g, " "));
    for (const item of items) {
      const file = /`([^`]+\.(?:test|spec)\.ts)`/.exec(item)?.[1];
      if (!file) continue;
      if (!fs.existsSync(path.join(ROOT, file))) {
        problems.push(`${file}: no such test file`);
        continue;
      }
      const source = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/\\(['"])/g, "$1");
      for (const [, quoted] of item.matchAll(/"([^"]+)"/g)) {
        if (!source.replace(/\s+/g, " ").includes(quoted!)) problems.push(`${file}: "${quoted}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
