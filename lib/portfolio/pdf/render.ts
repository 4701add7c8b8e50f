import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { env } from "@/lib/env";
import type { Portfolio } from "../model";
import { registerPdfFonts } from "./fonts";
import { PortfolioDocument } from "./portfolio-document";

/**
 * The portfolio as PDF bytes: real text in bundled fonts, vector QR codes, links to our origin
 * only. Pure rendering (no database, no "server-only"), so a benchmark can run it in a worker.
 * react-pdf needs React's client build: Next loads it as an external package (it is on Next's
 * default serverExternalPackages list), never through the react-server condition.
 */
export async function renderPortfolioPdf(portfolio: Portfolio, origin: string = env.appUrl): Promise<Buffer> {
  registerPdfFonts();
  // Called as a function: renderToBuffer wants the <Document> element itself at the root.
  return renderToBuffer(PortfolioDocument({ portfolio, origin }) as ReactElement<DocumentProps>);
}
