"use client";

import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-5 px-5">
      <Logo />
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="text-slate-700 dark:text-slate-300">
        We could not show this page. Nothing in your wallet was changed. Try again, and if it keeps happening, tell us
        this reference:
        <span className="ml-1 font-mono text-sm">{error.digest ?? "none"}</span>
      </p>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
