import type { Metadata } from "next";
import { EMPTY_DRAFT } from "@/components/pathways/goal-draft";
import { GoalForm } from "@/components/pathways/goal-form";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

export const metadata: Metadata = { title: "New goal" };

export default async function NewGoalPage() {
  const holder = await requireHolder("/pathways/goals/new");
  const now = new Date();
  const firstPage = toWalletPageView(await listWallet(getDb(), holder.id, parseWalletQuery({ sort: "title" }), now));
  return (
    <>
      <Breadcrumb href="/pathways" label="Pathways" />
      <PageHeader
        title="New goal"
        description="Your own pathway: the credential you are working toward, and the credentials that build it, from any issuer."
      />
      <Card aria-label="Goal" className="max-w-3xl">
        <GoalForm initial={EMPTY_DRAFT} initialChosen={[]} renderId={now.toISOString()} initialPage={firstPage} />
      </Card>
    </>
  );
}
