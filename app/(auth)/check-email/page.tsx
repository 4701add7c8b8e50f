import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { checkEmailAddress } from "@/lib/auth/email-address";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/magic-link-lifetime";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auth.checkEmailTitle") };
}

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { email } = await searchParams;
  const checked = checkEmailAddress(email);
  const t = await getTranslations();
  const linkClass = "font-semibold text-brand-700 underline dark:text-brand-300";
  return (
    <AuthCard title={t("auth.checkEmailTitle")}>
      <p className="text-slate-700 dark:text-slate-300">
        {checked.ok
          ? t.rich("auth.checkEmailSentTo", {
              email: checked.email,
              address: (chunks) => (
                <strong className="break-all" dir="ltr">
                  {chunks}
                </strong>
              ),
            })
          : t("auth.checkEmailSent")}{" "}
        {t("auth.checkEmailExpiry", { minutes: MAGIC_LINK_MINUTES })}
      </p>
      {env.devMailPage ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t.rich("auth.devMailbox", {
            link: (chunks) => (
              <Link className={linkClass} href="/dev/mail">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <Link href="/sign-in" className={`text-sm ${linkClass}`}>
        {t("auth.differentEmail")}
      </Link>
    </AuthCard>
  );
}
