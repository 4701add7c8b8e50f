import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { SHARE_PROBLEM_KEYS, type ShareProblem } from "@/lib/shares/problems";

/**
 * The same words as the gate's 404 / 410 / 429 pages (lib/shares/status-page.ts), for the rare
 * case a page itself finds the link gone (revoked between the gate and the render). No holder
 * data of any kind.
 */
export async function ShareUnavailable({ problem }: { problem: ShareProblem }) {
  const t = await getTranslations();
  const keys = SHARE_PROBLEM_KEYS[problem];
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-5 px-5">
      <Logo />
      <h1 className="text-3xl font-bold">{t(keys.title)}</h1>
      <p className="text-slate-700 dark:text-slate-300">{t(keys.body)}</p>
    </main>
  );
}
