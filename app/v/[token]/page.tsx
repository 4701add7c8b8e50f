import { Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { PrintFooter } from "@/components/share-page/print-footer";
import { StaticPrintButton } from "@/components/share-page/static-print-button";
import { SharedCredentialCard } from "@/components/share-page/shared-credential-card";
import { ShareBrand } from "@/components/share-page/share-brand";
import { ShareSummary } from "@/components/share-page/share-summary";
import { ShareUnavailable } from "@/components/share-page/share-unavailable";
import { plural } from "@/components/ui/format";
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
  const { resolution } = await loadShare(token);
  if (resolution.status !== "ok") return { title: "Shared credentials" };
  const name = resolution.holder.name ?? "A Tessera holder";
  const title = resolution.share.headline ? `${name}: ${resolution.share.headline}` : `Credentials shared by ${name}`;
  const description = `${plural(resolution.credentials.length, "credential")} shared through Tessera, each checked live when the page opens.`;
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
  return (
    <>
      <ShareBrand>
        <a
          href={sharedPresentationPath(token)}
          download
          className="inline-flex min-h-11 items-center gap-2 rounded-xl border border-slate-300 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          <Download className="h-4 w-4" aria-hidden="true" />
          Download all (JSON)
        </a>
        <StaticPrintButton nonce={requestHeaders.get("x-nonce")} />
      </ShareBrand>
      <main id="main" className="flex flex-col gap-6 pb-16">
        <div>
          <p className="text-sm font-medium text-slate-600 dark:text-slate-400">Credentials shared by</p>
          <h1 className="wrap-anywhere text-3xl font-bold tracking-tight">{holder.name ?? "A Tessera holder"}</h1>
          {holder.profession || holder.email ? (
            <p className="mt-1 wrap-anywhere text-slate-700 dark:text-slate-300">
              {[holder.profession, holder.email].filter(Boolean).join(" · ")}
            </p>
          ) : null}
          {share.headline ? <p className="mt-3 wrap-anywhere text-lg font-medium">{share.headline}</p> : null}
          <ShareSummary
            credentials={credentials}
            expiresAt={share.expiresAt}
            checkedAt={now}
            maxAgeMinutes={env.verifyMaxAgeMinutes}
          />
        </div>

        {credentials.length === 0 ? (
          <p className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
            Nothing is shared on this page at the moment.
          </p>
        ) : (
          <ul className="flex flex-col gap-4" aria-label="Shared credentials">
            {credentials.map((credential) => (
              <li key={credential.id}>
                <SharedCredentialCard
                  credential={credential}
                  href={sharedCredentialPath(token, credential.id)}
                  imageSrc={credential.hasImage ? sharedImagePath(token, credential.id) : null}
                  now={now}
                  stale={needsRecheck(credential, now, env.verifyMaxAgeMinutes)}
                />
              </li>
            ))}
          </ul>
        )}
        {truncated ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The first {plural(credentials.length, "credential")} are shown.
          </p>
        ) : null}

        <section aria-labelledby="about-heading" className="text-sm text-slate-700 dark:text-slate-300 print:hidden">
          <h2 id="about-heading" className="mb-1 font-semibold">
            About these checks
          </h2>
          <p>
            Tessera checks each credential&rsquo;s signature, that its issuer controls the signing key, its validity
            dates, whether the issuer revoked it, and that it was issued to this person. &ldquo;Could not check&rdquo;
            is never counted as passed. &ldquo;Download all&rdquo; gives the signed credentials as one W3C Verifiable
            Presentation; Open Badges 2.0 badges, self-reported certificates and some European credentials are not W3C
            credentials and are offered as files on their own pages.
          </p>
        </section>

        <PrintFooter url={url} checkedAt={now} />
      </main>
    </>
  );
}
