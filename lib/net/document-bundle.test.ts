import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocumentBundle } from "./document-bundle";
import { createGuardedFetch } from "./guarded-fetch";

function bundle(mapping: Record<string, string>, files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.writeFileSync(path.join(dir, "bundle.json"), JSON.stringify(mapping));
  return path.join(dir, "bundle.json");
}

describe("loadDocumentBundle", () => {
  it("serves mapped URLs to the guarded fetcher without any network", async () => {
    const file = bundle(
      { "https://issuer.test/status/1": "lists/1.json" },
      { "lists/1.json": '{"type":"BitstringStatusListCredential"}' },
    );
    const fetch = createGuardedFetch({ documents: loadDocumentBundle(file), lookup: async () => [] });
    expect((await fetch("https://issuer.test/status/1")).json()).toEqual({ type: "BitstringStatusListCredential" });
  });

  it("refuses entries that escape the bundle's folder", () => {
    const file = bundle({ "https://issuer.test/x": "../../etc/passwd" }, {});
    expect(() => loadDocumentBundle(file)).toThrow(/outside the bundle/);
  });
});
