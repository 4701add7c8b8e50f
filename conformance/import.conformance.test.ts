/**
 * Import conformance against the shared external fixtures (issue: "every sample marked valid or
 * unsigned imports with the right format and kind; every parse-level invalid one is rejected with
 * a reason; it prints a table and reports 'skipped' where the folder is absent").
 *
 * Fixtures are read in place, never copied into the repo (some are AGPL or unlicensed). The folder
 * is ../shared/fixtures/external from the working directory, or $TESSERA_FIXTURES_DIR.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareCandidates, type ImportDeps } from "@/lib/import/pipeline";
import { offlineDocuments, offlineFetch } from "./documents";
import { expectationFor, type RowExpectation } from "./expectations";
import { filesUnder, registerAbsent, resolveFixtures } from "./fixtures";
import { describeExpected, describeOutcome, judge, type Outcome } from "./judge";
import { parseReadme, type ReadmeRow } from "./readme-table";
import { renderTable, type ReportLine } from "./report";

const { root, present, readme } = resolveFixtures(process.env.TESSERA_FIXTURES_DIR);

async function importOnce(row: ReadmeRow, deps: ImportDeps): Promise<Outcome> {
  const file = path.join(root, row.file);
  if (!existsSync(file)) return { status: "missing" };
  try {
    const result = await prepareCandidates(
      { name: path.basename(row.file), bytes: new Uint8Array(readFileSync(file)) },
      deps,
    );
    if (!result.ok) return { status: "refused", message: result.message };
    const { record, presentation } = result.candidate.interpreted;
    return {
      status: "imported",
      format: record.format,
      kind: record.kind,
      kindReason: record.kindReason,
      presentation: presentation === true,
    };
  } catch (error) {
    return { status: "threw", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

if (!present) {
  registerAbsent("import conformance", root);
} else if (!existsSync(readme)) {
  // A folder without its README cannot say what any sample should do: that is a broken checkout.
  it(`import conformance: README.md exists in ${root}`, () => expect.fail(`${readme} is missing`));
} else {
  const { rows, counts } = parseReadme(readFileSync(readme, "utf8"));
  const cases = rows.map((row) => ({ row, expected: expectationFor(row), title: row.file }));
  const deps: ImportDeps = { fetch: offlineFetch(offlineDocuments(root)) };
  const lines = new Map<string, ReportLine>();

  const record = (row: ReadmeRow, expected: RowExpectation, got: Outcome, problem: string | undefined) => {
    const verdict = problem ? "FAIL" : got.status === "not run" ? "SKIP" : "OK";
    lines.set(row.file, {
      file: row.file,
      status: row.status,
      category: expected.expect,
      expected: describeExpected(expected),
      got: describeOutcome(got),
      verdict,
    });
  };

  describe("import conformance: README bookkeeping", () => {
    it("parses every file table to the counts each section states", () => {
      const line = (section: string, files: number, invalid: number) =>
        `${section}: ${files} files, ${invalid} INVALID`;
      const parsed = counts.map((c) => {
        const mine = rows.filter((r) => r.section === c.section);
        return line(c.section, mine.length, mine.filter((r) => /^INVALID\b/.test(r.status)).length);
      });
      expect(counts.length).toBeGreaterThan(0);
      expect(parsed).toEqual(counts.map((c) => line(c.section, c.files, c.invalid)));
    });

    // The README maps http:// URLs too; the guarded fetcher must serve them from the bundle before
    // its https-only check, and refuse anything outside the bundle (so this suite stays offline).
    it("serves the README's offline URLs (http and https) and nothing else", async () => {
      const issuer = new Uint8Array(readFileSync(path.join(root, "ob2/hosted/example.org/issuer1.json")));
      for (const url of ["http://example.org/issuer1.json", "https://example.org/issuer1.json"]) {
        expect((await deps.fetch(url)).body).toEqual(issuer);
      }
      await expect(deps.fetch("http://example.org/not-in-the-bundle.json")).rejects.toMatchObject({ reason: "scheme" });
      await expect(deps.fetch("https://example.org/not-in-the-bundle.json")).rejects.toMatchObject({
        reason: "private_address",
      });
    });

    it("has a README row for every fixture file", () => {
      const listed = new Set(rows.map((r) => r.file));
      expect(filesUnder(root).filter((f) => f !== "README.md" && !listed.has(f))).toEqual([]);
    });
  });

  describe("import conformance: one test per README row", () => {
    afterAll(() => {
      console.log(
        renderTable(
          rows.map((r) => lines.get(r.file)).filter((l) => l !== undefined),
          root,
        ),
      );
    });

    const skipped = cases.filter((c) => c.expected.expect === "skip");
    const checked = cases.filter((c) => c.expected.expect !== "skip");

    // Vitest's each() wants a non-empty table; a README with no supporting files is legitimate.
    if (skipped.length > 0) it.skip.each(skipped)("$title", () => {});
    for (const c of skipped) record(c.row, c.expected, { status: "not run" }, undefined);

    it.each(checked)("$title", async ({ row, expected }) => {
      if (expected.expect === "unclassified") {
        record(row, expected, { status: "not run" }, expected.why);
        expect.fail(`${row.file}: ${expected.why}; add a rule in conformance/expectations.ts`);
        return;
      }
      const got = await importOnce(row, deps);
      const problem = judge(expected, got);
      record(row, expected, got, problem);
      if (problem) expect.fail(`${row.file} (README: ${row.status}): ${problem}`);
    });
  });
}
