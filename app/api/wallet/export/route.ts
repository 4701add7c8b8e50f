import { getDb } from "@/db";
import { consumeAllowance, tooManyResponse } from "@/lib/http/allowance";
import { requireHolderForRoute } from "@/lib/http/holder-route";
import { EXPORTS_PER_MINUTE } from "@/lib/wallet-archive/format";
import { walletExportResponse } from "@/lib/wallet-archive/http";

export const dynamic = "force-dynamic";

/**
 * The signed-in holder's whole wallet as one zip (docs/decisions/0015), streamed with its exact
 * size. The holder comes from the session only: there is no parameter that could name another.
 */
export async function GET(request: Request) {
  const holder = await requireHolderForRoute(request, { mutating: false, download: true });
  if (holder instanceof Response) return holder;
  // Each export reads the whole wallet, originals included: a loop of them must not take the server.
  const wait = await consumeAllowance("wallet-export", EXPORTS_PER_MINUTE, holder.id);
  if (wait > 0) return tooManyResponse("Too many exports in a minute.", wait);
  return walletExportResponse(getDb(), holder.id);
}
