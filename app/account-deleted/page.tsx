import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <AuthCard title="Your account was deleted">
      <p className="text-slate-700 dark:text-slate-300">
        Your wallet, its credentials and files, and every share link are gone from Tessera. Thank you for using it.
      </p>
      <ButtonLink href="/">Back to the home page</ButtonLink>
    </AuthCard>
  );
}
