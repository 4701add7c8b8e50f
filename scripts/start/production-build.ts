import fs from "node:fs";
import path from "node:path";
import { StartProblem } from "./report";

/**
 * `npm start` serves the production build; without one, Next would say so only after the
 * migrations ran and its own banner printed. Checked first, in one line, with the command.
 */
export function requireProductionBuild(projectDir: string = process.cwd()): void {
  if (!fs.existsSync(path.join(projectDir, ".next", "BUILD_ID")))
    throw new StartProblem("There is no production build yet.\nBuild it first: npm run build", 78);
}
