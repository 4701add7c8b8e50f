/**
 * Prints one closing line for the whole test run from the Vitest and Playwright JSON reports:
 * "tests: N passed, N failed, N skipped". CI reads it; people read the per-runner lines above it.
 */
import fs from "node:fs";

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
}

function vitestTotals(): Totals | undefined {
  const report = readJson(".data/reports/vitest.json") as
    { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
  if (!report) return undefined;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightTotals(): Totals | undefined {
  const report = readJson(".data/reports/playwright.json") as
    { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
  if (!report) return undefined;
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

const parts: Array<[string, Totals | undefined]> = [
  ["unit", vitestTotals()],
  ["e2e", playwrightTotals()],
];
const total: Totals = { passed: 0, failed: 0, skipped: 0 };
for (const [name, totals] of parts) {
  if (!totals) {
    console.log(`${name}: no report found`);
    total.failed += 1;
    continue;
  }
  console.log(`${name}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  total.passed += totals.passed;
  total.failed += totals.failed;
  total.skipped += totals.skipped;
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
