"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { isTranslatedPath } from "@/lib/i18n/translated-routes";

/**
 * Marks a holder page that is not translated yet as English, left to right (lib/i18n/translated-routes.ts).
 * A client component because the shell's layout stays mounted across navigations: only the
 * pathname tells which page is showing.
 */
export function UntranslatedContent({ children }: { children: ReactNode }) {
  const translated = isTranslatedPath(usePathname());
  return (
    <div lang={translated ? undefined : "en"} dir={translated ? undefined : "ltr"}>
      {children}
    </div>
  );
}
