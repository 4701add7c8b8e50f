import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CertifiesSection } from "@/components/credential/certifies-section";
import { EndorsementsSection } from "@/components/credential/endorsements-section";
import { EuElementsPanel } from "@/components/credential/eu-elements-panel";
import { EvidenceList } from "@/components/credential/evidence-section";
import { ExpiryNotice } from "@/components/credential/expiry-notice";
import { IssuedSection } from "@/components/credential/issued-section";
import { Section } from "@/components/credential/section";
import { pillState, VerificationPill } from "@/components/credential/verification-pill";
import { WorkloadSection } from "@/components/credential/workload-section";
import { expiryLabel } from "@/components/share-page/expiry-label";
import { StaticPrintButton } from "@/components/share-page/static-print-button";
import { PrintFooter } from "@/components/share-page/print-footer";
import { ShareBrand } from "@/components/share-page/share-brand";
import { SharedDownloadSection } from "@/components/share-page/shared-download-section";
import { SharedImage } from "@/components/share-page/shared-image";
import { ShareUnavailable } from "@/components/share-page/share-unavailable";
import { VerificationNote } from "@/components/share-page/verification-note";
import { ChecksList } from "@/components/verification/checks-list";
import { verificationWords } from "@/components/verification/verification-words-server";
import { KIND_KEYS } from "@/lib/i18n/kinds";
import { env } from "@/lib/env";
import { needsRecheck } from "@/lib/shares/freshness";
import { presentable } from "@/lib/shares/presentation";
import {
  sharedCredentialPath,
  sharedEvidencePath,
  sharedImagePath,
  sharedCredentialPresentationPath,
  sharedOriginalPath,
  sharePagePath,
} from "@/lib/shares/paths";
import { countShareView } from "@/lib/runtime/share-views";
import { expiryOf } from "@/lib/wallet/expiry";
import { loadSharedCredential } from "../../share-data";

const WITHHELD_KEYS = {
  "no-longer-shared": "share.fileNoLongerShared",
  bundled: "share.fileBundled",
  email: "share.fileWithheldEmail",
  "personal-data": "share.fileWithheldPersonal",
} as const;

type Props = { params: Promise<{ token: string; credentialId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token, credentialId } = await params;
  const [{ resolution }, t] = await Promise.all([loadSharedCredential(token, credentialId), getTranslations()]);
  if (resolution.status !== "ok") return { title: t("share.credentialPageTitle") };
  const name = resolution.holder.name ?? t("share.holderFallback");
  const title = t("share.credentialMetaTitle", { title: resolution.credential.title, name });
  const description = t("share.credentialMetaDescription", { issuer: resolution.credential.issuerName });
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
  const [t, words] = await Promise.all([getTranslations(), verificationWords()]);
  const expiry = expiryOf(credential.validUntil, now);
  const expiryText = await expiryLabel(expiry);
  const state = pillState(verification ? credential.verdict : null, credential.selfReported);
  const withheld = !download
    ? t("share.fileUnavailable")
    : download.kind === "file"
      ? null
      : t(WITHHELD_KEYS[download.why]);
  return (
    <>
      <ShareBrand>
        <StaticPrintButton nonce={(await headers()).get("x-nonce")} label={t("share.print")} />
      </ShareBrand>
      <main id="main" className="flex flex-col gap-6 pb-16">
        <p className="print:hidden">
          <a
            href={sharePagePath(token)}
            className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
          >
            <ArrowLeft className="h-4 w-4" aria-hidden="true" />
            {holder.name
              ? t.rich("share.backToAll", { name: holder.name, holder: (chunks) => <bdi>{chunks}</bdi> })
              : t("share.backToAllUnnamed")}
          </a>
        </p>
        <header className="flex gap-4">
          <SharedImage src={credential.hasImage ? sharedImagePath(token, credential.id) : null} size={96} />
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{t(KIND_KEYS[record.kind])}</p>
            <h1 dir="auto" className="wrap-anywhere text-2xl font-bold tracking-tight">
              {record.title}
            </h1>
            <p dir="auto" className="wrap-anywhere text-slate-700 dark:text-slate-300">
              {record.issuer.name}
            </p>
            <p className="mt-2 flex flex-wrap gap-2">
              <VerificationPill state={state} label={words.pills[state]} />
              <ExpiryNotice expiry={expiry} label={expiryText} />
            </p>
          </div>
        </header>

        <Section id="checks" title={t("share.verificationHeading")}>
          {verification ? <ChecksList result={verification} words={words} /> : null}
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
          <Section id="note" title={t("share.noteHeading")}>
            <p dir="auto" className="whitespace-pre-line wrap-anywhere">
              {credential.note}
            </p>
          </Section>
        ) : null}

        {/*
          The credential's own sections are shared with the holder's credential page, which is not
          translated yet (issue 18 is changing it): marked as English, left to right, until both are.
        */}
        <div lang="en" dir="ltr" className="contents">
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
        </div>
        {/* A self-reported certificate has no issuer-signed file; its evidence is the proof offered. */}
        {credential.selfReported ? null : (
          <SharedDownloadSection
            href={sharedOriginalPath(token, credential.id)}
            presentationHref={
              download?.kind === "file" && presentable({ ...record, selfReported: credential.selfReported })
                ? sharedCredentialPresentationPath(token, credential.id)
                : null
            }
            formatLabel={record.formatLabel ?? null}
            withheldReason={withheld}
          />
        )}

        <PrintFooter url={url} checkedAt={now} />
      </main>
    </>
  );
}
