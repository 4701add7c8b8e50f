/**
 * Turns zod issues into sentences that name the requirement they are about, so the author of a
 * pathway reads `Requirement "core" (any n of): count must be at least 1` rather than a path.
 */
import type { z } from "zod";
import { TYPE_NAMES } from "./definition-checks";
import type { Requirement } from "./definition-schema";

type Segment = PropertyKey;

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "number",
  boolean: "true or false",
  array: "list",
  object: "object",
};

export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const { requirement, requirementPath, field } = locate(raw, issue.path);
  const fieldName = field.length > 0 ? formatPath(field) : "";
  const message = issueMessage(issue, valueAt(raw, issue.path), fieldName);
  if (requirementPath === undefined) return message;
  const who = describeRequirement(requirement, requirementPath);
  return /^(is|lists|has) /.test(message) ? `${who} ${message}` : `${who}: ${message}`;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown, field: string): string {
  const subject = field === "" ? "it" : field;
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return field === "" ? "is missing" : `${field} is missing`;
      if (field === "" && issue.expected === "object") return "is not an object";
      if (issue.message.startsWith("Invalid input"))
        return `${subject} must be ${TYPE_WORDS[issue.expected] === undefined ? issue.expected : `a ${TYPE_WORDS[issue.expected]}`}`;
      return issue.message;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "an unknown field" : "unknown fields"} ${issue.keys.map((k) => `"${k}"`).join(", ")}${field === "" ? "" : ` in ${field}`}`;
    default:
      return issue.message;
  }
}

function describeRequirement(requirement: unknown, path: Segment[]): string {
  const { id, type } = (requirement ?? {}) as { id?: unknown; type?: unknown };
  const typeName =
    typeof type === "string" && type in TYPE_NAMES ? ` (${TYPE_NAMES[type as Requirement["type"]]})` : "";
  return typeof id === "string" && id !== ""
    ? `Requirement "${id}"${typeName}`
    : `Requirement at ${formatPath(path)}${typeName}`;
}

/** Follows the path through the raw JSON, remembering the innermost requirement it passed. */
function locate(
  raw: unknown,
  path: readonly Segment[],
): { requirement: unknown; requirementPath?: Segment[]; field: Segment[] } {
  let current: unknown = raw;
  let requirement: unknown;
  let requirementPath: Segment[] | undefined;
  let field: Segment[] = [];
  path.forEach((segment, i) => {
    current = step(current, segment);
    const entersRequirement =
      (i === 0 && segment === "requirements") || (typeof segment === "number" && path[i - 1] === "children");
    if (entersRequirement) {
      requirement = current;
      requirementPath = path.slice(0, i + 1);
      field = [];
    } else field.push(segment);
  });
  return { requirement, requirementPath, field };
}

function step(value: unknown, segment: Segment): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return (value as Record<PropertyKey, unknown>)[segment];
}

function valueAt(raw: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>((value, segment) => step(value, segment), raw);
}

function formatPath(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}${String(s)}`)).join("");
}
