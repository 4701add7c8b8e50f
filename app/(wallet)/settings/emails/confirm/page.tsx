import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailAddress } from "@/components/settings/confirm-email-address";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireHolder } from "@/lib/auth/session";
import { pendingConfirmationEmail } from "@/lib/identities/emails-data";
import { getDb } from "@/lib/runtime/database";

export const metadata: Metadata = { title: "Confirm an email address", robots: { index: false } };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The page a confirmation link opens. Like the sign-in link (docs/threat-model.md A1), nothing is
 * spent until the holder presses the button, so a mail scanner that follows links changes nothing;
 * and it works only for the account that asked, signed in.
 */
export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && TOKEN.test(token);
  const holder = await requireHolder(valid ? `/settings/emails/confirm?token=${token}` : "/settings");
  const email = valid ? await pendingConfirmationEmail(getDb(), holder.id, token) : null;
  return (
    <>
      <PageHeader title="Confirm an email address" />
      <Card>
        {email && valid ? (
          <ConfirmEmailAddress token={token} email={email} />
        ) : (
          <div className="flex flex-col gap-4">
            <Alert tone="error" title="This confirmation link does not work">
              It was already used, it has expired, or it was sent for another account than the one you are signed in to.
              Add the address again from Settings to get a new link.
            </Alert>
            <Link href="/settings" className="font-semibold text-brand-700 underline dark:text-brand-300">
              Go to Settings
            </Link>
          </div>
        )}
      </Card>
    </>
  );
}
