/** Four mosaic tiles: a tessera is one tile of a mosaic, as a credential is one piece of a career. */
export function LogoMark({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="13" height="13" rx="3" className="fill-brand-700 dark:fill-brand-300" />
      <rect x="17" y="2" width="13" height="13" rx="3" className="fill-brand-300 dark:fill-brand-600" />
      <rect x="2" y="17" width="13" height="13" rx="3" className="fill-brand-300 dark:fill-brand-600" />
      <rect x="17" y="17" width="13" height="13" rx="3" className="fill-amber-500 dark:fill-amber-300" />
    </svg>
  );
}

export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-bold tracking-tight">
      <LogoMark />
      Tessera
    </span>
  );
}
