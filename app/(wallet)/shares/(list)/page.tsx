import { Plus, Share2 } from "lucide-react";
import type { Metadata } from "next";
import { Announcer } from "@/components/shares/announcer";
import { ShareCard } from "@/components/shares/share-card";
import { SharesExplainer } from "@/components/shares/shares-explainer";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ButtonLink } from "@/components/ui/button";
import { plural } from "@/components/ui/format";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { serverNow } from "@/lib/clock";
import { listShares } from "@/lib/shares/data";

export const metadata: Metadata = { title: "Shares" };

const DESCRIPTION =
  "Links you send to recruiters, employers or regulators. Each link has its own end date, separate from your credentials’ expiry, and you can revoke it at any time.";

export default async function SharesPage() {
  const holder = await requireHolder("/shares");
  const now = serverNow();
  const shares = await listShares(getDb(), holder.id, now);
  // One "New share link" on the page: in the header, or in the empty state.
  const newLink = (
    <ButtonLink href="/shares/new">
      <Plus className="h-4 w-4" aria-hidden="true" />
      New share link
    </ButtonLink>
  );

  if (shares.length === 0) {
    return (
      <>
        <Announcer />
        <PageHeader title="Shares" description={DESCRIPTION} />
        <EmptyState icon={Share2} title="You have not shared anything yet" action={newLink}>
          <p>
            Create a link for one credential, a selection, a collection or your whole profile. Whoever opens it sees
            each credential checked live, with no account needed.
          </p>
          <SharesExplainer />
        </EmptyState>
      </>
    );
  }

  const working = shares.filter((share) => share.state === "active").length;
  return (
    <>
      {/* First in both branches, so deleting the last link keeps the region that says so. */}
      <Announcer />
      <PageHeader title="Shares" description={DESCRIPTION} actions={newLink} />
      <section aria-labelledby="shares-list-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="shares-list-heading" tabIndex={-1} className="text-lg font-semibold">
            Your links
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {plural(shares.length, "link")}, {working} working
          </p>
        </div>
        <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {shares.map((share) => (
            <li key={share.id} className="min-w-0">
              <ShareCard share={share} now={now} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
