import { getLocale, getTranslations } from "next-intl/server";
import { ExpiryNotice } from "@/components/credential/expiry-notice";
import { pillState, VerificationPill } from "@/components/credential/verification-pill";
import type { VerificationWords } from "@/components/verification/verification-words";
import { formattersFor } from "@/lib/i18n/format";
import { KIND_KEYS } from "@/lib/i18n/kinds";
import type { SharedCredentialCard as Card } from "@/lib/shares/resolve";
import { expiryOf } from "@/lib/wallet/expiry";
import { CompactChecks } from "./compact-checks";
import { expiryLabel } from "./expiry-label";
import { SharedImage } from "./shared-image";
import { VerificationNote } from "./verification-note";

/**
 * One shared credential: what it is, who issued it, and whether it is genuine, check by check.
 * Imported text is rendered as text, isolated (dir="auto", <bdi>) so a title in another script or
 * with bidi controls never reorders the words around it; the link's name is the credential's title.
 */
export async function SharedCredentialCard({
  credential,
  href,
  imageSrc,
  now,
  stale,
  words,
}: {
  credential: Card;
  href: string;
  imageSrc: string | null;
  now: Date;
  stale: boolean;
  words: VerificationWords;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  const f = formattersFor(locale);
  const issued = f.shortDay(credential.issuedAt);
  const validUntil = f.shortDay(credential.validUntil);
  const load = f.workload(credential.hours, credential.ects);
  const verification = credential.selfReported ? null : credential.verification;
  const expiry = expiryOf(credential.validUntil, now);
  const expiryText = await expiryLabel(expiry);
  const state = pillState(verification ? credential.verdict : null, credential.selfReported);
  return (
    <article className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid dark:border-slate-800 dark:bg-slate-900 print:rounded-none print:border-x-0 print:border-t-0 print:shadow-none">
      <SharedImage src={imageSrc} size={64} />
      <div className="min-w-0 flex-1">
        <h2 className="wrap-anywhere text-lg font-semibold leading-snug">
          <a href={href} dir="auto" className="hover:underline focus-visible:underline print:no-underline">
            {credential.title}
          </a>
        </h2>
        <p dir="auto" className="wrap-anywhere text-sm text-slate-700 dark:text-slate-300">
          {credential.issuerName}
        </p>
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span>{t(KIND_KEYS[credential.kind])}</span>
          {load ? <span>{load}</span> : null}
          {credential.eqfLevel !== null ? (
            <span>{t("share.eqfLevel", { level: f.number(credential.eqfLevel) })}</span>
          ) : null}
          {issued ? <span>{t("share.issuedOn", { date: issued })}</span> : null}
          {validUntil ? <span>{t("share.validUntil", { date: validUntil })}</span> : null}
        </p>
        <p className="mt-2 flex flex-wrap gap-2">
          <VerificationPill state={state} label={words.pills[state]} />
          <ExpiryNotice expiry={expiry} label={expiryText} />
        </p>
        {verification ? (
          <CompactChecks
            result={verification}
            label={t("share.checksFor", { title: credential.title })}
            words={words}
          />
        ) : null}
        <div className="mt-2">
          <VerificationNote
            checkedAt={verification?.checkedAt ?? null}
            stale={stale}
            selfReported={credential.selfReported}
          />
        </div>
        {credential.note ? (
          <p className="mt-2 whitespace-pre-line wrap-anywhere rounded-lg bg-slate-50 p-2 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-200">
            <span className="font-medium">{t("share.noteFromHolder")} </span>
            <bdi>{credential.note}</bdi>
          </p>
        ) : null}
      </div>
    </article>
  );
}
