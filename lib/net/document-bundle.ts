import fs from "node:fs";
import path from "node:path";

/**
 * A document bundle for air-gapped networks and tests: a JSON file mapping URLs to files whose
 * paths are relative to the bundle (issuer profiles, keys, DID documents, status lists). The
 * guarded fetcher consults it before the network; what it serves is still verified like
 * anything fetched.
 */
export function loadDocumentBundle(file: string): Map<string, Uint8Array> {
  const mapping = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  const base = path.dirname(path.resolve(file));
  const documents = new Map<string, Uint8Array>();
  for (const [url, relative] of Object.entries(mapping)) {
    if (typeof relative !== "string") throw new Error(`Document bundle entry for ${url} must be a file path.`);
    const resolved = path.resolve(base, relative);
    if (!resolved.startsWith(base + path.sep))
      throw new Error(`Document bundle entry for ${url} points outside the bundle's folder.`);
    documents.set(url, new Uint8Array(fs.readFileSync(resolved)));
  }
  return documents;
}
