"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_ITEMS, type NavLabelKey } from "./nav-items";

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Top navigation on wide screens, a thumb-reachable tab bar on phones. */
export function HolderNav({
  placement,
  labels,
  navLabel,
}: {
  placement: "top" | "bottom";
  /** Each item's label in the reader's language, keyed by its catalog key (translated by the layout). */
  labels: Readonly<Record<NavLabelKey, string>>;
  navLabel: string;
}) {
  const pathname = usePathname();
  if (placement === "top") {
    return (
      <nav aria-label={navLabel} className="hidden md:block">
        <ul className="flex gap-1">
          {NAV_ITEMS.map(({ href, label }) => (
            <li key={href}>
              <Link
                href={href}
                aria-current={isActive(pathname, href) ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-brand-300"
              >
                {labels[label]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    );
  }
  return (
    <nav
      aria-label={navLabel}
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden dark:border-slate-800 dark:bg-slate-900/95"
    >
      <ul className="grid grid-cols-6">
        {NAV_ITEMS.map(({ href, label, icon: Icon }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={isActive(pathname, href) ? "page" : undefined}
              className="flex min-h-14 flex-col items-center justify-center gap-0.5 px-0.5 text-center text-[0.6875rem] leading-tight font-medium tracking-tight hyphens-auto [overflow-wrap:anywhere] text-slate-600 aria-[current=page]:text-brand-700 dark:text-slate-400 dark:aria-[current=page]:text-brand-300"
            >
              <Icon className="h-5 w-5" aria-hidden="true" />
              {labels[label]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
