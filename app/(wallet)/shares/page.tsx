import { Share2 } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Shares" };

export default async function SharesPage() {
  await requireHolder("/shares");
  return (
    <>
      <PageHeader title="Shares" description="Links you have sent to recruiters, employers or regulators. Each one expires, and you can revoke it at any time." />
      <EmptyState icon={Share2} title="You have not shared anything yet">
        <p>Create a link for one credential, a collection or your whole profile. Whoever opens it sees live verification, with no account needed.</p>
      </EmptyState>
    </>
  );
}
