"use client";

import { useTranslations } from "next-intl";
import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-5 px-5">
      <Logo />
      <h1 className="text-3xl font-bold">{t("errorPages.errorTitle")}</h1>
      <p className="text-slate-700 dark:text-slate-300">
        {t("errorPages.errorText")}
        <span className="ms-1 font-mono text-sm" dir="ltr">
          {error.digest ?? t("errorPages.noReference")}
        </span>
      </p>
      <div>
        <Button onClick={reset}>{t("errorPages.tryAgain")}</Button>
      </div>
    </main>
  );
}
