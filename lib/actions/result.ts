export type ActionErrorCode =
  "unauthenticated" | "invalid_input" | "not_found" | "conflict" | "rate_limited" | "internal";

export type ActionFailure = {
  ok: false;
  code: ActionErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** Thrown inside an action body for an expected failure; the wrapper turns it into a result. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export const GENERIC_FAILURE_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";
export const SIGNED_OUT_MESSAGE = "Your session has ended. Please sign in again.";
