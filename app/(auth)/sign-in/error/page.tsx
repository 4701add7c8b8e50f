import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { Alert } from "@/components/ui/alert";
import { clientMessages } from "@/lib/i18n/client-messages";
import { signInErrorKey } from "../error-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auth.errorPageTitle") };
}

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  const [t, messages] = await Promise.all([getTranslations(), getMessages()]);
  return (
    <AuthCard title={t("auth.errorTitle")} returnTo="/sign-in">
      <Alert tone="error">{t(signInErrorKey(typeof error === "string" ? error : ""))}</Alert>
      <NextIntlClientProvider messages={clientMessages(messages, ["auth"])}>
        <EmailSignInForm />
      </NextIntlClientProvider>
    </AuthCard>
  );
}
