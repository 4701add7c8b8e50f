import { z } from "zod";
import type { Database } from "@/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { GENERIC_FAILURE_MESSAGE, SIGNED_OUT_MESSAGE, type ActionResult } from "./result";

export interface ActionHolder {
  id: string;
  email: string;
}

export interface ActionDeps {
  /** Resolves the signed-in holder from the session, or null. */
  getHolder(): Promise<ActionHolder | null>;
  /** The process's database, handed to every handler. */
  getDb(): Database;
  /** Re-throws framework control flow (redirect, notFound) that must not become a result. */
  rethrow(error: unknown): void;
  logError(error: unknown): void;
}

function toInput(raw: unknown): unknown {
  if (typeof FormData !== "undefined" && raw instanceof FormData) {
    const entries: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
    for (const [key, value] of raw.entries()) {
      if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
      const existing = entries[key];
      entries[key] =
        existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    return entries;
  }
  return raw;
}

function failureFromZod(error: z.ZodError): ActionResult<never> {
  const flat = z.flattenError(error);
  const fieldErrors = Object.fromEntries(
    Object.entries(flat.fieldErrors).filter(([, v]) => Array.isArray(v) && v.length > 0),
  ) as Record<string, string[]>;
  const first = error.issues[0]?.message ?? "Please check the form.";
  return { ok: false, code: "invalid_input", message: first, fieldErrors };
}

/**
 * The one shape of every server action (docs/architecture.md convention 1): authenticate, parse with a
 * strict schema, run the handler with `{ holder, db }`, and return a result. A DomainError is an
 * expected failure and comes back as a value with its code, message and field errors; anything
 * else is logged and reported without detail, so nothing secret is echoed.
 */
export function createActionDefiners(deps: ActionDeps) {
  async function run<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
    try {
      return { ok: true, data: await body() };
    } catch (error) {
      deps.rethrow(error);
      if (isDomainError(error)) {
        return {
          ok: false,
          code: error.code,
          message: error.message,
          ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        };
      }
      deps.logError(error);
      return { ok: false, code: "internal", message: GENERIC_FAILURE_MESSAGE };
    }
  }

  function holderAction<S extends z.ZodType, T>(
    schema: S,
    handler: (input: z.output<S>, context: { holder: ActionHolder; db: Database }) => Promise<T>,
  ) {
    return async (raw: unknown): Promise<ActionResult<T>> => {
      const holder = await deps.getHolder();
      if (!holder) return { ok: false, code: "unauthenticated", message: SIGNED_OUT_MESSAGE };
      const parsed = schema.safeParse(toInput(raw));
      if (!parsed.success) return failureFromZod(parsed.error);
      return run(() => handler(parsed.data, { holder, db: deps.getDb() }));
    };
  }

  function publicAction<S extends z.ZodType, T>(
    schema: S,
    handler: (input: z.output<S>, context: { db: Database }) => Promise<T>,
  ) {
    return async (raw: unknown): Promise<ActionResult<T>> => {
      const parsed = schema.safeParse(toInput(raw));
      if (!parsed.success) return failureFromZod(parsed.error);
      return run(() => handler(parsed.data, { db: deps.getDb() }));
    };
  }

  /** The same action in useActionState's shape: (previous state, form data) → result. */
  function asFormAction<T>(action: (raw: unknown) => Promise<ActionResult<T>>) {
    return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => action(formData);
  }

  function holderFormAction<S extends z.ZodType, T>(
    schema: S,
    handler: (input: z.output<S>, context: { holder: ActionHolder; db: Database }) => Promise<T>,
  ) {
    return asFormAction(holderAction(schema, handler));
  }

  function publicFormAction<S extends z.ZodType, T>(
    schema: S,
    handler: (input: z.output<S>, context: { db: Database }) => Promise<T>,
  ) {
    return asFormAction(publicAction(schema, handler));
  }

  return { holderAction, publicAction, holderFormAction, publicFormAction };
}
