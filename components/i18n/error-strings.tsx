"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * The words of the error page (app/error.tsx), translated on the server by the root layout. The
 * error boundary must be a client component, but loading next-intl's client runtime on every
 * public page for four sentences would cost ~12 KB of JavaScript (ADR 0031), so it gets them here.
 */
export interface ErrorStrings {
  title: string;
  text: string;
  noReference: string;
  tryAgain: string;
}

const ErrorStringsContext = createContext<ErrorStrings | null>(null);

export function ErrorStringsProvider({ strings, children }: { strings: ErrorStrings; children: ReactNode }) {
  return <ErrorStringsContext.Provider value={strings}>{children}</ErrorStringsContext.Provider>;
}

export function useErrorStrings(): ErrorStrings | null {
  return useContext(ErrorStringsContext);
}
