import { Share2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CertifiesSection } from "@/components/credential/certifies-section";
import { CollectionsPicker } from "@/components/credential/collections-picker";
import { CredentialImage } from "@/components/credential/credential-image";
import { DeleteCredential } from "@/components/credential/delete-credential";
import { EndorsementsSection } from "@/components/credential/endorsements-section";
import { EuElementsPanel } from "@/components/credential/eu-elements-panel";
import { EvidenceSection } from "@/components/credential/evidence-section";
import { ExpiryNotice } from "@/components/credential/expiry-notice";
import { IssuedSection } from "@/components/credential/issued-section";
import { NoteEditor } from "@/components/credential/note-editor";
import { OriginalFileSection } from "@/components/credential/original-file-section";
import { Section, Subheading } from "@/components/credential/section";
import { TagEditor } from "@/components/credential/tag-editor";
import { pillState, VerificationPill } from "@/components/credential/verification-pill";
import { UnconfirmedRecipient } from "@/components/credential/unconfirmed-recipient";
import { WorkloadSection } from "@/components/credential/workload-section";
import { holderWorkloadFacts } from "@/components/credential/holder-workload-facts";
import { CountsToward } from "@/components/pathways/counts-toward";
import { ShowToRecruiter } from "@/components/shares/show-to-recruiter";
import { ButtonLink } from "@/components/ui/button";
import { ChecksList } from "@/components/verification/checks-list";
import { RecheckButton } from "@/components/verification/recheck-button";
import { getDb } from "@/lib/runtime/database";
import { getCurrentHolder, requireHolder } from "@/lib/auth/session";
import { getCredentialForHolder } from "@/lib/credential-store/data";
import { listEvidenceFilesForHolder } from "@/lib/credential-store/evidence";
import { serverFetch } from "@/lib/runtime/fetch";
import { KIND_LABELS } from "@/lib/credentials/record";
import { refreshIfStale } from "@/lib/credential-store/verify-stored";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/http/ids";
import { collectionIdsForCredential, listCollections } from "@/lib/wallet/collections";
import { countChildrenForHolder } from "@/lib/credential-store/delete";
import { pathwaysCountingCredential } from "@/lib/stacking/data";
import { expiryOf } from "@/lib/wallet/expiry";
import { confirmedEmailsOf } from "@/lib/identities/emails-data";
import { unconfirmedRecipientEmails } from "@/lib/identities/unconfirmed-recipient";
import { getHolderWorkload } from "@/lib/holder-workload/data";
import { holderDataFor } from "./holder-data";
import { logError } from "@/lib/observability/logger";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const holder = await getCurrentHolder();
  const data = holder && isUuid(id) ? await holderDataFor(holder.id, id) : null;
  return { title: data?.title ?? "Credential" };
}

export default async function CredentialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const holder = await requireHolder(`/credentials/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  // A result older than the configured age is refreshed on view (the signature comes from cache).
  await refreshIfStale(db, holder.id, id, env.verifyMaxAgeMinutes, serverFetch()).catch((error: unknown) =>
    logError("verify", "refresh failed", error),
  );
  // Every read is scoped by the holder: another holder's id finds nothing and is a plain 404.
  const [credential, holderData, files, collections, memberOf, childCount, pathways, myEmails, holderWorkload] =
    await Promise.all([
      getCredentialForHolder(db, holder.id, id),
      holderDataFor(holder.id, id),
      listEvidenceFilesForHolder(db, holder.id, id),
      listCollections(db, holder.id),
      collectionIdsForCredential(db, holder.id, id),
      countChildrenForHolder(db, holder.id, id),
      // A failure here shows as "could not be worked out" in its section, never as a broken page.
      pathwaysCountingCredential(db, holder.id, id).catch((error: unknown) => {
        logError("pathways", "counts toward failed", error);
        return null;
      }),
      confirmedEmailsOf(db, holder.id),
      getHolderWorkload(db, holder.id, id),
    ]);
  if (!credential || !holderData) notFound();
  const { record } = credential;
  const expiry = expiryOf(holderData.validUntil, new Date());
  const recipientFailed = credential.verification?.checks.some(
    (check) => check.id === "recipient" && check.status === "failed",
  );
  const addressesToConfirm = recipientFailed ? unconfirmedRecipientEmails(record.recipient, myEmails) : [];
  return (
    <>
      <article className="flex flex-col gap-6">
        <header className="flex gap-4">
          <CredentialImage credentialId={credential.id} hasImage={credential.imageId !== null} size={96} />
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
              {KIND_LABELS[record.kind] ?? record.kind}
            </p>
            <h1 className="wrap-anywhere text-2xl font-bold tracking-tight">{record.title}</h1>
            <p className="wrap-anywhere text-slate-700 dark:text-slate-300">{record.issuer.name}</p>
            <p className="mt-2 flex flex-wrap gap-2">
              <VerificationPill state={pillState(credential.verdict, credential.selfReported)} />
              <ExpiryNotice expiry={expiry} />
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <ButtonLink href={`/shares/new?credential=${credential.id}`} variant="secondary">
                <Share2 className="h-4 w-4" aria-hidden="true" />
                Share this credential
              </ButtonLink>
              <ShowToRecruiter credentialId={credential.id} title={record.title} />
            </div>
          </div>
        </header>

        <CertifiesSection record={record} />
        <IssuedSection record={record} />
        <WorkloadSection
          record={record}
          holder={holderWorkloadFacts(record, { credentialId: credential.id, workload: holderWorkload })}
        />
        <EuElementsPanel record={record} />
        <CountsToward pathways={pathways} credentialId={credential.id} />

        <Section id="checks" title="Verification">
          {credential.selfReported ? (
            <p>
              This is a self-reported certificate. Tessera has no signature to check, so it is never shown as verified.
            </p>
          ) : credential.verification ? (
            <>
              <ChecksList result={credential.verification} />
              {addressesToConfirm.length > 0 ? (
                <UnconfirmedRecipient emails={addressesToConfirm} />
              ) : recipientFailed ? (
                <p className="mt-4 text-slate-700 dark:text-slate-300">
                  Issued to another address of yours? Add and confirm it in{" "}
                  <Link href="/settings" className="font-semibold text-brand-700 underline dark:text-brand-300">
                    Settings
                  </Link>{" "}
                  to show this credential is yours.
                </p>
              ) : null}
            </>
          ) : (
            <p>This credential has not been checked yet.</p>
          )}
          {!credential.selfReported ? (
            <div className="mt-4">
              <RecheckButton credentialId={credential.id} />
            </div>
          ) : null}
        </Section>

        <EvidenceSection credentialId={credential.id} record={record} files={files} />
        <EndorsementsSection record={record} />

        <Section id="notes" title="Your notes and tags">
          <NoteEditor credentialId={credential.id} initialNote={holderData.note ?? ""} />
          <Subheading>Tags</Subheading>
          <TagEditor credentialId={credential.id} initialTags={holderData.tags} />
        </Section>

        <Section id="collections" title="Collections">
          <CollectionsPicker
            credentialId={credential.id}
            collections={collections.map(({ id: collectionId, name }) => ({ id: collectionId, name }))}
            memberOf={memberOf}
          />
        </Section>

        <OriginalFileSection credentialId={credential.id} record={record} payload={credential.payload} />

        <Section id="danger" title="Delete this credential">
          <DeleteCredential
            credentialId={credential.id}
            title={credential.title}
            collectionCount={memberOf.length}
            childCount={childCount}
          />
        </Section>
      </article>
    </>
  );
}
