import { DomainError } from "@/lib/errors/domain-error";
import { quoteName } from "@/lib/hostile-input/errors";

/**
 * Why a restore was refused, in words for the holder: a DomainError ("refused"). Nothing was
 * written when it is thrown (the whole restore is one transaction). Messages never quote file
 * contents, only entry names (made safe by quoteName).
 */
export const restoreRefused = (reason: string) => new DomainError("refused", reason);

export const refuse = (reason: string): never => {
  throw restoreRefused(reason);
};

export const altered = (entry: string, what: string) =>
  restoreRefused(
    `${quoteName(entry)} ${what}: the archive was altered or damaged after Tessera made it. Nothing was restored.`,
  );
