import type { ErrorCode, FieldErrors } from "@/lib/errors/domain-error";

export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export const GENERIC_FAILURE_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";
export const SIGNED_OUT_MESSAGE = "Your session has ended. Please sign in again.";
