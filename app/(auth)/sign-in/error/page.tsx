import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { Alert } from "@/components/ui/alert";
import { signInErrorMessage } from "../error-messages";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  return (
    <AuthCard title="We could not sign you in">
      <Alert tone="error">{signInErrorMessage(typeof error === "string" ? error : "")}</Alert>
      <EmailSignInForm />
    </AuthCard>
  );
}
