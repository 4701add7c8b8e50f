import { afterAll, beforeAll, describe } from "vitest";
import {
  openTestDatabase,
  postgresAvailable,
  TEST_POSTGRES_URL,
  type DatabaseKind,
  type TestDatabase,
} from "./test-database";

const postgresUp = await postgresAvailable();
if (!postgresUp && process.env.TEST_REQUIRE_POSTGRES === "1") {
  throw new Error(`TEST_REQUIRE_POSTGRES=1 but PostgreSQL at ${TEST_POSTGRES_URL} did not answer.`);
}
if (!postgresUp) {
  console.warn(
    `[tests] PostgreSQL at ${TEST_POSTGRES_URL} did not answer: the PostgreSQL half of the data-layer tests is SKIPPED.`,
  );
}

/**
 * Runs a data-layer suite twice: on embedded PGlite and on the PostgreSQL server. Where no
 * server answers, the PostgreSQL half is reported as skipped, with the reason in its title.
 */
export function describeEachDatabase(title: string, suite: (ctx: () => TestDatabase) => void): void {
  for (const kind of ["pglite", "postgres"] as DatabaseKind[]) {
    const skip = kind === "postgres" && !postgresUp;
    const label = skip ? `${title} [postgres: skipped, no server at ${TEST_POSTGRES_URL}]` : `${title} [${kind}]`;
    (skip ? describe.skip : describe)(label, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error("test database not open");
        return handle;
      });
    });
  }
}
