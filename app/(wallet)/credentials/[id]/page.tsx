import { Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pillState, VerificationPill } from "@/components/credential/verification-pill";
import { CredentialFacts } from "@/components/credential/credential-facts";
import { CredentialImage } from "@/components/credential/credential-image";
import { Card } from "@/components/ui/card";
import { ChecksList } from "@/components/verification/checks-list";
import { RecheckButton } from "@/components/verification/recheck-button";
import { getDb } from "@/db";
import { requireHolder } from "@/lib/auth/session";
import { getCredentialForHolder } from "@/lib/credentials/data";
import { serverFetch } from "@/lib/credentials/import/deps";
import { KIND_LABELS } from "@/lib/credentials/record";
import { refreshIfStale } from "@/lib/credentials/verify-stored";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/http/ids";

export const metadata: Metadata = { title: "Credential" };

export default async function CredentialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const holder = await requireHolder(`/credentials/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  // A result older than the configured age is refreshed on view (the signature comes from cache).
  await refreshIfStale(db, holder.id, id, env.verifyMaxAgeMinutes, serverFetch()).catch((error: unknown) => console.error("[verify] refresh failed:", error));
  const credential = await getCredentialForHolder(db, holder.id, id);
  if (!credential) notFound();
  const { record } = credential;
  return (
    <article className="flex flex-col gap-6">
      <header className="flex gap-4">
        <CredentialImage credentialId={credential.id} hasImage={credential.imageId !== null} size={96} />
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{KIND_LABELS[record.kind]}</p>
          <h1 className="break-words text-2xl font-bold tracking-tight">{record.title}</h1>
          <p className="text-slate-700 dark:text-slate-300">{record.issuer.name}</p>
          <p className="mt-2">
            <VerificationPill state={pillState(credential.verdict, credential.selfReported)} />
          </p>
        </div>
      </header>

      <Card aria-labelledby="checks-heading">
        <h2 id="checks-heading" className="mb-3 text-lg font-semibold">
          Verification
        </h2>
        {credential.selfReported ? (
          <p>This is a self-reported certificate. Tessera has no signature to check, so it is never shown as verified.</p>
        ) : credential.verification ? (
          <ChecksList result={credential.verification} />
        ) : (
          <p>This credential has not been checked yet.</p>
        )}
        {!credential.selfReported ? (
          <div className="mt-4">
            <RecheckButton credentialId={credential.id} />
          </div>
        ) : null}
      </Card>

      <CredentialFacts record={record} />

      <Card aria-labelledby="original-heading">
        <h2 id="original-heading" className="mb-3 text-lg font-semibold">
          Original file
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">Exactly the bytes you imported ({record.formatLabel}). Anyone can verify it independently.</p>
        <a className="inline-flex items-center gap-2 font-semibold text-brand-700 underline dark:text-brand-300" href={`/api/credentials/${credential.id}/original`} download>
          <Download className="h-4 w-4" aria-hidden="true" />
          Download original
        </a>
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium">Show the credential data</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded-lg bg-slate-100 p-3 text-xs dark:bg-slate-950">{JSON.stringify(credential.payload, null, 2)}</pre>
        </details>
      </Card>
    </article>
  );
}
