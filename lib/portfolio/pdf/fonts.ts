import { existsSync } from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/**
 * Noto Sans from @fontsource/noto-sans, read from node_modules by file path: our own bundled
 * files, never a URL (react-pdf's loader would fetch one). The path is built from the project
 * directory, not resolved relative to this module and not with require.resolve, which a bundler
 * rewrites: it is the same under Vitest, tsx and `next start` (where this file is compiled into
 * .next/ but node_modules stays where it is).
 * react-pdf takes one file per family and weight, so Latin and Latin Extended are two families
 * and text falls back from the first to the second glyph by glyph.
 */
export const PDF_FONT_FAMILIES = ["NotoSans", "NotoSansLatinExt"];

let registered = false;

function fontFile(subset: "latin" | "latin-ext", weight: 400 | 700): string {
  const file = path.join(
    process.cwd(),
    "node_modules",
    "@fontsource",
    "noto-sans",
    "files",
    `noto-sans-${subset}-${weight}-normal.woff`,
  );
  if (!existsSync(file))
    throw new Error(`Portfolio font missing: ${file}. Run npm ci (package @fontsource/noto-sans).`);
  return file;
}

/** Words longer than this may break across lines (a 200-character "word" would run off the page). */
const LONGEST_UNBROKEN = 40;

/**
 * react-pdf hyphenates English by default, which puts hyphens into names, titles and URLs (and
 * into the text a reader copies or a search finds). Only a run too long for any line is cut, into
 * fixed-size pieces; a link is never cut. Given to each Text, not registered globally, so other
 * PDFs of this process (CPD evidence) keep their own setting.
 */
export function portfolioHyphenation(word: string): string[] {
  if (word.length <= LONGEST_UNBROKEN || /^https?:\/\//.test(word)) return [word];
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += LONGEST_UNBROKEN) pieces.push(word.slice(i, i + LONGEST_UNBROKEN));
  return pieces;
}

export function registerPdfFonts(): void {
  if (registered) return;
  for (const [family, subset] of [
    ["NotoSans", "latin"],
    ["NotoSansLatinExt", "latin-ext"],
  ] as const) {
    Font.register({
      family,
      fonts: [
        { src: fontFile(subset, 400), fontWeight: 400 },
        { src: fontFile(subset, 700), fontWeight: 700 },
      ],
    });
  }
  registered = true;
}
