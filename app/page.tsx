import { BadgeCheck, Layers, Share2 } from "lucide-react";
import { Logo } from "@/components/brand/logo";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentHolder } from "@/lib/auth/session";

const features = [
  {
    icon: BadgeCheck,
    title: "Checked, not just stored",
    text: "Each credential shows what was verified — signature, issuer, dates, revocation — and what could not be.",
  },
  {
    icon: Layers,
    title: "See what it adds up to",
    text: "Badges stack into micro-credentials and nano-degrees. Tessera shows your progress and what is missing.",
  },
  {
    icon: Share2,
    title: "Share in one link",
    text: "Send a recruiter or regulator a link that expires when you choose. They need no account.",
  },
];

export default async function LandingPage() {
  const holder = await getCurrentHolder();
  return (
    <div className="mx-auto flex min-h-dvh max-w-5xl flex-col px-5">
      <header className="flex items-center justify-between py-5">
        <Logo />
        <ButtonLink href={holder ? "/wallet" : "/sign-in"} variant="secondary">
          {holder ? "Open my wallet" : "Sign in"}
        </ButtonLink>
      </header>
      <main id="main" className="flex flex-1 flex-col justify-center gap-12 py-10">
        <section className="max-w-2xl">
          <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
            Every credential you have earned, in one wallet you own.
          </h1>
          <p className="mt-5 text-lg text-slate-700 dark:text-slate-300">
            Tessera gathers the badges, micro-credentials and certificates you earn as a nurse, pharmacist, paramedic or
            carer from any issuer, and checks each one. Share them with recruiters and regulators as a link they can
            verify in seconds — no account needed.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href={holder ? "/wallet" : "/sign-in"}>
              {holder ? "Open my wallet" : "Create your wallet"}
            </ButtonLink>
            <ButtonLink href="/verify" variant="secondary">
              Verify a credential
            </ButtonLink>
          </div>
        </section>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {features.map(({ icon: Icon, title, text }) => (
            <li
              key={title}
              className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
            >
              <Icon className="h-6 w-6 text-brand-700 dark:text-brand-300" aria-hidden="true" />
              <h2 className="mt-3 font-semibold">{title}</h2>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{text}</p>
            </li>
          ))}
        </ul>
      </main>
      <footer className="py-6 text-sm text-slate-600 dark:text-slate-400">
        Tessera keeps the original files you import, unchanged. You can export or delete everything at any time.
      </footer>
    </div>
  );
}
