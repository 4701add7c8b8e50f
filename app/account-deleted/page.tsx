import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ButtonLink } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auth.accountDeletedPageTitle") };
}

export default async function AccountDeletedPage() {
  const t = await getTranslations();
  return (
    <AuthCard title={t("auth.accountDeletedTitle")} returnTo="/account-deleted">
      <p className="text-slate-700 dark:text-slate-300">{t("auth.accountDeletedText")}</p>
      <ButtonLink href="/">{t("auth.backHome")}</ButtonLink>
    </AuthCard>
  );
}
