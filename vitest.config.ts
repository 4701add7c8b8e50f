import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside React's server condition; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "testkit/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    env: {
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      AUTH_URL: "http://localhost:3000",
      DATA_DIR: ".data/vitest",
    },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default", ["json", { outputFile: ".data/reports/vitest.json" }]],
  },
});
