import Link from "next/link";
import { CredentialImage } from "@/components/credential/credential-image";
import { pillState, VerificationPill } from "@/components/credential/verification-pill";
import { KIND_LABELS } from "@/lib/credentials/record";
import { ExpiryNotice } from "@/components/credential/expiry-notice";
import { expiryOf } from "@/lib/wallet/expiry";
import type { WalletCardView } from "@/lib/wallet/view";
import { formatShortDay, formatWorkload } from "@/components/ui/format";

/**
 * The credentials that came inside this one (a CLR's achievements), folded under it: a native
 * <details>, so it opens from the keyboard and screen readers announce it as expandable.
 */
function PartsOfWhole({ whole, parts }: { whole: WalletCardView; parts: WalletCardView[] }) {
  return (
    <details className="mt-3 rounded-lg border border-slate-200 dark:border-slate-700">
      <summary className="min-h-11 cursor-pointer px-3 py-2 text-sm font-semibold">
        {parts.length === 1 ? "1 credential inside" : `${parts.length} credentials inside`}
      </summary>
      <ul aria-label={`Inside ${whole.title}`} className="flex flex-col gap-2 px-3 pb-3">
        {parts.map((part) => {
          const load = formatWorkload(part.hours, part.ects, { hours: part.holderHours, ects: part.holderEcts });
          return (
            <li key={part.id} className="min-w-0 border-t border-slate-200 pt-2 text-sm dark:border-slate-700">
              <Link
                href={`/credentials/${part.id}`}
                className="wrap-anywhere font-medium hover:underline focus-visible:underline"
              >
                {part.title}
              </Link>
              <p className="flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-400">
                <span>{KIND_LABELS[part.kind] ?? part.kind}</span>
                {load ? <span>{load}</span> : null}
                <span>
                  <VerificationPill state={pillState(part.verdict, part.selfReported)} />
                </span>
              </p>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/**
 * One credential in the wallet. The link's name is the credential's title (what a screen reader
 * lists); imported text is rendered as text, never as HTML.
 */
export function WalletCard({ credential, now }: { credential: WalletCardView; now: Date }) {
  const issued = formatShortDay(credential.issuedAt);
  const load = formatWorkload(credential.hours, credential.ects, {
    hours: credential.holderHours,
    ects: credential.holderEcts,
  });
  const expiry = expiryOf(credential.validUntil, now);
  return (
    <article className="flex h-full gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <CredentialImage credentialId={credential.id} hasImage={credential.hasImage} size={64} />
      <div className="min-w-0 flex-1">
        <h3 className="wrap-anywhere font-semibold leading-snug">
          <Link href={`/credentials/${credential.id}`} className="hover:underline focus-visible:underline">
            {credential.title}
          </Link>
        </h3>
        <p className="truncate text-sm text-slate-700 dark:text-slate-300">{credential.issuerName}</p>
        {credential.parentId && credential.parentTitle ? (
          <p className="wrap-anywhere text-sm text-slate-700 dark:text-slate-300">
            Part of{" "}
            <Link href={`/credentials/${credential.parentId}`} className="underline underline-offset-2">
              {credential.parentTitle}
            </Link>
          </p>
        ) : null}
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span>{KIND_LABELS[credential.kind] ?? credential.kind}</span>
          {load ? <span>{load}</span> : null}
          {issued ? <span>Issued {issued}</span> : null}
        </p>
        <p className="mt-2 flex flex-wrap gap-2">
          <VerificationPill state={pillState(credential.verdict, credential.selfReported)} />
          <ExpiryNotice expiry={expiry} />
        </p>
        {credential.holderTags.length > 0 ? (
          <ul className="mt-2 flex flex-wrap gap-1" aria-label="Your tags">
            {credential.holderTags.map((tag) => (
              <li
                key={tag}
                className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-900 dark:bg-slate-800 dark:text-brand-100"
              >
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        {credential.parts && credential.parts.length > 0 ? (
          <PartsOfWhole whole={credential} parts={credential.parts} />
        ) : null}
      </div>
    </article>
  );
}
