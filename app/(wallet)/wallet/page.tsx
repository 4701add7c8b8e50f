import { FileUp, Plus } from "lucide-react";
import type { Metadata } from "next";
import { CredentialCard } from "@/components/credential/credential-card";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ButtonLink } from "@/components/ui/button";
import { getDb } from "@/db";
import { requireHolder } from "@/lib/auth/session";
import { listCredentialsForHolder } from "@/lib/credentials/data";

export const metadata: Metadata = { title: "Wallet" };

const SUPPORTED = [
  "Open Badges 2.0 and 3.0 (JSON, signed, or baked into PNG/SVG)",
  "CLR 2.0 learner records",
  "W3C Verifiable Credentials",
  "European Digital Credentials",
  "Paper or PDF certificates, marked as self-reported",
];

export default async function WalletPage() {
  const holder = await requireHolder("/wallet");
  const credentials = await listCredentialsForHolder(getDb(), holder.id);
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
        actions={credentials.length > 0 ? addButton : undefined}
      />
      {credentials.length === 0 ? (
        <EmptyState icon={FileUp} title="Your wallet is empty" action={addButton}>
          <p>Add the first credential you have earned. Tessera keeps the original file unchanged and checks it for you.</p>
          <p className="mt-4 text-sm font-medium">You can bring in:</p>
          <ul className="mt-2 list-inside list-disc text-left text-sm">
            {SUPPORTED.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Credentials">
          {credentials.map((credential) => (
            <li key={credential.id}>
              <CredentialCard credential={credential} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
