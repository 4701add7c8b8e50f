import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-md flex-col px-5">
      <header className="py-5">
        <Link href="/" aria-label="Tessera home">
          <Logo />
        </Link>
      </header>
      <main id="main" className="flex flex-1 flex-col justify-center pb-16">
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
          <div className="mt-5 flex flex-col gap-5">{children}</div>
        </div>
      </main>
    </div>
  );
}
