import { getDb } from "@/db";
import { requireHolderForRoute } from "@/lib/http/holder-route";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

/** One page of the holder's wallet for the live search island; same query language as /wallet. */
export async function GET(request: Request) {
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  const query = parseWalletQuery(new URL(request.url).searchParams);
  const page = await listWallet(getDb(), holder.id, query);
  return Response.json(toWalletPageView(page), { headers: { "cache-control": "no-store" } });
}
