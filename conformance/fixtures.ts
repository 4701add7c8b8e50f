import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";

/**
 * Where the shared external fixtures are, for every conformance suite. They are read in place,
 * never copied into the repo (some are AGPL or unlicensed): ../shared/fixtures/external from the
 * working directory, or the folder the caller passes ($TESSERA_FIXTURES_DIR, read in the test file
 * because only tests may touch process.env).
 */
export function resolveFixtures(fromEnv: string | undefined): { root: string; present: boolean; readme: string } {
  const root = path.resolve(process.cwd(), fromEnv ?? "../shared/fixtures/external");
  return { root, present: existsSync(root) && statSync(root).isDirectory(), readme: path.join(root, "README.md") };
}

/**
 * The folder is optional (CI without ../shared/fixtures/external): one skipped test says so
 * instead of a silent pass.
 */
export function registerAbsent(suite: string, root: string): void {
  console.log(`${suite}: external fixtures not found at ${root} — skipped.`);
  describe(suite, () => {
    it.skip(`external fixtures not found at ${root} — skipped`, () => {});
  });
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
