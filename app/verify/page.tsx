import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { QueryProvider } from "@/components/providers/query-provider";
import { VerifyPanel } from "@/components/verification/verify-panel";
import { verifyPanelWords } from "@/components/verification/verify-panel-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("verify.title"), description: t("verify.description") };
}

/** For employers and regulators: check any credential, no account, nothing kept. */
export default async function VerifyPage() {
  const [t, words] = await Promise.all([getTranslations(), verifyPanelWords()]);
  const code = (chunks: ReactNode) => <code dir="ltr">{chunks}</code>;
  return (
    <div className="mx-auto flex min-h-dvh max-w-4xl flex-col px-5">
      <header className="flex flex-wrap items-center justify-between gap-3 py-5">
        <Link href="/" aria-label={t("shell.homeLink")}>
          <Logo />
        </Link>
        <LanguageSwitcher returnTo="/verify" />
      </header>
      <main id="main" className="flex flex-col gap-6 pb-16">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{t("verify.title")}</h1>
          <p className="mt-2 max-w-2xl text-slate-700 dark:text-slate-300">{t("verify.intro")}</p>
          <p className="mt-2 max-w-2xl text-slate-700 dark:text-slate-300">{t("verify.oneAtATime")}</p>
        </div>
        <QueryProvider>
          <VerifyPanel words={words} />
        </QueryProvider>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t.rich("verify.developers", {
            code,
            endpoint: "POST /api/v1/verify",
            credentialBody: '{"credential": {…}}',
            textBody: '{"text": "…"}',
            urlBody: '{"url": "https://…"}',
            field: "file",
          })}
        </p>
      </main>
    </div>
  );
}
