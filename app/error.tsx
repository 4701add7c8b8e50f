"use client";

import { Logo } from "@/components/brand/logo";
import { useErrorStrings } from "@/components/i18n/error-strings";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The root layout always provides them; the guard keeps a broken provider from hiding the error.
  const t = useErrorStrings();
  if (!t) throw error;
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-5 px-5">
      <Logo />
      <h1 className="text-3xl font-bold">{t.title}</h1>
      <p className="text-slate-700 dark:text-slate-300">
        {t.text}
        <span className="ms-1 font-mono text-sm" dir="ltr">
          {error.digest ?? t.noReference}
        </span>
      </p>
      <div>
        <Button onClick={reset}>{t.tryAgain}</Button>
      </div>
    </main>
  );
}
