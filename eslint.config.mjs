import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
      // process.env is read in exactly one place (lib/env.ts), see ARCHITECTURE convention 3.
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
    files: [
      "lib/env.ts",
      "lib/env/**",
      "lib/testing/**",
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
