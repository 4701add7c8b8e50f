import { ExpiryNotice } from "@/components/credential/expiry-notice";
import { pillState, VerificationPill } from "@/components/credential/verification-pill";
import { formatShortDay, formatWorkload } from "@/components/ui/format";
import { KIND_LABELS } from "@/lib/credentials/record";
import type { SharedCredentialCard as Card } from "@/lib/shares/resolve";
import { expiryOf } from "@/lib/wallet/expiry";
import { CompactChecks } from "./compact-checks";
import { SharedImage } from "./shared-image";
import { VerificationNote } from "./verification-note";

/**
 * One shared credential: what it is, who issued it, and whether it is genuine, check by check.
 * Imported text is rendered as text; the link's name is the credential's title.
 */
export function SharedCredentialCard({
  credential,
  href,
  imageSrc,
  now,
  stale,
}: {
  credential: Card;
  href: string;
  imageSrc: string | null;
  now: Date;
  stale: boolean;
}) {
  const issued = formatShortDay(credential.issuedAt);
  const validUntil = formatShortDay(credential.validUntil);
  const load = formatWorkload(credential.hours, credential.ects);
  const verification = credential.selfReported ? null : credential.verification;
  return (
    <article className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid dark:border-slate-800 dark:bg-slate-900 print:rounded-none print:border-x-0 print:border-t-0 print:shadow-none">
      <SharedImage src={imageSrc} size={64} />
      <div className="min-w-0 flex-1">
        <h2 className="wrap-anywhere text-lg font-semibold leading-snug">
          <a href={href} className="hover:underline focus-visible:underline print:no-underline">
            {credential.title}
          </a>
        </h2>
        <p className="wrap-anywhere text-sm text-slate-700 dark:text-slate-300">{credential.issuerName}</p>
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span>{KIND_LABELS[credential.kind] ?? credential.kind}</span>
          {load ? <span>{load}</span> : null}
          {credential.eqfLevel !== null ? <span>EQF level {credential.eqfLevel}</span> : null}
          {issued ? <span>Issued {issued}</span> : null}
          {validUntil ? <span>Valid until {validUntil}</span> : null}
        </p>
        <p className="mt-2 flex flex-wrap gap-2">
          <VerificationPill state={pillState(verification ? credential.verdict : null, credential.selfReported)} />
          <ExpiryNotice expiry={expiryOf(credential.validUntil, now)} />
        </p>
        {verification ? <CompactChecks result={verification} label={`Checks for ${credential.title}`} /> : null}
        <div className="mt-2">
          <VerificationNote
            checkedAt={verification?.checkedAt ?? null}
            stale={stale}
            selfReported={credential.selfReported}
          />
        </div>
        {credential.note ? (
          <p className="mt-2 whitespace-pre-line wrap-anywhere rounded-lg bg-slate-50 p-2 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-200">
            <span className="font-medium">Note from the holder: </span>
            {credential.note}
          </p>
        ) : null}
      </div>
    </article>
  );
}
