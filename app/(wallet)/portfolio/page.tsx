import { FolderOpen } from "lucide-react";
import type { Metadata } from "next";
import { Suspense } from "react";
import { WalletArchiveSection } from "@/components/wallet-archive/wallet-archive-section";
import { PortfolioForm } from "@/components/portfolio/portfolio-form";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { getHolderProfile } from "@/lib/holders/data";
import { exportOverview } from "@/lib/wallet-archive/overview";
import { listCollections } from "@/lib/wallet/collections";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage() {
  const holder = await requireHolder("/portfolio");
  const db = getDb();
  const now = new Date();
  const [collections, firstPage, profile] = await Promise.all([
    listCollections(db, holder.id),
    listWallet(db, holder.id, parseWalletQuery({ sort: "title" }), now),
    getHolderProfile(db, holder.id),
  ]);

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="A CV-style PDF of your credentials, and a full export of your wallet that you can take anywhere."
      />
      {firstPage.total === 0 ? (
        <EmptyState icon={FolderOpen} title="No credentials for a portfolio yet">
          <p>
            Once your wallet holds credentials, you can build a portfolio PDF for an application. Moving from another
            Tessera? Restore your wallet export below.
          </p>
        </EmptyState>
      ) : (
        <Card className="max-w-3xl" aria-labelledby="portfolio-pdf-heading">
          <h2 id="portfolio-pdf-heading" className="text-lg font-semibold">
            Portfolio PDF
          </h2>
          <p className="mb-6 mt-1 text-sm text-slate-700 dark:text-slate-300">
            Choose credentials, then download a PDF or print the page. Each credential carries a QR code to its page on
            a share link, where an employer sees it checked again, live.
          </p>
          <PortfolioForm
            collections={collections.map(({ id, name, count }) => ({ id, name, count }))}
            renderId={now.toISOString()}
            initialPage={toWalletPageView(firstPage)}
            profileName={holder.name ?? holder.email}
            profileProfession={profile?.profession ?? null}
          />
        </Card>
      )}
      <div className="mt-6 max-w-3xl">
        {/* The export overview reads the whole wallet's sizes: the PDF form does not wait for it. */}
        <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading your wallet export…</p>}>
          <WalletArchiveSection overview={exportOverview(db, holder.id)} />
        </Suspense>
      </div>
    </>
  );
}
