"use client";

import { Printer } from "lucide-react";
import { PRINT_BUTTON_CLASS } from "./print-button-style";

/** Opens the browser's print dialog; the page has its own print layout (print: styles). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={PRINT_BUTTON_CLASS}>
      <Printer className="h-4 w-4" aria-hidden="true" />
      Print
    </button>
  );
}
