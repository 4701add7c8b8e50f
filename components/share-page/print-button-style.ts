/** The print button's look, shared by the hydrated button (holder pages) and the plain-HTML one (share pages). */
export const PRINT_BUTTON_CLASS =
  "inline-flex min-h-11 items-center gap-2 rounded-xl border border-slate-300 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";
