/**
 * Reads the fixture README (shared/fixtures/external/README.md) into rows. The README is the
 * source of truth for what each sample is and what a verifier should make of it; this suite
 * never copies fixture files or restates their expectations by hand.
 */

export interface ReadmeRow {
  /** Heading of the `## ` section the row sits in. */
  section: string;
  /** Path relative to the fixtures folder, e.g. "ob2/hosted/basic-assertion.json". */
  file: string;
  format: string;
  status: string;
  notes: string;
}

export interface SectionCount {
  section: string;
  files: number;
  invalid: number;
}

/**
 * File cells are relative to a per-section folder that the README only implies (its Layout table
 * lists the folders). Keyed by the start of the section heading, so a reworded tail still matches;
 * a section missing here makes parseReadme throw instead of guessing.
 */
const SECTION_FOLDERS: [prefix: string, folder: string][] = [
  ["Open Badges 2.0", "ob2"],
  ["Open Badges 3.0", "ob3"],
  ["CLR 2.0", "clr2"],
  ["W3C VC Data Model 2.0", "vc2"],
  ["Digital Credentials Consortium", "dcc-vc-test-fixtures"],
  ["European Digital Credentials", "edc"],
  ["JSON-LD contexts", "contexts"],
];

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };

function cellText(cell: string): string {
  return cell
    .trim()
    .replace(/^`(.*)`$/, "$1")
    .replace(/&(?:lt|gt|amp|quot);/g, (e) => ENTITIES[e] ?? e);
}

function splitRow(line: string): string[] {
  // No cell in the README contains an escaped pipe (checked); a plain split is enough.
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map(cellText);
}

function folderFor(section: string): string {
  const hit = SECTION_FOLDERS.find(([prefix]) => section.startsWith(prefix));
  if (!hit)
    throw new Error(
      `README section "${section}" has a file table but no known fixture folder; add it to SECTION_FOLDERS.`,
    );
  return hit[1];
}

/** Every row of every table whose header has file, format, status and notes columns. */
export function parseReadme(markdown: string): { rows: ReadmeRow[]; counts: SectionCount[] } {
  const rows: ReadmeRow[] = [];
  const counts: SectionCount[] = [];
  let section = "";
  let columns: string[] | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith("## ")) {
      section = line.slice(3).trim();
      columns = undefined;
      continue;
    }
    // Each file section states its size: "93 files (28 marked INVALID)." The test checks the parse against it.
    const count = /^(\d+) files \((\d+) marked INVALID\)/.exec(line);
    if (count) counts.push({ section, files: Number(count[1]), invalid: Number(count[2]) });
    if (!line.startsWith("|")) {
      columns = undefined;
      continue;
    }
    const cells = splitRow(line);
    if (columns === undefined) {
      columns = cells.map((c) => c.toLowerCase());
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue; // the |---| separator
    const at = (name: string) => columns!.indexOf(name);
    if (["file", "format", "status", "notes"].some((c) => at(c) < 0)) continue; // layout, licences, counts tables
    rows.push({
      section,
      file: `${folderFor(section)}/${cells[at("file")] ?? ""}`,
      format: cells[at("format")] ?? "",
      status: cells[at("status")] ?? "",
      notes: cells[at("notes")] ?? "",
    });
  }
  return { rows, counts };
}
