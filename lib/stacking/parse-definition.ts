/** One definition: shape (zod), then meaning (definition-checks). See definition.ts. */
import { checkDefinitionMeaning, checkRawLimits } from "./definition-checks";
import { describeIssue } from "./definition-errors";
import { pathwayDefinitionSchema, type PathwayDefinition } from "./definition-schema";

export type ParseResult = { ok: true; definition: PathwayDefinition } | { ok: false; errors: string[] };

/** Largest JSON text accepted; a real definition is a few kilobytes. */
const MAX_JSON_CHARS = 256 * 1024;

/** Checks a definition given as JSON text or as already-parsed JSON. */
export function parsePathwayDefinition(json: unknown): ParseResult {
  let raw = json;
  if (typeof json === "string") {
    if (json.length > MAX_JSON_CHARS)
      return { ok: false, errors: [`The definition is larger than ${MAX_JSON_CHARS / 1024} KB.`] };
    try {
      raw = JSON.parse(json);
    } catch {
      return { ok: false, errors: ["The definition is not valid JSON."] };
    }
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return { ok: false, errors: ["The definition must be a JSON object."] };
  const limitErrors = checkRawLimits(raw);
  if (limitErrors.length > 0) return { ok: false, errors: limitErrors };
  const parsed = pathwayDefinitionSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, errors: unique(parsed.error.issues.map((issue) => describeIssue(issue, raw))) };
  const errors = checkDefinitionMeaning(parsed.data);
  return errors.length > 0 ? { ok: false, errors: unique(errors) } : { ok: true, definition: parsed.data };
}

const unique = (messages: string[]) => [...new Set(messages)];
