import { NotACredentialError, isNotACredential } from "./errors";
import type { Env, InterpretedCredential } from "./types";

/** Presentation in a CLR in a presentation is plenty; deeper nesting is refused, not followed. */
export const MAX_DEPTH = 4;
/** Per container, and in total for one import (Env.budget.credentials). */
export const MAX_CHILDREN = 100;

export interface ChildResults {
  children: InterpretedCredential[];
  skipped: NonNullable<InterpretedCredential["skipped"]>;
}

/**
 * Interprets the credentials inside a CLR or presentation one by one. One unreadable entry is
 * reported in `skipped` and does not sink the others; errors that are not refusals (bugs,
 * resolver failures we did not expect) still propagate.
 */
export async function interpretChildren(entries: unknown[], env: Env, extra: Partial<Env> = {}): Promise<ChildResults> {
  if (env.depth + 1 > MAX_DEPTH) {
    throw new NotACredentialError(
      "too_deeply_nested",
      "This credential wraps credentials inside credentials more deeply than any real one does, so Tessera stops reading it.",
    );
  }
  const results: ChildResults = { children: [], skipped: [] };
  for (const [index, entry] of entries.slice(0, MAX_CHILDREN).entries()) {
    if (--env.budget.credentials < 0) {
      results.skipped.push({
        index,
        reason: "too_deeply_nested",
        message: "There are more credentials inside this one than Tessera reads in one import.",
      });
      break;
    }
    try {
      results.children.push(
        await env.nested(entry, {
          ...env,
          depth: env.depth + 1,
          envelope: undefined,
          associations: undefined,
          ...extra,
        }),
      );
    } catch (error) {
      if (!isNotACredential(error)) throw error;
      results.skipped.push({ index, reason: error.reason, message: error.message });
    }
  }
  if (entries.length > MAX_CHILDREN) {
    results.skipped.push({
      index: MAX_CHILDREN,
      reason: "invalid_field",
      message: `Only the first ${MAX_CHILDREN} credentials inside this one were read.`,
    });
  }
  return results;
}
