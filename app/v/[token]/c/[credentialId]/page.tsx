import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CertifiesSection } from "@/components/credential/certifies-section";
import { EndorsementsSection } from "@/components/credential/endorsements-section";
import { EuElementsPanel } from "@/components/credential/eu-elements-panel";
import { EvidenceList } from "@/components/credential/evidence-section";
import { ExpiryNotice } from "@/components/credential/expiry-notice";
import { IssuedSection } from "@/components/credential/issued-section";
import { Section } from "@/components/credential/section";
import { pillState, VerificationPill } from "@/components/credential/verification-pill";
import { WorkloadSection } from "@/components/credential/workload-section";
import { StaticPrintButton } from "@/components/share-page/static-print-button";
import { PrintFooter } from "@/components/share-page/print-footer";
import { ShareBrand } from "@/components/share-page/share-brand";
import { SharedDownloadSection } from "@/components/share-page/shared-download-section";
import { SharedImage } from "@/components/share-page/shared-image";
import { ShareUnavailable } from "@/components/share-page/share-unavailable";
import { VerificationNote } from "@/components/share-page/verification-note";
import { ChecksList } from "@/components/verification/checks-list";
import { KIND_LABELS } from "@/lib/credentials/record";
import { env } from "@/lib/env";
import { needsRecheck } from "@/lib/shares/freshness";
import {
  sharedCredentialPath,
  sharedEvidencePath,
  sharedImagePath,
  sharedOriginalPath,
  sharePagePath,
} from "@/lib/shares/paths";
import { countShareView } from "@/lib/runtime/share-views";
import { expiryOf } from "@/lib/wallet/expiry";
import { loadSharedCredential } from "../../share-data";

type Props = { params: Promise<{ token: string; credentialId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token, credentialId } = await params;
  const { resolution } = await loadSharedCredential(token, credentialId);
  if (resolution.status !== "ok") return { title: "Shared credential" };
  const name = resolution.holder.name ?? "A Tessera holder";
  const title = `${resolution.credential.title} · shared by ${name}`;
  const description = `Issued by ${resolution.credential.issuerName}; checked live through Tessera when the page opens.`;
  return {
    title,
    description,
    openGraph: { title, description, type: "website", siteName: "Tessera" },
    twitter: { card: "summary", title, description },
  };
}

/** One shared credential in full: the checks first, then what it certifies and the EU elements. */
export default async function SharedCredentialPage({ params }: Props) {
  const { token, credentialId } = await params;
  const { resolution, download, now } = await loadSharedCredential(token, credentialId);
  if (resolution.status === "not-found") notFound();
  if (resolution.status !== "ok") return <ShareUnavailable problem={resolution.status} />;
  const { share, holder, credential } = resolution;
  countShareView(share.id);
  const { record } = credential;
  const verification = credential.selfReported ? null : credential.verification;
  const url = `${env.appUrl}${sharedCredentialPath(token, credential.id)}`;
  const stale = needsRecheck(credential, now, env.verifyMaxAgeMinutes);
  return (
    <>
      <ShareBrand>
        <StaticPrintButton nonce={(await headers()).get("x-nonce")} />
      </ShareBrand>
      <main id="main" className="flex flex-col gap-6 pb-16">
        <p className="print:hidden">
          <a
            href={sharePagePath(token)}
            className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
          >
            <ArrowLeft className="h-4 w-4" aria-hidden="true" />
            All credentials shared by {holder.name ?? "this holder"}
          </a>
        </p>
        <header className="flex gap-4">
          <SharedImage src={credential.hasImage ? sharedImagePath(token, credential.id) : null} size={96} />
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
              {KIND_LABELS[record.kind] ?? record.kind}
            </p>
            <h1 className="wrap-anywhere text-2xl font-bold tracking-tight">{record.title}</h1>
            <p className="wrap-anywhere text-slate-700 dark:text-slate-300">{record.issuer.name}</p>
            <p className="mt-2 flex flex-wrap gap-2">
              <VerificationPill state={pillState(verification ? credential.verdict : null, credential.selfReported)} />
              <ExpiryNotice expiry={expiryOf(credential.validUntil, now)} />
            </p>
          </div>
        </header>

        <Section id="checks" title="Verification">
          {verification ? <ChecksList result={verification} /> : null}
          {/* ChecksList already says when; the note adds why there is no result, or that it is an earlier one. */}
          {!verification || stale ? (
            <div className={verification ? "mt-3" : ""}>
              <VerificationNote
                checkedAt={verification?.checkedAt ?? null}
                stale={stale}
                selfReported={credential.selfReported}
              />
            </div>
          ) : null}
        </Section>

        {credential.note ? (
          <Section id="note" title="Note from the holder">
            <p className="whitespace-pre-line wrap-anywhere">{credential.note}</p>
          </Section>
        ) : null}

        <CertifiesSection record={record} />
        <IssuedSection record={record} />
        <WorkloadSection record={record} />
        <EuElementsPanel record={record} />
        {/* Evidence only when the share shows it. */}
        {share.showEvidence ? (
          <EvidenceList
            evidence={record.evidence ?? []}
            files={credential.evidenceFiles}
            fileHref={(fileId) => sharedEvidencePath(token, credential.id, fileId)}
            hideDownloadsInPrint
          />
        ) : null}
        <EndorsementsSection record={record} />
        {/* A self-reported certificate has no issuer-signed file; its evidence is the proof offered. */}
        {credential.selfReported ? null : (
          <SharedDownloadSection
            href={sharedOriginalPath(token, credential.id)}
            formatLabel={record.formatLabel ?? null}
            withheldReason={
              !download ? "The credential file is not available." : download.kind === "file" ? null : download.reason
            }
          />
        )}

        <PrintFooter url={url} checkedAt={now} />
      </main>
    </>
  );
}
