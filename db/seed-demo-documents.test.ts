import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { loadDocumentBundle } from "@/lib/net/document-bundle";
import { demoDocumentsBundle, writeDemoDocuments } from "./seed-demo-documents";

it("writes the demo issuers' JSON documents as a bundle the guarded fetcher loads, and leaves images out", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-demo-documents-"));
  const bundle = demoDocumentsBundle(dataDir);
  const status = JSON.stringify({ id: "https://school.test/status/1", type: ["VerifiableCredential"] });
  writeDemoDocuments(
    bundle,
    new Map<string, string | Uint8Array>([
      ["https://school.test/status/1", status],
      ["https://school.test/badge/image.png", new Uint8Array([137, 80, 78, 71])],
    ]),
  );
  const documents = loadDocumentBundle(bundle);
  expect([...documents.keys()]).toEqual(["https://school.test/status/1"]);
  expect(new TextDecoder().decode(documents.get("https://school.test/status/1"))).toBe(status);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
