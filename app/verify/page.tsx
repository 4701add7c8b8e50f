import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { QueryProvider } from "@/components/providers/query-provider";
import { VerifyPanel } from "@/components/verification/verify-panel";

export const metadata: Metadata = {
  title: "Verify a credential",
  description:
    "Check a badge, micro-credential or certificate: signature, issuer, dates, revocation. No account needed; nothing is stored.",
};

/** For employers and regulators: check any credential, no account, nothing kept. */
export default function VerifyPage() {
  return (
    <div className="mx-auto flex min-h-dvh max-w-4xl flex-col px-5">
      <header className="py-5">
        <Link href="/" aria-label="Tessera home">
          <Logo />
        </Link>
      </header>
      <main id="main" className="flex flex-col gap-6 pb-16">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Verify a credential</h1>
          <p className="mt-2 max-w-2xl text-slate-700 dark:text-slate-300">
            Drop a badge, micro-credential or certificate a candidate sent you. Tessera checks its signature, issuer,
            validity dates and revocation, and says plainly what it could not check. You need no account and nothing you
            upload is kept.
          </p>
          <p className="mt-2 max-w-2xl text-slate-700 dark:text-slate-300">
            It checks one credential at a time. A zip archive of several is not checked here: unzip it and check each
            file, or, if the credentials are yours, import the whole archive in your wallet with Add credentials.
          </p>
        </div>
        <QueryProvider>
          <VerifyPanel />
        </QueryProvider>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Developers: <code>POST /api/v1/verify</code> with a JSON body <code>{'{"credential": {…}}'}</code>,{" "}
          <code>{'{"text": "…"}'}</code> or <code>{'{"url": "https://…"}'}</code>, or a multipart field{" "}
          <code>file</code>.
        </p>
      </main>
    </div>
  );
}
