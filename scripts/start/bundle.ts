/**
 * The second half of `npm run build`: makes `.next/standalone` (Next's `output: "standalone"`: the
 * server and the node_modules files it uses) a folder that runs with nothing but Node:
 *
 *   .next/standalone/tessera/serve.mjs        npm start: checks, migrations, then the server
 *   .next/standalone/tessera/migrate.mjs      the migration step alone (once per deploy)
 *   .next/standalone/tessera/http-server.mjs  the server alone (each instance)
 *
 * Our start scripts are bundled with esbuild (Next's own packages, the pg driver, pino,
 * prom-client and PGlite stay outside and are copied where Next did not already trace them); the
 * static files, `public/` and the SQL migrations are copied beside them. Copy the whole folder to
 * a server, or run it in place. ADR 0034.
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");

/** Packages loaded at run time from standalone/node_modules, never bundled. */
const EXTERNAL = ["next", "react", "react-dom", "pg", "pino", "prom-client", "@electric-sql/pglite", "sharp"];

/** Ones Next does not trace (only our start scripts use them): copied whole. */
const COPIED_PACKAGES = ["@electric-sql/pglite"];

function copy(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(standalone, "server.js")))
    throw new Error('.next/standalone is missing: run `next build` first (next.config.ts sets output: "standalone").');
  await build({
    entryPoints: {
      serve: "scripts/serve.ts",
      migrate: "scripts/start/migrate.ts",
      "http-server": "scripts/start/http-server.ts",
    },
    outdir: path.join(standalone, "tessera"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["react-server"],
    external: EXTERNAL,
    tsconfig: "tsconfig.json",
    logLevel: "warning",
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __tesseraRequire } from 'node:module'; const require = __tesseraRequire(import.meta.url);",
    },
  });
  copy(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"));
  copy(path.join(root, "public"), path.join(standalone, "public"));
  copy(path.join(root, "db", "migrations"), path.join(standalone, "db", "migrations"));
  for (const name of COPIED_PACKAGES)
    copy(path.join(root, "node_modules", name), path.join(standalone, "node_modules", name));
  console.log(
    "[tessera] production bundle ready in .next/standalone (start: node .next/standalone/tessera/serve.mjs start)",
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
