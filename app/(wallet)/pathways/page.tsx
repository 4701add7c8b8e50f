import { Layers } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Pathways" };

export default async function PathwaysPage() {
  await requireHolder("/pathways");
  return (
    <>
      <PageHeader title="Pathways" description="See how your badges stack into micro-credentials and nano-degrees, and what is missing." />
      <EmptyState icon={Layers} title="No pathways yet">
        <p>When your wallet holds credentials that build toward a larger qualification, the pathway and your progress appear here.</p>
      </EmptyState>
    </>
  );
}
