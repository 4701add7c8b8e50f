import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";

/** The frame of the signed-out pages; `returnTo` adds the language switcher, which comes back there. */
export async function AuthCard({
  title,
  returnTo,
  children,
}: {
  title: string;
  returnTo?: string;
  children: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="mx-auto flex min-h-dvh max-w-md flex-col px-5">
      <header className="py-5">
        <Link href="/" aria-label={t("shell.homeLink")}>
          <Logo />
        </Link>
      </header>
      <main id="main" className="flex flex-1 flex-col justify-center pb-8">
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
          <div className="mt-5 flex flex-col gap-5">{children}</div>
        </div>
      </main>
      {returnTo ? (
        <footer className="pb-8">
          <LanguageSwitcher returnTo={returnTo} />
        </footer>
      ) : null}
    </div>
  );
}
