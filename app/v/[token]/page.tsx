import { Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { PrintFooter } from "@/components/share-page/print-footer";
import { StaticPrintButton } from "@/components/share-page/static-print-button";
import { SharedCredentialCard } from "@/components/share-page/shared-credential-card";
import { ShareBrand } from "@/components/share-page/share-brand";
import { ShareSummary } from "@/components/share-page/share-summary";
import { ShareUnavailable } from "@/components/share-page/share-unavailable";
import { verificationWords } from "@/components/verification/verification-words-server";
import { env } from "@/lib/env";
import { needsRecheck } from "@/lib/shares/freshness";
import { sharedCredentialPath, sharedImagePath, sharedPresentationPath, sharePagePath } from "@/lib/shares/paths";
import { INTERNAL_RENDER_HEADER } from "@/lib/shares/render-cache/headers";
import { countShareView } from "@/lib/runtime/share-views";
import { loadShare } from "./share-data";

type Props = { params: Promise<{ token: string }> };

/** Open Graph shows what the holder chose: their name, the headline, the count. Never the email. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const [{ resolution }, t] = await Promise.all([loadShare(token), getTranslations()]);
  if (resolution.status !== "ok") return { title: t("share.pageTitle") };
  const name = resolution.holder.name ?? t("share.holderFallback");
  const title = resolution.share.headline
    ? t("share.metaTitleHeadline", { name, headline: resolution.share.headline })
    : t("share.metaTitle", { name });
  const description = t("share.metaDescription", { count: resolution.credentials.length });
  return {
    title,
    description,
    openGraph: { title, description, type: "website", siteName: "Tessera" },
    twitter: { card: "summary", title, description },
  };
}

/**
 * The public share page. The proxy's gate has already answered 404 / 410 / 429 for links that
 * cannot be shown (an App Router page commits to 200 once it streams), so no loading.tsx may sit
 * above this page: the decision must come before anything is sent.
 */
export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const { resolution, now } = await loadShare(token);
  if (resolution.status === "not-found") notFound();
  if (resolution.status !== "ok") return <ShareUnavailable problem={resolution.status} />;
  const { share, holder, credentials, truncated } = resolution;
  // Downloads and images are not page views; a render kept for the cache is counted when served (lib/shares/render-cache).
  const requestHeaders = await headers();
  if (requestHeaders.get(INTERNAL_RENDER_HEADER) !== "1") countShareView(share.id);
  const url = `${env.appUrl}${sharePagePath(token)}`;
  const [t, words] = await Promise.all([getTranslations(), verificationWords()]);
  return (
    <>
      <ShareBrand>
        <a
          href={sharedPresentationPath(token)}
          download
          className="inline-flex min-h-11 items-center gap-2 rounded-xl border border-slate-300 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          <Download className="h-4 w-4" aria-hidden="true" />
          {t("share.downloadAll")}
        </a>
        <StaticPrintButton nonce={requestHeaders.get("x-nonce")} label={t("share.print")} />
      </ShareBrand>
      <main id="main" className="flex flex-col gap-6 pb-16">
        <div>
          <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{t("share.sharedBy")}</p>
          <h1 dir={holder.name ? "auto" : undefined} className="wrap-anywhere text-3xl font-bold tracking-tight">
            {holder.name ?? t("share.holderFallback")}
          </h1>
          {holder.profession || holder.email ? (
            <p className="mt-1 wrap-anywhere text-slate-700 dark:text-slate-300">
              {holder.profession ? <bdi>{holder.profession}</bdi> : null}
              {holder.profession && holder.email ? " · " : null}
              {holder.email ? <bdi>{holder.email}</bdi> : null}
            </p>
          ) : null}
          {share.headline ? (
            <p dir="auto" className="mt-3 wrap-anywhere text-lg font-medium">
              {share.headline}
            </p>
          ) : null}
          <ShareSummary
            credentials={credentials}
            expiresAt={share.expiresAt}
            checkedAt={now}
            maxAgeMinutes={env.verifyMaxAgeMinutes}
          />
        </div>

        {credentials.length === 0 ? (
          <p className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
            {t("share.empty")}
          </p>
        ) : (
          <ul className="flex flex-col gap-4" aria-label={t("share.listLabel")}>
            {credentials.map((credential) => (
              <li key={credential.id}>
                <SharedCredentialCard
                  credential={credential}
                  href={sharedCredentialPath(token, credential.id)}
                  imageSrc={credential.hasImage ? sharedImagePath(token, credential.id) : null}
                  now={now}
                  stale={needsRecheck(credential, now, env.verifyMaxAgeMinutes)}
                  words={words}
                />
              </li>
            ))}
          </ul>
        )}
        {truncated ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t("share.truncated", { count: credentials.length })}
          </p>
        ) : null}

        <section aria-labelledby="about-heading" className="text-sm text-slate-700 dark:text-slate-300 print:hidden">
          <h2 id="about-heading" className="mb-1 font-semibold">
            {t("share.aboutHeading")}
          </h2>
          <p>
            {t("share.aboutText", {
              couldNotCheck: words.outcomes.unknown,
              downloadAll: t("share.downloadAll"),
            })}
          </p>
        </section>

        <PrintFooter url={url} checkedAt={now} />
        <div className="print:hidden">
          <LanguageSwitcher returnTo={sharePagePath(token)} />
        </div>
      </main>
    </>
  );
}
