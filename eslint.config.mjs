import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Test support (testkit/) and the test issuer (test-issuer/) are never part of the product.
const testkit = {
  group: ["@/testkit", "@/testkit/**", "**/testkit", "**/testkit/**"],
  message: "testkit/ is test support only: production code may not import it.",
};
const testIssuer = {
  group: ["@/test-issuer", "@/test-issuer/**", "**/test-issuer", "**/test-issuer/**"],
  message:
    "The test issuer signs with throwaway keys: only tests, benchmarks and the demo seed (db/seed-demo-*) use it.",
};
const database = {
  group: ["@/db", "@/db/**", "**/db", "**/db/**", "@/lib/runtime/**", "**/lib/runtime/**"],
  message: "Components get their data from their page; the database is reached through lib/ data layers.",
};
const production = [
  "app/**",
  "components/**",
  "lib/**",
  "db/**",
  "instrumentation.ts",
  "proxy.ts",
  "scripts/tessera.ts",
  "scripts/cli/**",
];
const tests = ["**/*.test.ts", "**/*.test.tsx"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    "**/.scratch/**",
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      // process.env is read in exactly one place (lib/env.ts), see docs/architecture.md convention 3.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
      // A leading underscore marks a value left out on purpose (e.g. `{ secret: _secret, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        {
          varsIgnorePattern: "^_",
          argsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: production,
    ignores: tests,
    rules: { "no-restricted-imports": ["error", { patterns: [testkit, testIssuer] }] },
  },
  {
    files: ["components/**"],
    ignores: tests,
    rules: { "no-restricted-imports": ["error", { patterns: [testkit, testIssuer, database] }] },
  },
  {
    // The demo seed signs its sample credentials with the test issuer, and with nothing else from tests.
    files: ["db/seed-demo-*.ts", "db/demo-academy.ts", "test-issuer/**"],
    ignores: tests,
    rules: { "no-restricted-imports": ["error", { patterns: [testkit] }] },
  },
  {
    // Process-wide values are kept by lib/runtime/remember.ts only (ADR 0023), never by ad-hoc globals.
    files: production,
    ignores: [...tests, "lib/runtime/remember.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Identifier[name='globalThis']",
          message: "Keep process-wide values with remember() from lib/runtime/remember.ts.",
        },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "lib/env/**",
      "testkit/**",
      "test-issuer/**",
      "next.config.ts",
      "playwright.config.ts",
      "vitest.config.ts",
      "drizzle.config.ts",
      "scripts/**",
      "e2e/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
]);
