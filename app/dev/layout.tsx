import type { ReactNode } from "react";

/** Development tools stay English (like the command line), left to right, in a page in any language. */
export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <div lang="en" dir="ltr">
      {children}
    </div>
  );
}
