import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requireProductionBuild } from "./production-build";
import { StartProblem } from "./report";

describe("requireProductionBuild", () => {
  it("asks for npm run build when the project has no build, and is quiet once it has one", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-build-"));
    try {
      expect(() => requireProductionBuild(project)).toThrow(
        new StartProblem("There is no production build yet.\nBuild it first: npm run build", 78),
      );
      fs.mkdirSync(path.join(project, ".next"));
      fs.writeFileSync(path.join(project, ".next", "BUILD_ID"), "abc");
      expect(() => requireProductionBuild(project)).not.toThrow();
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
