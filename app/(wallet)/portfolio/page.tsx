import { FolderOpen } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage() {
  await requireHolder("/portfolio");
  return (
    <>
      <PageHeader title="Portfolio" description="A CV-style PDF of your credentials, and a full export of your wallet that you can take anywhere." />
      <EmptyState icon={FolderOpen} title="Nothing to export yet">
        <p>Once your wallet holds credentials, you can build a portfolio PDF for an application or export everything, original files included.</p>
      </EmptyState>
    </>
  );
}
