import Link from "next/link";
import type { CredentialSummary } from "@/lib/credentials/data";
import { KIND_LABELS, type CredentialKind } from "@/lib/credentials/record";
import { CredentialImage } from "./credential-image";
import { pillState, VerificationPill } from "./verification-pill";

function formatDate(date: Date | null): string | null {
  return date ? date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) : null;
}

function workload(hours: number | null, ects: number | null): string | null {
  const parts = [hours !== null ? `${hours} h` : null, ects !== null ? `${ects} ECTS` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** One credential in the wallet list. Imported text is rendered as text, never as HTML. */
export function CredentialCard({ credential }: { credential: CredentialSummary }) {
  const issued = formatDate(credential.issuedAt);
  const load = workload(credential.hours, credential.ects);
  return (
    <article className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <CredentialImage credentialId={credential.id} hasImage={credential.hasImage} size={64} />
      <div className="min-w-0 flex-1">
        <h2 className="break-words font-semibold leading-snug">
          <Link href={`/credentials/${credential.id}`} className="hover:underline focus-visible:underline">
            {credential.title}
          </Link>
        </h2>
        <p className="truncate text-sm text-slate-700 dark:text-slate-300">{credential.issuerName}</p>
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span>{KIND_LABELS[credential.kind as CredentialKind] ?? credential.kind}</span>
          {load ? <span>{load}</span> : null}
          {issued ? <span>Issued {issued}</span> : null}
        </p>
        <p className="mt-2">
          <VerificationPill state={pillState(credential.verdict, credential.selfReported)} />
        </p>
      </div>
    </article>
  );
}
