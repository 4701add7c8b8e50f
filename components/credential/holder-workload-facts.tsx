import { formatNumber } from "@/components/ui/format";
import type { NormalizedCredential } from "@/lib/credentials/record";
import type { HolderWorkload } from "@/lib/holder-workload/data";
import { mentionedHoursOf } from "@/lib/holder-workload/mentioned-hours";
import { CreditUnitForm, MentionedHoursOffer, UndoHolderWorkload } from "./holder-workload-controls";
import { amount, unitlessCredits, type HolderWorkloadFacts } from "./workload-section";

/**
 * The workload facts on the holder's own credential page (issue 18): the credential's figures
 * first; where it states none, what the holder set (marked "holder-set", with undo) or what its
 * text mentions (an offer to count it). A credit without a unit waits for the holder to name it.
 */

interface View {
  credentialId: string;
  workload: HolderWorkload | null;
}

const CREDIT_UNIT_WORDS = {
  ects: "ECTS",
  hours: "hours of learning",
  other: "another kind of credit, not counted",
} as const;

/** Hours: the credential's own, else the holder-set hours (with undo), else "Not stated" and any offer. */
function HoursFact({ record, view }: { record: NormalizedCredential; view: View }) {
  const stated = record.workload?.hours;
  if (stated !== undefined) return <>{amount(stated, "hours")}</>;
  const { credentialId, workload: holder } = view;
  const mentioned = mentionedHoursOf(record);
  if (holder?.hours !== null && holder?.hours !== undefined) {
    const fromText = holder.mentionedHours !== null;
    return (
      <>
        {amount(holder.hours, "hours")} (holder-set
        {fromText ? ": the credential’s text mentions them" : ": from its credit"})
        <UndoHolderWorkload
          credentialId={credentialId}
          what={fromText ? "mentioned-hours" : "credit-unit"}
          label="Undo, stop counting them"
        />
      </>
    );
  }
  return (
    <>
      Not stated
      {mentioned ? (
        <MentionedHoursOffer credentialId={credentialId} hours={mentioned.hours} quote={mentioned.quote} />
      ) : null}
    </>
  );
}

/** A credit figure without a unit: shown as such, and counted only once the holder says what it is. */
function CreditsFact({ record, view }: { record: NormalizedCredential; view: View }) {
  const credits = record.workload?.credits;
  if (credits === undefined) return null;
  const figure = `${formatNumber(credits)} ${credits === 1 ? "credit" : "credits"}`;
  const { credentialId, workload: holder } = view;
  if (holder?.creditUnit) {
    return (
      <>
        {figure}: {CREDIT_UNIT_WORDS[holder.creditUnit]} (holder-set)
        <UndoHolderWorkload credentialId={credentialId} what="credit-unit" label="Undo" />
      </>
    );
  }
  return (
    <>
      {unitlessCredits(credits)}
      <CreditUnitForm credentialId={credentialId} />
    </>
  );
}

function EctsFact({ record, view }: { record: NormalizedCredential; view: View }) {
  const stated = record.workload?.ects;
  if (stated !== undefined) return <>{amount(stated, "ECTS")}</>;
  const own = view.workload?.ects ?? null;
  return <>{own !== null ? `${amount(own, "ECTS")} (holder-set: from its credit)` : "Not stated"}</>;
}

export function holderWorkloadFacts(record: NormalizedCredential, view: View): HolderWorkloadFacts {
  return {
    hours: <HoursFact record={record} view={view} />,
    ects: <EctsFact record={record} view={view} />,
    credits: record.workload?.credits !== undefined ? <CreditsFact record={record} view={view} /> : null,
  };
}
