import type { CredentialKind } from "@/lib/credentials/record";
import type { Expectation, KindRule, RowExpectation } from "./expectations";

/** What the pipeline did with one file. */
export type Outcome =
  | { status: "imported"; format: string; kind: string; kindReason: string; presentation: boolean }
  | { status: "refused"; message: string }
  /** prepareCandidates is documented to refuse with a message; an exception escaping it is a bug. */
  | { status: "threw"; message: string }
  | { status: "missing" }
  | { status: "not run" };

const KINDS: readonly CredentialKind[] = ["badge", "micro-credential", "nano-degree"];
const RANK = (kind: string) => KINDS.indexOf(kind as CredentialKind);

function kindProblem(kind: string, reason: string, rule: KindRule | undefined): string | undefined {
  if (RANK(kind) < 0) return `kind "${kind}" is not one of ${KINDS.join(", ")}`;
  if (reason.trim() === "") return "kindReason is empty";
  if (rule && "exactly" in rule && kind !== rule.exactly) return `kind ${kind}, README implies ${rule.exactly}`;
  if (rule && "atLeast" in rule && RANK(kind) < RANK(rule.atLeast))
    return `kind ${kind}, README implies at least ${rule.atLeast}`;
  return undefined;
}

/** undefined = conforms; otherwise the mismatch in one line. */
export function judge(expected: Expectation, got: Outcome): string | undefined {
  if (got.status === "missing") return "file listed in the README does not exist";
  if (got.status === "threw") return `prepareCandidates threw instead of refusing: ${got.message}`;
  if (got.status === "not run") return expected.expect === "skip" ? undefined : "not run";
  switch (expected.expect) {
    case "skip":
      return undefined;
    case "import":
      if (got.status !== "imported") return `refused, but the README says it is importable: ${got.message}`;
      if (got.format !== expected.format) return `imported as ${got.format}, expected ${expected.format}`;
      return kindProblem(got.kind, got.kindReason, expected.kind);
    case "refuse":
      if (got.status === "imported")
        return `imported as ${got.format}/${got.kind}, but must be refused (${expected.why})`;
      if (got.message.trim() === "") return "refused without a reason";
      if (expected.mustNotSay?.test(got.message)) return `refused for the wrong reason: ${got.message}`;
      return undefined;
    case "either":
      if (got.status === "refused") return got.message.trim() === "" ? "refused without a reason" : undefined;
      if (expected.format && got.format !== expected.format)
        return `imported as ${got.format}, expected ${expected.format}`;
      return kindProblem(got.kind, got.kindReason, undefined);
  }
}

export function describeExpected(e: RowExpectation): string {
  switch (e.expect) {
    case "unclassified":
      return `UNCLASSIFIED: ${e.why}`;
    case "skip":
      return "not an award (skipped)";
    case "import": {
      const kind = e.kind ? ("exactly" in e.kind ? `/${e.kind.exactly}` : `/≥${e.kind.atLeast}`) : "";
      return `import ${e.format}${kind}`;
    }
    case "refuse":
      return `refuse (${e.why})`;
    case "either":
      return `import${e.format ? ` ${e.format}` : ""} or refuse (${e.why})`;
  }
}

export function describeOutcome(o: Outcome): string {
  switch (o.status) {
    case "imported":
      return `imported: ${o.format}/${o.kind}${o.presentation ? " (presentation)" : ""}`;
    case "refused":
      return `refused: ${o.message}`;
    case "threw":
      return `THREW: ${o.message}`;
    default:
      return o.status === "missing" ? "file missing" : "—";
  }
}
