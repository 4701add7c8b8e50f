import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No UI string outside the catalogs, in the folders and files converted so far (the list grows
 * page by page; ADR 0031). A UI string is JSX text with a letter in it, a string literal written as
 * a JSX child, or a literal in an attribute people read (label, title, placeholder, aria-*, alt…).
 */
const CONVERTED = [
  "app/(auth)",
  "app/account-deleted",
  "app/page.tsx",
  "app/not-found.tsx",
  "app/error.tsx",
  "app/layout.tsx",
  "app/(wallet)/layout.tsx",
  "components/auth",
  "components/i18n",
  "components/shell/holder-nav.tsx",
  "components/settings/language-form.tsx",
  "app/v",
  "app/verify",
  "components/share-page/compact-checks.tsx",
  "components/share-page/print-footer.tsx",
  "components/share-page/share-brand.tsx",
  "components/share-page/share-icons.tsx",
  "components/share-page/share-qr.tsx",
  "components/share-page/share-summary.tsx",
  "components/share-page/share-unavailable.tsx",
  "components/share-page/shared-credential-card.tsx",
  "components/share-page/shared-download-section.tsx",
  "components/share-page/shared-image.tsx",
  "components/share-page/static-print-button.tsx",
  "components/share-page/verification-note.tsx",
  "components/verification/check-words.tsx",
  "components/verification/checks-list.tsx",
  "components/verification/verify-panel.tsx",
];

const READ_ATTRIBUTES =
  /^(label|title|placeholder|alt|description|hint|heading|navLabel|aria-(label|description|roledescription|valuetext|placeholder))$/;
const root = path.resolve(import.meta.dirname, "../..");

function tsxFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".tsx") && !f.endsWith(".test.tsx"))
    .map((f) => path.join(full, f));
}

function uiStringsIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const hasWords = (text: string) => /\p{L}/u.test(text);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && hasWords(e.text)) found.push(e.text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.test(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
          ? init.expression
          : null;
      if (literal && hasWords(literal.text)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no UI string outside the catalogs", () => {
  it("finds the strings it is meant to find", () => {
    const sample = `export const A = () => <p title="Hello" aria-label={"World"} className="p-4">Text {"more"} {t("k")} — {3}</p>;`;
    expect(uiStringsIn("a.tsx", sample)).toEqual(["Hello", "World", "Text", "more"]);
  });

  it.each(CONVERTED)("%s writes every word through the catalogs", (entry) => {
    const strings = tsxFiles(entry).flatMap((f) =>
      uiStringsIn(f, fs.readFileSync(f, "utf8")).map((s) => `${path.relative(root, f)}: ${s}`),
    );
    expect(strings).toEqual([]);
  });
});
