"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { plural } from "@/components/ui/format";
import { walletQueryToParams } from "@/lib/wallet/query";
import type { WalletCardView, WalletPageView } from "@/lib/wallet/view";
import { SEARCH_DELAY_MS, useWalletPage } from "./wallet-page-query";

export interface PickedCredential {
  id: string;
  title: string;
  issuerName: string;
  /** Chosen earlier, but no longer in the wallet (or no longer able to count). */
  gone?: boolean;
}

const GONE = "A credential no longer in your wallet";

/**
 * Credentials picked from the wallet: the wallet searched as you type (GET /api/wallet, by title,
 * 24 a page) as radios for one credential or checkboxes for several, then what is chosen, with a
 * remove button each (below the results, so ticking never moves the list under the holder's
 * finger). A native multiple select is unusable on phones and with screen readers; this is not.
 * Used by the goal form, the share forms and the portfolio form.
 */
export function CredentialPicker({
  mode,
  fieldId,
  legend,
  intro,
  itemStatus,
  renderId,
  initialPage,
  chosen,
  onChange,
  error,
}: {
  mode: "single" | "multiple";
  /** The search field's id (its error is `${fieldId}-error`): the forms focus it when nothing is chosen. */
  fieldId: string;
  legend: string;
  /** The sentence under the legend. */
  intro: string;
  /** A line under each result (e.g. its verification and expiry in words). */
  itemStatus?: (item: WalletCardView) => string;
  renderId: string;
  initialPage: WalletPageView;
  chosen: PickedCredential[];
  onChange: (next: PickedCredential[]) => void;
  error?: string;
}) {
  const [text, setText] = useState("");
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const searchInput = useRef<HTMLInputElement>(null);
  const chosenIds = new Set(chosen.map((c) => c.id));
  const search = walletQueryToParams({ q, sort: "title", page }).toString();
  const initialSearch = walletQueryToParams({ sort: "title" }).toString();
  const errorId = `${fieldId}-error`;
  const single = mode === "single";

  useEffect(() => {
    const wanted = text.replace(/\s+/g, " ").trim() || undefined;
    if (wanted === q) return;
    const timer = setTimeout(() => {
      setQ(wanted);
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, q]);

  const { page: results, error: loadError, busy } = useWalletPage({ renderId, search, initialSearch, initialPage });
  const pages = Math.max(1, Math.ceil(results.total / results.pageSize));

  const choose = (credential: PickedCredential, on: boolean) => {
    if (single) onChange([credential]);
    else
      onChange(
        on
          ? [...chosen.filter((c) => c.id !== credential.id), credential]
          : chosen.filter((c) => c.id !== credential.id),
      );
  };
  const remove = (index: number) => {
    onChange(chosen.filter((_, i) => i !== index));
    // Keep the focus in the list: on the next remove button, else back to the search.
    requestAnimationFrame(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(`[data-chosen-remove="${fieldId}"]`);
      (buttons[Math.min(index, buttons.length - 1)] ?? searchInput.current)?.focus();
    });
  };

  const status = loadError
    ? null
    : busy
      ? "Searching…"
      : results.total === 0
        ? q
          ? `No credentials match “${q}”.`
          : "Your wallet is empty."
        : q
          ? `${plural(results.total, "credential")} match “${q}”.`
          : `${plural(results.total, "credential")} in your wallet.`;

  return (
    <fieldset className="flex min-w-0 flex-col gap-3" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <p className="text-sm text-slate-700 dark:text-slate-300">{intro}</p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}

      <div className="flex flex-col gap-1.5">
        <label htmlFor={fieldId} className="text-sm font-medium">
          Find a credential in your wallet
        </label>
        <input
          ref={searchInput}
          id={fieldId}
          type="search"
          value={text}
          maxLength={100}
          autoComplete="off"
          placeholder="Title, issuer, skill or tag"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches at once here; it must not submit the form around the picker.
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
        <ul
          aria-label="Credentials in your wallet"
          aria-busy={busy || undefined}
          className={`flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-700 ${busy ? "opacity-60" : ""}`}
        >
          {results.items.map((item) => (
            <li key={item.id}>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800">
                <input
                  type={single ? "radio" : "checkbox"}
                  name={single ? `${fieldId}-choice` : undefined}
                  className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
                  checked={chosenIds.has(item.id)}
                  onChange={(e) =>
                    choose({ id: item.id, title: item.title, issuerName: item.issuerName }, e.target.checked)
                  }
                />
                <span className="min-w-0 wrap-anywhere">
                  <span className="font-medium">{item.title}</span>
                  <span className="block text-sm text-slate-700 dark:text-slate-300">{item.issuerName}</span>
                  {itemStatus ? (
                    <span className="block text-sm text-slate-700 dark:text-slate-300">{itemStatus(item)}</span>
                  ) : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {pages > 1 ? (
        <div className="flex items-center justify-between gap-2 text-sm">
          <Button
            type="button"
            variant="secondary"
            disabled={results.page <= 1}
            onClick={() => !busy && setPage(results.page - 1)}
          >
            Previous page
          </Button>
          <span>
            Page {results.page} of {pages}
          </span>
          <Button
            type="button"
            variant="secondary"
            disabled={results.page >= pages}
            onClick={() => !busy && setPage(results.page + 1)}
          >
            Next page
          </Button>
        </div>
      ) : null}
      <div>
        {single ? (
          <p className="wrap-anywhere text-sm font-medium">
            {chosen[0] ? (
              <>
                Chosen: {chosen[0].title}
                {chosen[0].issuerName ? (
                  <span className="font-normal text-slate-700 dark:text-slate-300"> · {chosen[0].issuerName}</span>
                ) : null}
              </>
            ) : (
              "None chosen yet."
            )}
          </p>
        ) : (
          <>
            <p className="text-sm font-medium">
              {chosen.length === 0 ? "None chosen yet." : `Chosen: ${plural(chosen.length, "credential")}`}
            </p>
            {chosen.length > 0 ? (
              <ul className="mt-1 flex flex-col gap-1" aria-label="Chosen credentials">
                {chosen.map((credential, i) => (
                  <li
                    key={credential.id}
                    className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-1 dark:border-slate-700"
                  >
                    <span className="min-w-0 wrap-anywhere text-sm">
                      {credential.gone ? (
                        <span className="font-medium text-red-800 dark:text-red-300">{GONE}</span>
                      ) : (
                        <>
                          <span className="font-medium">{credential.title}</span>
                          {credential.issuerName ? (
                            <span className="text-slate-700 dark:text-slate-300"> · {credential.issuerName}</span>
                          ) : null}
                        </>
                      )}
                    </span>
                    <Button
                      type="button"
                      variant="ghost"
                      className="shrink-0"
                      data-chosen-remove={fieldId}
                      aria-label={`Remove “${credential.gone ? GONE.toLowerCase() : credential.title}”`}
                      onClick={() => remove(i)}
                    >
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </div>
    </fieldset>
  );
}
