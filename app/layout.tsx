import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ErrorStringsProvider } from "@/components/i18n/error-strings";
import { textDirection } from "@/lib/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return {
    title: { default: t("meta.title"), template: "%s · Tessera" },
    description: t("meta.description"),
    icons: { icon: "/icon.svg" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce needs.
  await headers();
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  const errorStrings = {
    title: t("errorPages.errorTitle"),
    text: t("errorPages.errorText"),
    noReference: t("errorPages.noReference"),
    tryAgain: t("errorPages.tryAgain"),
  };
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:start-3 focus:top-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900 focus:shadow"
        >
          {t("shell.skipToContent")}
        </a>
        {/* Public pages load no i18n runtime: their client islands get translated strings (ADR 0031). */}
        <ErrorStringsProvider strings={errorStrings}>{children}</ErrorStringsProvider>
      </body>
    </html>
  );
}
