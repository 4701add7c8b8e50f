import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getCurrentHolder } from "@/lib/auth/session";
import { createActionDefiners } from "./define-action";

export const { holderAction, publicAction } = createActionDefiners({
  getHolder: getCurrentHolder,
  rethrow: unstable_rethrow,
  logError: (error) => console.error("[action]", error),
});

export type { ActionResult } from "./result";
export { ActionError } from "./result";
