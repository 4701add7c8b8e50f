import { Printer } from "lucide-react";
import { STATIC_SCRIPT_ATTRIBUTE } from "@/lib/shares/render-cache/static-page";
import { PRINT_BUTTON_CLASS } from "./print-button-style";

/**
 * One listener on the document, installed once: it survives a client-side navigation between
 * share pages when a page is served hydrated (the render cache off), where a script React inserts
 * would not run.
 */
const PRINT_SCRIPT =
  'if(!window.__tesseraPrint){window.__tesseraPrint=1;document.addEventListener("click",function(e){var t=e.target;if(t instanceof Element&&t.closest("[data-print]"))window.print()})}';

/**
 * The print button of the share pages, which are served as plain HTML (lib/shares/render-cache/
 * static-page.ts): a few lines of script with the response's nonce instead of React's runtime.
 */
export function StaticPrintButton({ nonce, label }: { nonce: string | null; label: string }) {
  return (
    <>
      <button type="button" data-print="" className={PRINT_BUTTON_CLASS}>
        <Printer className="h-4 w-4" aria-hidden="true" />
        {label}
      </button>
      <script
        nonce={nonce ?? undefined}
        {...{ [STATIC_SCRIPT_ATTRIBUTE]: "" }}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: PRINT_SCRIPT }}
      />
    </>
  );
}
