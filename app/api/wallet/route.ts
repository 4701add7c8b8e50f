import { holderRoute } from "@/lib/http/route";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

/** One page of the holder's wallet for the live search island; same query language as /wallet. */
export const GET = holderRoute({ mutating: false }, async (request, { holder, db }) => {
  const params = new URL(request.url).searchParams;
  const query = parseWalletQuery(params);
  const page = await listWallet(db, holder.id, query, new Date(), { nestParts: params.get("nest") === "1" });
  return Response.json(toWalletPageView(page), { headers: { "cache-control": "no-store" } });
});
