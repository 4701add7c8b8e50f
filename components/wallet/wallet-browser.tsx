"use client";

import { Search, SlidersHorizontal } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { WalletFacets } from "@/lib/wallet/list";
import { hasFilters, walletQueryToParams, type WalletQuery } from "@/lib/wallet/query";
import type { WalletPageView } from "@/lib/wallet/view";
import { plural } from "@/components/ui/format";
import { SEARCH_DELAY_MS, useWalletPage } from "./wallet-page-query";
import { Pager } from "./pager";
import { WalletCard } from "./wallet-card";
import { WalletFilters, type CollectionOption } from "./wallet-filters";

function activeFilterCount(query: WalletQuery): number {
  return [
    query.kind,
    query.verification,
    query.issuer,
    query.skill,
    query.tag,
    query.validity,
    query.collection,
  ].filter(Boolean).length;
}

/**
 * The wallet's live search island: filters live in the URL (replaced as they change, so a view can
 * be bookmarked), results come from /api/wallet while the previous page stays in place (no jump).
 * Without script the same form submits as a plain GET to /wallet.
 */
export function WalletBrowser({
  renderId,
  initialQuery,
  initialPage,
  facets,
  collections,
}: {
  renderId: string;
  initialQuery: WalletQuery;
  initialPage: WalletPageView;
  facets: WalletFacets;
  collections: CollectionOption[];
}) {
  const [query, setQuery] = useState(initialQuery);
  const [searchText, setSearchText] = useState(initialQuery.q ?? "");
  const now = useMemo(() => new Date(renderId), [renderId]);
  const search = walletQueryToParams(query).toString();
  const initialSearch = useMemo(() => walletQueryToParams(initialQuery).toString(), [initialQuery]);

  const update = (patch: Partial<WalletQuery>) => setQuery((current) => ({ ...current, page: 1, ...patch }));

  useEffect(() => {
    const wanted = searchText.replace(/\s+/g, " ").trim() || undefined;
    if (wanted === query.q) return;
    const timer = setTimeout(() => setQuery((current) => ({ ...current, q: wanted, page: 1 })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, query.q]);

  useEffect(() => {
    const url = search ? `/wallet?${search}` : "/wallet";
    if (`${window.location.pathname}${window.location.search}` !== url)
      window.history.replaceState(window.history.state, "", url);
  }, [search]);

  const { page, error, busy } = useWalletPage({ renderId, search, initialSearch, initialPage, nestParts: true });
  const filtered = hasFilters(query);
  const filterCount = activeFilterCount(query);
  // Open when the page opens with filters; after that only the holder opens or closes it, so
  // clearing the last filter never folds the panel away under their hand.
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilterCount(initialQuery) > 0);

  return (
    <div className="flex flex-col gap-4">
      <form
        method="get"
        action="/wallet"
        role="search"
        aria-label="Your credentials"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: searchText.replace(/\s+/g, " ").trim() || undefined });
        }}
        className="flex flex-col gap-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="wallet-search" className="text-sm font-medium">
            Search your wallet
          </label>
          <div className="flex gap-2">
            <input
              id="wallet-search"
              name="q"
              type="search"
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              maxLength={100}
              autoComplete="off"
              placeholder="Title, issuer, skill, outcome or tag"
              className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
            />
            <Button type="submit" variant="secondary" aria-label="Search">
              <Search className="h-4 w-4" aria-hidden="true" />
              <span className="hidden sm:inline">Search</span>
            </Button>
          </div>
        </div>
        <details
          className="group rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
          open={filtersOpen}
          onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
        >
          <summary className="flex min-h-11 cursor-pointer items-center gap-2 font-medium">
            <SlidersHorizontal className="h-4 w-4" aria-hidden="true" />
            Filters and sort{filterCount > 0 ? ` (${filterCount} active)` : ""}
          </summary>
          <div className="mt-3">
            <WalletFilters query={query} facets={facets} collections={collections} onChange={update} />
          </div>
        </details>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {busy
            ? "Searching…"
            : filtered
              ? `${plural(page.total, "credential")} match`
              : plural(page.total, "credential")}
        </p>
        {filtered ? (
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setSearchText("");
              setQuery({ sort: query.sort, page: 1 });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>

      {error ? <Alert tone="error">{error.message}</Alert> : null}

      {page.items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 px-4 py-10 text-center text-slate-700 dark:border-slate-700 dark:text-slate-300">
          No credentials match. Try fewer words or clear the filters.
        </p>
      ) : (
        <ul
          className={`grid grid-cols-1 gap-3 sm:grid-cols-2 ${busy ? "opacity-60" : ""}`}
          aria-label="Credentials"
          aria-busy={busy || undefined}
        >
          {page.items.map((credential) => (
            <li key={credential.id}>
              <WalletCard credential={credential} now={now} />
            </li>
          ))}
        </ul>
      )}

      <Pager
        page={page.page}
        pageSize={page.pageSize}
        total={page.total}
        hrefFor={(n) => `/wallet?${walletQueryToParams({ ...query, page: n }).toString()}`}
        onPage={(n) => update({ page: n })}
      />
    </div>
  );
}
