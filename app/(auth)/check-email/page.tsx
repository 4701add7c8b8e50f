import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { checkEmailAddress } from "@/lib/auth/email-address";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { email } = await searchParams;
  const checked = checkEmailAddress(email);
  return (
    <AuthCard title="Check your email">
      <p className="text-slate-700 dark:text-slate-300">
        {checked.ok ? (
          <>
            We sent a sign-in link to <strong className="break-all">{checked.email}</strong>.
          </>
        ) : (
          "We sent you a sign-in link."
        )}{" "}
        It works once and expires in 10 minutes. You can close this tab.
      </p>
      {env.devMailPage ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Development server: no mail server is set, so messages are kept in the{" "}
          <Link className="font-semibold text-brand-700 underline dark:text-brand-300" href="/dev/mail">
            development mailbox
          </Link>
          .
        </p>
      ) : null}
      <Link href="/sign-in" className="text-sm font-semibold text-brand-700 underline dark:text-brand-300">
        Use a different email address
      </Link>
    </AuthCard>
  );
}
