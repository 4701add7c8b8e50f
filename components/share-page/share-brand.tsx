import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";

/** The top of every shared page: whose wallet it comes from, no link into the holder's area. */
export function ShareBrand({ children }: { children?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 py-5 print:py-2">
      <Logo />
      {children ? <div className="flex flex-wrap gap-2 print:hidden">{children}</div> : null}
    </header>
  );
}
