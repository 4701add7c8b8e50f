import type { CycleReport } from "./report";

export const EVIDENCE_CSV_HEADER = [
  "Activity",
  "Issuer",
  "Date",
  "Hours",
  "Type",
  "Topics",
  "Counts toward",
  "Verification",
  "Link",
];

/** Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with = + - @ (or tab/CR) gets a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function evidenceCsv(report: CycleReport): string {
  const rows = report.items.map((item) => [
    item.title,
    item.issuer,
    item.date ?? "",
    String(item.hours),
    item.type,
    item.topics.join("; "),
    item.countsToward.join("; "),
    item.verification,
    item.link,
  ]);
  return `\uFEFF${[EVIDENCE_CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
