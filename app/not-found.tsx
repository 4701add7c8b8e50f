import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-5 px-5">
      <Logo />
      <h1 className="text-3xl font-bold">{t("errorPages.notFoundTitle")}</h1>
      <p className="text-slate-700 dark:text-slate-300">{t("errorPages.notFoundText")}</p>
      <div>
        <ButtonLink href="/">{t("errorPages.goHome")}</ButtonLink>
      </div>
    </main>
  );
}
