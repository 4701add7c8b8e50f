"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { plural } from "@/components/ui/format";
import { queryKeys } from "@/lib/query-keys";
import { walletQueryToParams } from "@/lib/wallet/query";
import type { WalletPageView } from "@/lib/wallet/view";
import { FIELD_IDS } from "./goal-draft";

export interface ChosenCredential {
  id: string;
  title: string;
  issuerName: string;
  /** Chosen earlier, but no longer in the wallet (or no longer able to count). */
  gone?: boolean;
}

const SEARCH_DELAY_MS = 250;

async function fetchWallet(search: string, signal: AbortSignal): Promise<WalletPageView> {
  const response = await fetch(`/api/wallet?${search}`, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended. Please sign in again." : "Could not load your wallet. Please try again.");
  return (await response.json()) as WalletPageView;
}

/**
 * "Credentials you already hold": the wallet searched as you type (from /api/wallet, sorted by
 * title, 24 a page) as a checkbox list, then the chosen ones with a remove button each (below
 * the results, so ticking one never moves the list under the holder's finger). A native multiple
 * select is unusable on phones and with screen readers; this is not.
 */
export function HeldCredentialsPicker({
  renderId,
  initialPage,
  chosen,
  onChange,
  error,
}: {
  renderId: string;
  initialPage: WalletPageView;
  chosen: ChosenCredential[];
  onChange: (next: ChosenCredential[]) => void;
  error?: string;
}) {
  const [text, setText] = useState("");
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const searchInput = useRef<HTMLInputElement>(null);
  const chosenIds = new Set(chosen.map((c) => c.id));
  const search = walletQueryToParams({ q, sort: "title", page }).toString();
  const initialSearch = walletQueryToParams({ sort: "title" }).toString();

  useEffect(() => {
    const wanted = text.replace(/\s+/g, " ").trim() || undefined;
    if (wanted === q) return;
    const timer = setTimeout(() => {
      setQ(wanted);
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, q]);

  const { data, error: loadError, isFetching, isPlaceholderData } = useQuery({
    queryKey: queryKeys.wallet(renderId, search),
    queryFn: ({ signal }) => fetchWallet(search, signal),
    initialData: search === initialSearch ? initialPage : undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const results = data ?? initialPage;
  const busy = isFetching && isPlaceholderData;
  const pages = Math.max(1, Math.ceil(results.total / results.pageSize));

  const toggle = (credential: ChosenCredential, on: boolean) => onChange(on ? [...chosen.filter((c) => c.id !== credential.id), credential] : chosen.filter((c) => c.id !== credential.id));
  const remove = (index: number) => {
    const next = chosen.filter((_, i) => i !== index);
    onChange(next);
    // Keep the focus in the list: on the next remove button, else back to the search.
    requestAnimationFrame(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>("[data-chosen-remove]");
      (buttons[Math.min(index, buttons.length - 1)] ?? searchInput.current)?.focus();
    });
  };

  const status = loadError ? null : busy ? "Searching…" : results.total === 0 ? (q ? `No credentials match “${q}”.` : "Your wallet is empty.") : q ? `${plural(results.total, "credential")} match “${q}”.` : `${plural(results.total, "credential")} in your wallet.`;
  const errorId = `${FIELD_IDS.held}-error`;

  return (
    <fieldset className="flex min-w-0 flex-col gap-3" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 font-semibold">Credentials you already hold</legend>
      <p className="text-sm text-slate-700 dark:text-slate-300">Tick the credentials in your wallet that count toward this goal. The goal recognises them by issuer and title, so a renewed copy counts too.</p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}

      <div className="flex flex-col gap-1.5">
        <label htmlFor={FIELD_IDS.held} className="text-sm font-medium">
          Find a credential in your wallet
        </label>
        <input
          ref={searchInput}
          id={FIELD_IDS.held}
          type="search"
          value={text}
          maxLength={100}
          autoComplete="off"
          placeholder="Title, issuer, skill or tag"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches at once here; it must not submit the whole goal.
            if (e.key === "Enter") {
              e.preventDefault();
              setQ(text.replace(/\s+/g, " ").trim() || undefined);
              setPage(1);
            }
          }}
          className="min-h-11 min-w-0 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
        />
      </div>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {status}
      </p>
      {loadError ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {loadError.message}
        </p>
      ) : null}
      {results.items.length > 0 ? (
        <ul aria-label="Credentials in your wallet" aria-busy={busy || undefined} className={`flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-700 ${busy ? "opacity-60" : ""}`}>
          {results.items.map((item) => (
            <li key={item.id}>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800">
                <input
                  type="checkbox"
                  className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
                  checked={chosenIds.has(item.id)}
                  onChange={(e) => toggle({ id: item.id, title: item.title, issuerName: item.issuerName }, e.target.checked)}
                />
                <span className="min-w-0 break-words">
                  <span className="font-medium">{item.title}</span>
                  <span className="block text-sm text-slate-700 dark:text-slate-300">{item.issuerName}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {pages > 1 ? (
        <div className="flex items-center justify-between gap-2 text-sm">
          <Button type="button" variant="secondary" disabled={results.page <= 1} onClick={() => !busy && setPage(results.page - 1)}>
            Previous page
          </Button>
          <span>
            Page {results.page} of {pages}
          </span>
          <Button type="button" variant="secondary" disabled={results.page >= pages} onClick={() => !busy && setPage(results.page + 1)}>
            Next page
          </Button>
        </div>
      ) : null}
      <div>
        <p className="text-sm font-medium">{chosen.length === 0 ? "None chosen yet." : `Chosen: ${plural(chosen.length, "credential")}`}</p>
        {chosen.length > 0 ? (
          <ul className="mt-1 flex flex-col gap-1" aria-label="Chosen credentials">
            {chosen.map((credential, i) => (
              <li key={credential.id} className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-1 dark:border-slate-700">
                <span className="min-w-0 break-words text-sm">
                  {credential.gone ? (
                    <span className="font-medium text-red-800 dark:text-red-300">A credential no longer in your wallet</span>
                  ) : (
                    <>
                      <span className="font-medium">{credential.title}</span>
                      <span className="text-slate-700 dark:text-slate-300"> · {credential.issuerName}</span>
                    </>
                  )}
                </span>
                <Button type="button" variant="ghost" className="shrink-0" data-chosen-remove="" aria-label={`Remove “${credential.gone ? "a credential no longer in your wallet" : credential.title}”`} onClick={() => remove(i)}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}
