import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { safeHttpsUrl } from "./safe-url";

/** One titled section of the credential page: a card labelled by its h2. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="min-w-0">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="wrap-anywhere font-medium">{children}</dd>
    </div>
  );
}

export function FactList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">{children}</dl>;
}

export function Subheading({ children }: { children: ReactNode }) {
  return <h3 className="mb-1 mt-4 font-semibold">{children}</h3>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600 dark:text-slate-400">{children}</p>;
}

/**
 * An imported link: shown as its own address (so a hostile label cannot disguise it), linked only
 * when it is https; anything else stays plain text.
 */
export function SafeLink({ href }: { href: string | undefined }) {
  if (!href) return null;
  const safe = safeHttpsUrl(href);
  if (!safe) return <span className="break-all">{href}</span>;
  return (
    <a
      href={safe}
      rel="noopener noreferrer nofollow"
      className="break-all text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300"
    >
      {safe}
    </a>
  );
}

/** True when there is something to show (non-empty text, number, non-empty list). */
export function present(...values: unknown[]): boolean {
  return values.some((v) =>
    Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null,
  );
}
