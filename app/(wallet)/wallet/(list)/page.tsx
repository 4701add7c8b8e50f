import { FileUp, FolderHeart, Plus } from "lucide-react";
import type { Metadata } from "next";
import { ReminderCount } from "@/components/cpd/reminder-count";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { ExpiringSoon } from "@/components/wallet/expiring-soon";
import { FirstSteps } from "@/components/wallet/first-steps";
import { firstStepsForHolder } from "@/lib/first-steps/data";
import { SummaryStrip } from "@/components/wallet/summary-strip";
import { WalletBrowser } from "@/components/wallet/wallet-browser";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { listNotificationsForHolder } from "@/lib/cpd/reminders-data";
import { listCollections } from "@/lib/wallet/collections";
import { listWallet, walletFacets, walletSummary } from "@/lib/wallet/list";
import { hasFilters, parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

export const metadata: Metadata = { title: "Wallet" };

const SUPPORTED = [
  "Open Badges 2.0 and 3.0 (JSON, signed, or baked into PNG/SVG)",
  "CLR 2.0 learner records",
  "W3C Verifiable Credentials",
  "European Digital Credentials",
  "Paper or PDF certificates, marked as self-reported",
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function deletedNotice(value: string | string[] | undefined): string | null {
  const title = Array.isArray(value) ? value[0] : value;
  return title ? title.slice(0, 300) : null;
}

export default async function WalletPage({ searchParams }: { searchParams: SearchParams }) {
  const holder = await requireHolder("/wallet");
  const params = await searchParams;
  const query = parseWalletQuery(params);
  const db = getDb();
  const now = new Date();
  const [summary, page, facets, collections, expiringPage, notifications, steps] = await Promise.all([
    walletSummary(db, holder.id, now),
    listWallet(db, holder.id, query, now, { nestParts: true }),
    walletFacets(db, holder.id),
    listCollections(db, holder.id),
    hasFilters(query) ? null : listWallet(db, holder.id, { validity: "expiring", sort: "expiring", page: 1 }, now),
    listNotificationsForHolder(db, holder.id, now),
    firstStepsForHolder(db, holder.id),
  ]);
  const expiring = expiringPage && expiringPage.total > 0 ? expiringPage : null;
  const deleted = deletedNotice(params.deleted);
  const firstName = holder.name?.split(" ")[0];
  const addButton = (
    <ButtonLink href="/import">
      <Plus className="h-4 w-4" aria-hidden="true" />
      Add credentials
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title={firstName ? `${firstName}'s wallet` : "Your wallet"}
        description="Your badges, micro-credentials and certificates, each checked and ready to share."
        actions={
          summary.total > 0 ? (
            <div className="flex flex-wrap gap-2">
              <ReminderCount enabled={notifications.enabled} due={notifications.reminders.length} />
              <ButtonLink href="/wallet/collections" variant="secondary">
                <FolderHeart className="h-4 w-4" aria-hidden="true" />
                Collections
              </ButtonLink>
              {addButton}
            </div>
          ) : undefined
        }
      />
      {deleted ? (
        <div className="mb-4">
          <Alert tone="success">“{deleted}” was deleted from your wallet.</Alert>
        </div>
      ) : null}
      {steps.show ? <FirstSteps steps={steps.steps} /> : null}
      {summary.total === 0 ? (
        <EmptyState icon={FileUp} title="Your wallet is empty" action={addButton}>
          <p>
            Add the first credential you have earned. Tessera keeps the original file unchanged and checks it for you.
          </p>
          <p className="mt-4 text-sm font-medium">You can bring in:</p>
          <ul className="mt-2 list-inside list-disc text-left text-sm">
            {SUPPORTED.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </EmptyState>
      ) : (
        <>
          <SummaryStrip summary={summary} />
          {expiring ? <ExpiringSoon page={toWalletPageView(expiring)} now={now} /> : null}
          <section aria-labelledby="credentials-heading">
            <h2 id="credentials-heading" className="sr-only">
              Credentials
            </h2>
            <WalletBrowser
              renderId={now.toISOString()}
              initialQuery={query}
              initialPage={toWalletPageView(page)}
              facets={facets}
              collections={collections.map(({ id, name }) => ({ id, name }))}
            />
          </section>
        </>
      )}
    </>
  );
}
