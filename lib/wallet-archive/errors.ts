import { quoteName } from "@/lib/hostile-input/errors";

/**
 * Why a restore was refused, in words for the holder. Nothing was written when this is thrown
 * (the whole restore is one transaction). Messages never quote file contents, only entry names
 * (made safe by quoteName).
 */
export class RestoreRefusedError extends Error {
  override readonly name = "RestoreRefusedError";
}

export function isRestoreRefused(error: unknown): error is RestoreRefusedError {
  return error instanceof Error && error.name === "RestoreRefusedError";
}

export const refuse = (reason: string): never => {
  throw new RestoreRefusedError(reason);
};

export const altered = (entry: string, what: string) =>
  new RestoreRefusedError(
    `${quoteName(entry)} ${what}: the archive was altered or damaged after Tessera made it. Nothing was restored.`,
  );
