import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { WalletPageView } from "@/lib/wallet/view";

/** How long typing rests before the wallet is searched. */
export const SEARCH_DELAY_MS = 250;

async function fetchWallet(search: string, nest: boolean, signal: AbortSignal): Promise<WalletPageView> {
  // `nest` is not part of the wallet's query language: it asks for parts under their whole (the wallet page).
  const params = nest ? (search ? `${search}&nest=1` : "nest=1") : search;
  const response = await fetch(`/api/wallet?${params}`, { signal, cache: "no-store" });
  if (!response.ok)
    throw new Error(
      response.status === 401
        ? "Your session has ended. Please sign in again."
        : "Could not load your wallet. Please try again.",
    );
  return (await response.json()) as WalletPageView;
}

/**
 * One page of the holder's wallet from GET /api/wallet (`search` is the canonical query string,
 * lib/wallet/query.ts): the server-rendered page while the search is the one it was rendered for,
 * then the previous page stays in place (`busy`) until the next one arrives, so nothing jumps.
 */
export function useWalletPage({
  renderId,
  search,
  initialSearch,
  initialPage,
  nestParts = false,
}: {
  renderId: string;
  search: string;
  initialSearch: string;
  initialPage: WalletPageView;
  nestParts?: boolean;
}): { page: WalletPageView; error: Error | null; busy: boolean } {
  const { data, error, isFetching, isPlaceholderData } = useQuery({
    queryKey: queryKeys.wallet(renderId, nestParts ? `${search}#nested` : search),
    queryFn: ({ signal }) => fetchWallet(search, nestParts, signal),
    initialData: search === initialSearch ? initialPage : undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { page: data ?? initialPage, error, busy: isFetching && isPlaceholderData };
}
