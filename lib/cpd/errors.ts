/** An expected refusal from the CPD data layer; actions turn it into an ActionError. */
export class CpdError extends Error {
  constructor(
    readonly code: "not_found" | "invalid_input" | "conflict",
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "CpdError";
  }
}

export const PROFILE_NOT_FOUND = "That requirement profile was not found.";
export const CYCLE_NOT_FOUND = "That cycle was not found.";
export const CREDENTIAL_NOT_FOUND = "That credential was not found in your wallet.";
