"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { deleteShareAction, extendShareAction, revokeShareAction } from "@/app/(wallet)/shares/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { DEFAULT_SHARE_DAYS, SHARE_EXPIRY_CHOICES, type ShareExpiry, type ShareState } from "@/lib/shares/expiry";
import { announce } from "./announcer";
import { expiryOptionValue, parseExpiryOption, worksUntilLine } from "./share-text";

const selectClass =
  "min-h-11 min-w-0 flex-1 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100";

/** Where the focus goes when a card leaves the list: the list's heading, else the page's. */
function focusListHeading(lastCard: boolean) {
  const target =
    (!lastCard && document.getElementById("shares-list-heading")) || document.querySelector<HTMLElement>("main h1");
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}

/**
 * A link's actions on its card: extend (a new end date counted from today; an expired link works
 * again), revoke a working link (two steps, then final), delete one that no longer works.
 */
export function ShareActions({
  shareId,
  title,
  headingId,
  state,
}: {
  shareId: string;
  title: string;
  headingId: string;
  state: ShareState;
}) {
  const router = useRouter();
  const id = useId();
  const [expiry, setExpiry] = useState(expiryOptionValue(DEFAULT_SHARE_DAYS));
  const [done, setDone] = useState("");
  const [revokedHere, setRevokedHere] = useState(false);

  const extend = useMutation({
    mutationFn: (value: ShareExpiry) => callAction(() => extendShareAction({ shareId, expiry: value })),
    onMutate: () => setDone(""),
    onSuccess: ({ share }) => {
      const text = `Link extended. ${worksUntilLine(share.expiresAt)}`;
      setDone(text);
      announce(text);
      router.refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => callAction(() => revokeShareAction({ shareId })),
    onMutate: () => setDone(""),
    onSuccess: () => {
      const text = "Link revoked. Anyone who opens it now sees that it was revoked.";
      setRevokedHere(true);
      setDone(text);
      announce(text);
      document.getElementById(headingId)?.focus();
      router.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => callAction(() => deleteShareAction({ shareId })),
    onMutate: () => setDone(""),
    onSuccess: () => {
      announce(`Link “${title}” deleted.`);
      focusListHeading(document.querySelectorAll("[data-share-card]").length <= 1);
      router.refresh();
    },
  });

  const revoked = state === "revoked" || revokedHere;

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-3 dark:border-slate-800">
      {!revoked ? (
        <form
          className="flex flex-col gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            const value = parseExpiryOption(expiry);
            if (value !== null && !extend.isPending) extend.mutate(value);
          }}
        >
          <label htmlFor={`${id}-expiry`} className="text-sm font-medium">
            Link expires after
          </label>
          <p id={`${id}-expiry-hint`} className="text-sm text-slate-600 dark:text-slate-400">
            Counted from today{state === "expired" ? ", and the link works again" : ""}. This is the link’s end date,
            not your credentials’.
          </p>
          <div className="flex flex-wrap gap-2">
            <select
              id={`${id}-expiry`}
              aria-describedby={`${id}-expiry-hint`}
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
              className={selectClass}
            >
              {SHARE_EXPIRY_CHOICES.map((choice) => (
                <option key={String(choice.value)} value={expiryOptionValue(choice.value)}>
                  {choice.label}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" disabled={extend.isPending}>
              Extend
            </Button>
          </div>
          {extend.isError ? <Alert tone="error">{failureMessage(extend.error)}</Alert> : null}
        </form>
      ) : null}

      {!revoked && state === "active" ? (
        <ConfirmStep
          key="revoke"
          trigger="Revoke link"
          question={`Revoke the link “${title}”? It stops working at once for everyone who has it, and cannot be turned back on. To share again, create a new link.`}
          confirmLabel="Yes, revoke"
          pendingLabel="Revoking…"
          pending={revoke.isPending}
          error={revoke.isError ? failureMessage(revoke.error) : null}
          onConfirm={() => revoke.mutate()}
        />
      ) : (
        <ConfirmStep
          key="delete"
          trigger="Delete link"
          question={`Delete the link “${title}” and its view count? Anyone who opens it afterwards is told it was not found.`}
          confirmLabel="Yes, delete link"
          pendingLabel="Deleting…"
          pending={remove.isPending || remove.isSuccess}
          error={remove.isError ? failureMessage(remove.error) : null}
          onConfirm={() => remove.mutate()}
        />
      )}

      {done ? <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">{done}</p> : null}
    </div>
  );
}
