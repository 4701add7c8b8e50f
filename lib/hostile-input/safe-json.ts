import sjson from "secure-json-parse";
import { InputRejectedError, MB } from "./errors";
import { readText } from "./text";

export const JSON_LIMITS = {
  maxBytes: 2 * MB,
  /** Real credentials nest about 15 deep (EDC is the deepest); 64 leaves room without risk. */
  maxDepth: 64,
  /** Containers plus commas, an upper bound on the number of values. */
  maxValues: 200_000,
} as const;

export interface JsonLimits {
  maxBytes?: number;
  maxDepth?: number;
  maxValues?: number;
}

/**
 * Parse imported JSON (docs/threat-model.md D1, D2). Size, depth and count are checked by a linear scan
 * BEFORE JSON.parse, so a 10,000-deep nesting or a million-element array is refused in
 * microseconds without building anything; `__proto__` and `constructor.prototype` keys are
 * refused by secure-json-parse.
 */
export function parseSafeJson(input: string | Uint8Array, limits: JsonLimits = {}): unknown {
  const { maxBytes, maxDepth, maxValues } = { ...JSON_LIMITS, ...limits };
  const text = readText(input, maxBytes);
  if (text.trim() === "") throw new InputRejectedError("not_json", "The file is empty; there is no JSON in it.");
  const complete = scanShape(text, maxDepth, maxValues);
  try {
    return sjson.parse(text, null, { protoAction: "error", constructorAction: "error" });
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (message.includes("forbidden prototype property")) {
      throw new InputRejectedError(
        "prototype_pollution",
        "This JSON contains a “__proto__” or “constructor.prototype” key, which Tessera refuses for safety.",
      );
    }
    if (isTruncation(message, text, complete)) {
      throw new InputRejectedError(
        "truncated_json",
        "The file ends before the JSON is complete. It may have been cut off while downloading or copying.",
      );
    }
    throw new InputRejectedError("not_json", "This is not valid JSON.");
  }
}

/** Returns whether every string and bracket was closed; throws on the depth and count caps. */
function scanShape(text: string, maxDepth: number, maxValues: number): boolean {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth)
        throw new InputRejectedError(
          "too_deep",
          `This JSON is nested more than ${maxDepth} levels deep, which no credential needs.`,
        );
      values++;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && ++values > maxValues) {
      throw new InputRejectedError(
        "too_many_values",
        `This JSON holds more than ${maxValues.toLocaleString("en")} values, which no credential needs.`,
      );
    }
  }
  return !inString && depth <= 0;
}

/** V8 reports "Unexpected end of JSON input", or an error positioned at the very end of the text. */
function isTruncation(message: string, text: string, complete: boolean): boolean {
  if (/end of JSON input/i.test(message)) return true;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position) >= text.trimEnd().length;
  return !complete;
}
