import type { ActionResult } from "@/lib/actions/result";

/** A refused server action as an Error, so TanStack Query's onError can roll back and say why. */
export class ActionFailed extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionFailed";
  }
}

const UNREACHABLE = "Tessera could not be reached. Check your connection and try again.";

/** Calls a server action and returns its data, or throws ActionFailed with its message. */
export async function callAction<T>(run: () => Promise<ActionResult<T>>): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await run();
  } catch {
    throw new ActionFailed(UNREACHABLE);
  }
  if (!result.ok) throw new ActionFailed(result.message, result.fieldErrors);
  return result.data;
}

export function failureMessage(error: unknown): string {
  return error instanceof ActionFailed ? error.message : UNREACHABLE;
}
