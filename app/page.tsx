import { BadgeCheck, Layers, Share2 } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentHolder } from "@/lib/auth/session";

const features = [
  { icon: BadgeCheck, title: "landing.checkedTitle", text: "landing.checkedText" },
  { icon: Layers, title: "landing.stackTitle", text: "landing.stackText" },
  { icon: Share2, title: "landing.shareTitle", text: "landing.shareText" },
] as const;

export default async function LandingPage() {
  const [holder, t] = await Promise.all([getCurrentHolder(), getTranslations()]);
  return (
    <div className="mx-auto flex min-h-dvh max-w-5xl flex-col px-5">
      <header className="flex items-center justify-between py-5">
        <Logo />
        <ButtonLink href={holder ? "/wallet" : "/sign-in"} variant="secondary">
          {holder ? t("landing.openWallet") : t("landing.signIn")}
        </ButtonLink>
      </header>
      <main id="main" className="flex flex-1 flex-col justify-center gap-12 py-10">
        <section className="max-w-2xl">
          <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">{t("landing.headline")}</h1>
          <p className="mt-5 text-lg text-slate-700 dark:text-slate-300">{t("landing.intro")}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href={holder ? "/wallet" : "/sign-in"}>
              {holder ? t("landing.openWallet") : t("landing.createWallet")}
            </ButtonLink>
            <ButtonLink href="/verify" variant="secondary">
              {t("landing.verify")}
            </ButtonLink>
          </div>
        </section>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {features.map(({ icon: Icon, title, text }) => (
            <li
              key={title}
              className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
            >
              <Icon className="h-6 w-6 text-brand-700 dark:text-brand-300" aria-hidden="true" />
              <h2 className="mt-3 font-semibold">{t(title)}</h2>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t(text)}</p>
            </li>
          ))}
        </ul>
      </main>
      <footer className="flex flex-col gap-4 py-6 text-sm text-slate-600 dark:text-slate-400">
        <p>{t("landing.footer")}</p>
        <LanguageSwitcher returnTo="/" />
      </footer>
    </div>
  );
}
