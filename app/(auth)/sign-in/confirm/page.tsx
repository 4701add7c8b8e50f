import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { checkEmailAddress } from "@/lib/auth/email-address";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auth.confirmPageTitle"), robots: { index: false } };
}

/**
 * The page a magic link opens. Nothing is spent until the person presses the button, so a mail
 * scanner that follows links cannot use the token (docs/threat-model.md A1).
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token, email, callbackUrl } = await searchParams;
  const checked = checkEmailAddress(email);
  const validToken = typeof token === "string" && /^[A-Za-z0-9_-]{16,128}$/.test(token);
  const t = await getTranslations();
  if (!checked.ok || !validToken) {
    return (
      <AuthCard title={t("auth.invalidLinkTitle")}>
        <Alert tone="error">{t("auth.invalidLinkText")}</Alert>
        <Link href="/sign-in" className="font-semibold text-brand-700 underline dark:text-brand-300">
          {t("auth.goToSignIn")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.confirmTitle")}>
      <p className="text-slate-700 dark:text-slate-300">
        {t.rich("auth.confirmSigningInAs", {
          email: checked.email,
          address: (chunks) => (
            <strong className="break-all" dir="ltr">
              {chunks}
            </strong>
          ),
        })}
      </p>
      <form method="get" action="/api/auth/callback/email" className="flex flex-col">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={checked.email} />
        <input type="hidden" name="callbackUrl" value={`${env.appUrl}${safeRedirectPath(callbackUrl, env.appUrl)}`} />
        <Button type="submit">{t("auth.confirmButton")}</Button>
      </form>
    </AuthCard>
  );
}
