/**
 * What the holder's confirmations add to a credential's workload. Pure. The credential's own
 * figures always win: holder-set hours fill only a gap the credential leaves, so a credential that
 * states hours is never counted twice or overridden.
 */
import type { Workload } from "@/lib/credentials/record";

export type CreditUnit = "ects" | "hours" | "other";

export interface HolderWorkloadInput {
  mentionedHours: number | null;
  creditUnit: CreditUnit | null;
}

export interface CountedHolderWorkload {
  /** Holder-set hours, or null where the credential states hours or the holder set none. */
  hours: number | null;
  ects: number | null;
}

export function countedHolderWorkload(stated: Workload, holder: HolderWorkloadInput): CountedHolderWorkload {
  const credits = stated.credits;
  const hours =
    stated.hours !== undefined
      ? null
      : (holder.mentionedHours ?? (holder.creditUnit === "hours" && credits !== undefined ? credits : null));
  const ects =
    stated.ects !== undefined ? null : holder.creditUnit === "ects" && credits !== undefined ? credits : null;
  return { hours, ects };
}
