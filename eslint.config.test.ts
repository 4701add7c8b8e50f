import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The import boundaries in eslint.config.mjs, proven on deliberate violations: each snippet is
 * linted as if it lived at the given path, so removing or narrowing a rule fails here.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: path.resolve(import.meta.dirname) });
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const TESTKIT = 'import { createTestHolder } from "@/testkit/wallet/test-credentials";\nexport { createTestHolder };\n';
const TESTKIT_RELATIVE = 'import { makePng } from "../../testkit/hostile-input/builders";\nexport { makePng };\n';
const ISSUER = 'import { issueOpenBadge } from "@/test-issuer";\nexport { issueOpenBadge };\n';
const DATABASE = 'import { createDatabase } from "@/db/client";\nexport const db = createDatabase;\n';
const RUNTIME = 'import { getDb } from "@/lib/runtime/database";\nexport const db = getDb;\n';
const SCHEMA_TYPE = 'import type { ShareScope } from "@/db/schema/shares";\nexport type Scope = ShareScope;\n';

describe("production code may not import test support", () => {
  it.each([
    ["app/(wallet)/wallet/page-helper.ts", TESTKIT],
    ["components/wallet/helper.ts", TESTKIT],
    ["lib/shares/helper.ts", TESTKIT],
    ["lib/shares/render-cache/helper.ts", TESTKIT_RELATIVE],
    ["db/helper.ts", TESTKIT],
    ["db/seed-demo-credentials.ts", TESTKIT],
    ["test-issuer/helper.ts", TESTKIT],
    ["scripts/cli/helper.ts", TESTKIT],
  ])("%s may not import testkit/", async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([expect.stringContaining("testkit/ is test support only")]);
  });

  it.each(["app/api/helper.ts", "components/import/helper.ts", "lib/import/helper.ts", "db/seed.ts", "proxy.ts"])(
    "%s may not import the test issuer",
    async (file) => {
      expect(await restrictedImports(file, ISSUER)).toEqual([expect.stringContaining("test issuer")]);
    },
  );

  it("the demo seed may use the test issuer, and tests, benchmarks and e2e may use both", async () => {
    expect(await restrictedImports("db/demo-academy.ts", ISSUER)).toEqual([]);
    expect(await restrictedImports("db/seed-demo-credentials.ts", ISSUER)).toEqual([]);
    expect(await restrictedImports("lib/shares/data.test.ts", TESTKIT + ISSUER.replace("issueOpenBadge", "x"))).toEqual(
      [],
    );
    expect(await restrictedImports("scripts/bench/helper.ts", TESTKIT)).toEqual([]);
    expect(await restrictedImports("e2e/support/helper.ts", TESTKIT)).toEqual([]);
  });
});

describe("components get their data from pages", () => {
  it("a component may not import the database or its schema", async () => {
    expect(await restrictedImports("components/wallet/helper.tsx", DATABASE)).toEqual([
      expect.stringContaining("Components get their data from their page"),
    ]);
    expect(await restrictedImports("components/shares/helper.ts", SCHEMA_TYPE)).toEqual([
      expect.stringContaining("Components get their data from their page"),
    ]);
    expect(await restrictedImports("components/cpd/helper.tsx", RUNTIME)).toEqual([
      expect.stringContaining("Components get their data from their page"),
    ]);
  });

  it("pages and the data layer may", async () => {
    expect(await restrictedImports("app/(wallet)/wallet/helper.ts", RUNTIME)).toEqual([]);
    expect(await restrictedImports("lib/shares/helper.ts", SCHEMA_TYPE)).toEqual([]);
  });
});

describe("process-wide values are kept by remember() only", () => {
  const GLOBAL = "const store = globalThis as unknown as { pool?: number };\nexport const pool = (store.pool ??= 1);\n";
  const messages = async (filePath: string) => {
    const [result] = await eslint.lintText(GLOBAL, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
  };

  it("a module of the product may not keep an ad-hoc global", async () => {
    for (const file of ["lib/shares/helper.ts", "app/api/helper/route.ts", "proxy.ts"])
      expect(await messages(file)).toEqual([expect.stringContaining("remember()")]);
  });

  it("remember.ts itself, and tests, may", async () => {
    expect(await messages("lib/runtime/remember.ts")).toEqual([]);
    expect(await messages("lib/shares/helper.test.ts")).toEqual([]);
  });
});
