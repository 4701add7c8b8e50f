"use client";

import { Printer } from "lucide-react";

/** Opens the browser's print dialog; the page has its own print layout (print: styles). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center gap-2 rounded-xl border border-slate-300 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      <Printer className="h-4 w-4" aria-hidden="true" />
      Print
    </button>
  );
}
