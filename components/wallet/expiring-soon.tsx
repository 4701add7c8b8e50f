import { CalendarClock } from "lucide-react";
import Link from "next/link";
import { ExpiryNotice } from "@/components/credential/expiry-notice";
import { expiryOf } from "@/lib/wallet/expiry";
import type { WalletPageView } from "@/lib/wallet/view";

const SHOWN = 5;

/** The credentials that need renewing soonest, above everything else on the wallet's home. */
export function ExpiringSoon({ page, now }: { page: WalletPageView; now: Date }) {
  return (
    <section
      aria-labelledby="expiring-heading"
      className="mb-6 rounded-2xl border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h2 id="expiring-heading" className="flex items-center gap-2 font-semibold text-amber-950 dark:text-amber-100">
        <CalendarClock className="h-5 w-5" aria-hidden="true" />
        Expiring within 90 days
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {page.items.slice(0, SHOWN).map((credential) => (
          <li key={credential.id} className="flex flex-wrap items-center justify-between gap-2">
            <Link
              href={`/credentials/${credential.id}`}
              className="font-medium text-slate-900 underline dark:text-slate-100"
            >
              {credential.title}
            </Link>
            <ExpiryNotice expiry={expiryOf(credential.validUntil, now)} />
          </li>
        ))}
      </ul>
      {page.total > SHOWN ? (
        <p className="mt-2 text-sm">
          <Link
            href="/wallet?validity=expiring&sort=expiring"
            className="font-semibold text-slate-900 underline dark:text-slate-100"
          >
            See all {page.total} expiring credentials
          </Link>
        </p>
      ) : null}
    </section>
  );
}
