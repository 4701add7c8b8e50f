import Link from "next/link";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { QueryProvider } from "@/components/providers/query-provider";
import { UntranslatedContent } from "@/components/i18n/untranslated-content";
import { HolderNav } from "@/components/shell/holder-nav";
import { NAV_ITEMS, type NavLabelKey } from "@/components/shell/nav-items";
import { getCurrentHolder } from "@/lib/auth/session";
import { clientMessages, HOLDER_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";

export default async function HolderLayout({ children }: { children: ReactNode }) {
  // Each page checks again with its own return path; this guards the shell itself.
  const holder = await getCurrentHolder();
  if (!holder) redirect("/sign-in");
  const [t, messages] = await Promise.all([getTranslations(), getMessages()]);
  const labels = Object.fromEntries(NAV_ITEMS.map(({ label }) => [label, t(label)])) as Record<NavLabelKey, string>;
  return (
    <div className="min-h-dvh pb-20 md:pb-0">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-4 px-4">
          <Link href="/wallet" aria-label={t("shell.walletHomeLink")}>
            <Logo />
          </Link>
          <HolderNav placement="top" labels={labels} navLabel={t("shell.mainNav")} />
          <bdi className="hidden max-w-48 truncate text-sm text-slate-600 lg:block dark:text-slate-400">
            {holder.name ?? holder.email}
          </bdi>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        <NextIntlClientProvider messages={clientMessages(messages, HOLDER_CLIENT_NAMESPACES)}>
          <QueryProvider>
            <UntranslatedContent>{children}</UntranslatedContent>
          </QueryProvider>
        </NextIntlClientProvider>
      </main>
      <HolderNav placement="bottom" labels={labels} navLabel={t("shell.mainNav")} />
    </div>
  );
}
