import { FileUp } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Wallet" };

const SUPPORTED = ["Open Badges 2.0 and 3.0 (JSON, signed, or baked into PNG/SVG)", "CLR 2.0 learner records", "W3C Verifiable Credentials", "European Digital Credentials", "Paper or PDF certificates, marked as self-reported"];

export default async function WalletPage() {
  const holder = await requireHolder("/wallet");
  const firstName = holder.name?.split(" ")[0];
  return (
    <>
      <PageHeader title={firstName ? `${firstName}'s wallet` : "Your wallet"} description="Your badges, micro-credentials and certificates, each checked and ready to share." />
      <EmptyState icon={FileUp} title="Your wallet is empty">
        <p>Add the first credential you have earned. Tessera keeps the original file unchanged and checks it for you.</p>
        <p className="mt-4 text-sm font-medium">You can bring in:</p>
        <ul className="mt-2 list-inside list-disc text-left text-sm">
          {SUPPORTED.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
