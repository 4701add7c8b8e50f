import { CircleCheck, CircleX } from "lucide-react";
import type { NormalizedCredential } from "@/lib/credentials/record";
import { euElementsSummary, type EuElementRow } from "./eu-elements";
import { Section, Subheading } from "./section";

function ElementList({ rows, label }: { rows: EuElementRow[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
      {rows.map((row) => (
        <li key={row.key} className="flex items-start gap-2">
          {row.present ? (
            <CircleCheck
              className="mt-0.5 h-5 w-5 shrink-0 text-emerald-700 dark:text-emerald-300"
              aria-hidden="true"
            />
          ) : (
            <CircleX className="mt-0.5 h-5 w-5 shrink-0 text-slate-500 dark:text-slate-400" aria-hidden="true" />
          )}
          <span>
            {row.label}:{" "}
            <span
              className={
                row.present
                  ? "font-semibold text-emerald-800 dark:text-emerald-300"
                  : "font-semibold text-slate-700 dark:text-slate-300"
              }
            >
              {row.present ? "present" : "missing"}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Transparency at a glance: which elements of the Council Recommendation on micro-credentials
 * (2022/C 243/02, Annex I) this credential carries, in words and icons, never colour alone.
 */
export function EuElementsPanel({ record }: { record: NormalizedCredential }) {
  const summary = euElementsSummary(record);
  return (
    <Section id="eu-elements" title="EU micro-credential elements">
      <p className="font-medium">
        <span>
          {summary.mandatoryPresent} of {summary.mandatory.length} mandatory elements present
        </span>
        <span className="text-slate-600 dark:text-slate-400">
          {" · "}
          {summary.optionalPresent} of {summary.optional.length} optional
        </span>
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        What the EU asks a micro-credential to state. A missing element is not an error; it means the issuer did not
        include it.
      </p>
      <Subheading>Mandatory</Subheading>
      <ElementList rows={summary.mandatory} label="Mandatory elements" />
      <Subheading>Optional</Subheading>
      <ElementList rows={summary.optional} label="Optional elements" />
    </Section>
  );
}
