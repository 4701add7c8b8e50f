import fs from "node:fs";
import path from "node:path";

/** Where the demo issuers' hosted documents are kept, under DATA_DIR (a TESSERA_DOCUMENTS bundle). */
export const demoDocumentsBundle = (dataDir: string) => path.join(dataDir, "demo-documents", "bundle.json");

/**
 * The demo issuers live at addresses nobody serves (*.test), so what they host (the OB 2.0 badge's
 * assertion, badge class and issuer, the school's status list) is written as a document bundle
 * (lib/net/document-bundle.ts). A server given it as TESSERA_DOCUMENTS re-checks the demo
 * credentials later with the same result (still revoked, still verified) instead of "could not
 * check". Only JSON documents: images are fetched once, at import.
 */
export function writeDemoDocuments(bundleFile: string, hosted: ReadonlyMap<string, string | Uint8Array>): void {
  const folder = path.dirname(bundleFile);
  fs.mkdirSync(folder, { recursive: true });
  const mapping: Record<string, string> = {};
  let n = 0;
  for (const [url, body] of hosted) {
    if (typeof body !== "string") continue;
    const file = `document-${++n}.json`;
    fs.writeFileSync(path.join(folder, file), body);
    mapping[url] = file;
  }
  fs.writeFileSync(bundleFile, JSON.stringify(mapping, null, 2));
}
