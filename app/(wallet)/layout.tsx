import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { QueryProvider } from "@/components/providers/query-provider";
import { HolderNav } from "@/components/shell/holder-nav";
import { getCurrentHolder } from "@/lib/auth/session";

export default async function HolderLayout({ children }: { children: ReactNode }) {
  // Each page checks again with its own return path; this guards the shell itself.
  const holder = await getCurrentHolder();
  if (!holder) redirect("/sign-in");
  return (
    <div className="min-h-dvh pb-20 md:pb-0">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-4 px-4">
          <Link href="/wallet" aria-label="Tessera wallet home">
            <Logo />
          </Link>
          <HolderNav placement="top" />
          <span className="hidden max-w-48 truncate text-sm text-slate-600 lg:block dark:text-slate-400">
            {holder.name ?? holder.email}
          </span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
      <HolderNav placement="bottom" />
    </div>
  );
}
