import type { NormalizedCredential } from "@/lib/credentials/record";
import { formatDay } from "@/components/ui/format";
import { Muted, SafeLink, Section } from "./section";

/** Endorsements as the credential carries them (they are not verified separately). */
export function EndorsementsSection({ record }: { record: NormalizedCredential }) {
  const endorsements = record.endorsements ?? [];
  return (
    <Section id="endorsements" title="Endorsements">
      {endorsements.length === 0 ? (
        <Muted>No one has endorsed this credential.</Muted>
      ) : (
        <>
          <Muted>Endorsements are shown as the credential carries them; Tessera does not check their signatures.</Muted>
          <ul className="mt-3 flex flex-col gap-3">
            {endorsements.map((endorsement, i) => {
              const date = formatDay(endorsement.date);
              return (
                <li key={i} className="wrap-anywhere rounded-xl border border-slate-200 p-3 dark:border-slate-800">
                  <p className="font-medium">{endorsement.issuerName ?? "An unnamed endorser"}</p>
                  {endorsement.issuerId ? (
                    <p className="text-sm text-slate-600 dark:text-slate-400">
                      <SafeLink href={endorsement.issuerId} />
                    </p>
                  ) : null}
                  {endorsement.comment ? (
                    <blockquote className="mt-1 whitespace-pre-line border-l-4 border-slate-300 pl-3 text-slate-800 dark:border-slate-600 dark:text-slate-200">
                      {endorsement.comment}
                    </blockquote>
                  ) : null}
                  {date ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Endorsed on {date}</p> : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}
