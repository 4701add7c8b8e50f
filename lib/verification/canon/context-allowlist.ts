/**
 * Exact @context allowlist (docs/threat-model.md E6, VC Data Integrity "Validating Contexts"): every
 * `@context` anywhere in the credential must be a URL string of the bundled set. Inline context
 * objects are refused even when the signature verifies, because an inline context (or an
 * `@vocab`) can redefine what `name`, `credentialSubject` or `credentialStatus` mean while the
 * signed RDF stays the same — the "context swap". Checked before canonicalization, so a refused
 * credential costs no expansion and makes no loader call at all.
 */
import { CONTEXTS } from "../contexts";

export const VC_V1 = "https://www.w3.org/2018/credentials/v1";
export const VC_V2 = "https://www.w3.org/ns/credentials/v2";

export type ContextProblem = { kind: "unknown-url"; url: string } | { kind: "inline" } | { kind: "not-a-credential" };

export interface DocumentScan {
  /** The first context problem found, if any. */
  context?: ContextProblem;
  /** Nesting deeper than the limit (jsonld recurses per level). */
  tooDeep: boolean;
  /** Something other than plain JSON (a class instance, a toJSON hook): never cache its outcome. */
  notPlainJson: boolean;
}

function isPlain(node: object): boolean {
  const proto = Object.getPrototypeOf(node) as unknown;
  return (
    (proto === Object.prototype || proto === Array.prototype || proto === null) &&
    typeof (node as { toJSON?: unknown }).toJSON !== "function"
  );
}

/** One pass over the document: context allowlist, depth and plain-JSON checks. */
export function scanDocument(document: unknown, maxDepth: number): DocumentScan {
  const scan: DocumentScan = { tooDeep: false, notPlainJson: false };
  const stack: Array<[unknown, number]> = [[document, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth > maxDepth) return { ...scan, tooDeep: true };
    if (!isPlain(node)) scan.notPlainJson = true;
    if (!Array.isArray(node) && Object.hasOwn(node, "@context") && !scan.context) {
      const contexts = (node as Record<string, unknown>)["@context"];
      for (const ctx of Array.isArray(contexts) ? contexts : [contexts]) {
        if (typeof ctx !== "string") scan.context ??= { kind: "inline" };
        else if (!CONTEXTS.has(ctx)) scan.context ??= { kind: "unknown-url", url: ctx };
      }
    }
    for (const [key, child] of Object.entries(node))
      if (key !== "@context" && child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return scan;
}

/** The first context must be VC v1 or v2 (VC Data Model; @digitalbazaar/vc asserts the same). */
export function vcVersionOf(document: Record<string, unknown>): 1 | 2 | undefined {
  const contexts = document["@context"];
  const first = Array.isArray(contexts) ? contexts[0] : contexts;
  return first === VC_V2 ? 2 : first === VC_V1 ? 1 : undefined;
}

export function contextProblemReason(problem: ContextProblem): string {
  switch (problem.kind) {
    case "unknown-url":
      return `The credential uses a vocabulary Tessera does not recognise (${problem.url}), so what it says cannot be checked.`;
    case "inline":
      return "The credential defines its own vocabulary inline, which could change what its fields mean, so Tessera does not trust it.";
    case "not-a-credential":
      return "This is not a well-formed verifiable credential, so its signature cannot be checked.";
  }
}
