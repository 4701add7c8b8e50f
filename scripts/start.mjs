// `npm start`: the production bundle with plain Node once `npm run build` made it; before that,
// in a checkout with its development tools, the same start script from the sources (which says
// that a build is missing, after checking the configuration). ADR 0034.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const bundle = path.resolve(".next", "standalone", "tessera", "serve.mjs");
const args = process.argv.slice(2);
if (fs.existsSync(bundle)) {
  process.argv = [process.argv[0], bundle, "start", ...args];
  await import(pathToFileURL(bundle).href);
} else {
  const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
  if (!fs.existsSync(tsx)) {
    console.error("[tessera] There is no production build yet.\nBuild it first: npm run build");
    process.exit(78);
  }
  const child = spawn(process.execPath, [tsx, "scripts/serve.ts", "start", ...args], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}
