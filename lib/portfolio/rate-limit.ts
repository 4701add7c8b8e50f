import "server-only";
import { consumeAllowance } from "@/lib/http/allowance";
import { PDF_DOWNLOADS_PER_MINUTE } from "./limits";

/**
 * Per-holder allowance for PDF downloads: each renders every page on the server (about a
 * second for 50 credentials), so a loop of requests must not take the server's CPU.
 * Returns seconds to wait, or 0 when allowed.
 */
export function consumePortfolioPdfAllowance(holderId: string): Promise<number> {
  return consumeAllowance("portfolio-pdf", PDF_DOWNLOADS_PER_MINUTE, holderId);
}
