import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getCurrentHolder } from "@/lib/auth/session";
import { getDb } from "@/lib/runtime/database";
import { createActionDefiners } from "./define-action";
import { logError } from "@/lib/observability/logger";

export const { holderAction, publicAction, holderFormAction, publicFormAction } = createActionDefiners({
  getHolder: getCurrentHolder,
  getDb,
  rethrow: unstable_rethrow,
  logError: (error) => logError("action", "unexpected error in a server action", error),
});
