import { formatCheckedAt } from "@/components/verification/checks-list";

/**
 * When the result was made, and an honest word when it could not be re-checked just now: a stale
 * result is shown as what it is, the result of an earlier check.
 */
export function VerificationNote({
  checkedAt,
  stale,
  selfReported,
}: {
  checkedAt: string | null;
  stale: boolean;
  selfReported: boolean;
}) {
  if (selfReported)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Self-reported by the holder: there is no signature to check, so it is never shown as verified.
      </p>
    );
  if (!checkedAt)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Not checked yet: Tessera could not check this credential just now.
      </p>
    );
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      Checked {formatCheckedAt(checkedAt)}
      {stale ? ". Tessera could not re-check it just now; this is the result of that earlier check." : ""}
    </p>
  );
}
