import type { ReactNode } from "react";

/** Not translated yet (ADR 0031): English, left to right, inside a page in the reader's language. */
export default function VerifyLayout({ children }: { children: ReactNode }) {
  return (
    <div lang="en" dir="ltr">
      {children}
    </div>
  );
}
