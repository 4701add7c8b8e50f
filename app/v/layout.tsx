import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ShareIconSprite } from "@/components/share-page/share-icons";

/**
 * Every shared page (docs/threat-model.md F4): never indexed or cached by search engines, and the
 * document's referrer policy keeps the token out of Referer on any outbound link. The proxy also
 * sends X-Robots-Tag, Referrer-Policy: no-referrer and Cache-Control: no-store on every /v response.
 */
export const metadata: Metadata = {
  robots: {
    index: false,
    follow: false,
    nocache: true,
    googleBot: { index: false, follow: false, noimageindex: true },
  },
  referrer: "no-referrer",
};

export default function SharedLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-4xl flex-col px-5 print:max-w-none print:px-0">
      <ShareIconSprite />
      {children}
    </div>
  );
}
