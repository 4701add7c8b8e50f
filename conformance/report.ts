/** The plain-text table printed once after the suite: one line per README row, then totals. */

export interface ReportLine {
  file: string;
  status: string;
  /** import | refuse | either | skip | unclassified: for the totals. */
  category: string;
  expected: string;
  got: string;
  verdict: "OK" | "FAIL" | "SKIP";
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** `title` and `skipped` name the suite and what its skipped rows are (defaults: the import suite's). */
export function renderTable(
  lines: ReportLine[],
  root: string,
  words: { title?: string; skipped?: string } = {},
): string {
  const cols = [
    {
      title: "file",
      width: Math.min(100, Math.max(4, ...lines.map((l) => l.file.length))),
      get: (l: ReportLine) => l.file,
    },
    { title: "README status", width: 40, get: (l: ReportLine) => l.status },
    { title: "expected", width: 60, get: (l: ReportLine) => l.expected },
    { title: "got", width: 90, get: (l: ReportLine) => l.got },
    { title: "", width: 4, get: (l: ReportLine) => l.verdict },
  ];
  const row = (cells: string[]) =>
    cells
      .map((c, i) => clip(c, cols[i]!.width).padEnd(cols[i]!.width))
      .join(" | ")
      .trimEnd();
  const count = (v: ReportLine["verdict"]) => lines.filter((l) => l.verdict === v).length;
  const byExpectation = new Map<string, string>();
  for (const category of new Set(lines.map((l) => l.category))) {
    const mine = lines.filter((l) => l.category === category);
    byExpectation.set(category, `${mine.length} (${mine.filter((l) => l.verdict === "FAIL").length} FAIL)`);
  }
  return [
    `${words.title ?? "Import conformance"} against ${root}`,
    row(cols.map((c) => c.title)),
    cols.map((c) => "-".repeat(c.width)).join("-|-"),
    ...lines.map((l) => row(cols.map((c) => c.get(l)))),
    "",
    `Totals: ${lines.length} rows — ${count("OK")} OK, ${count("FAIL")} FAIL, ${count("SKIP")} skipped (${words.skipped ?? "not an award"}).`,
    `By expectation: ${[...byExpectation].map(([k, n]) => `${k} ${n}`).join(", ")}.`,
  ].join("\n");
}
