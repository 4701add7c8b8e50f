"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import {
  addToCollectionAction,
  createCollectionAction,
  removeFromCollectionAction,
} from "@/app/(wallet)/wallet/collections/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { COLLECTION_NAME_MAX_CHARS } from "@/lib/wallet/limits";
import { ActionFailed, callAction, failureMessage } from "./action-call";

export interface CollectionOption {
  id: string;
  name: string;
}

function byName(a: CollectionOption, b: CollectionOption): number {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" });
}

/**
 * Which of the holder's collections hold this credential: a checkbox each (checked at once,
 * unchecked again if refused), and a field to create a collection and add the credential to it.
 */
export function CollectionsPicker({
  credentialId,
  collections,
  memberOf,
}: {
  credentialId: string;
  collections: CollectionOption[];
  memberOf: string[];
}) {
  const id = useId();
  const [options, setOptions] = useState(collections);
  const [checked, setChecked] = useState(() => new Set(memberOf));
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const [failure, setFailure] = useState<string | null>(null);

  const mark = (collectionId: string, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(collectionId);
      else next.delete(collectionId);
      return next;
    });

  const toggle = useMutation({
    mutationFn: async ({ collection, add }: { collection: CollectionOption; add: boolean }) => {
      const input = { collectionId: collection.id, credentialIds: [credentialId] };
      await (add
        ? callAction(() => addToCollectionAction(input))
        : callAction(() => removeFromCollectionAction(input)));
    },
    onMutate: () => {
      setMessage("");
      setFailure(null);
    },
    onError: (error, { collection, add }) => {
      mark(collection.id, !add);
      setFailure(
        `${add ? `Not added to ${collection.name}` : `Not removed from ${collection.name}`}: ${failureMessage(error)}`,
      );
    },
    onSuccess: (_data, { collection, add }) =>
      setMessage(add ? `Added to ${collection.name}.` : `Removed from ${collection.name}.`),
  });

  const create = useMutation({
    mutationFn: async (newName: string) => {
      const created = await callAction(() => createCollectionAction({ name: newName }));
      setOptions((current) => [...current, created].sort(byName));
      await callAction(() => addToCollectionAction({ collectionId: created.id, credentialIds: [credentialId] }));
      return created;
    },
    onMutate: () => {
      setMessage("");
      setFailure(null);
    },
    onError: (error) => {
      if (!(error instanceof ActionFailed && error.fieldErrors?.name)) setFailure(failureMessage(error));
    },
    onSuccess: (created) => {
      mark(created.id, true);
      setName("");
      setMessage(`Created ${created.name} and added this credential to it.`);
    },
  });

  const nameError = create.error instanceof ActionFailed ? create.error.fieldErrors?.name?.[0] : undefined;

  return (
    <div className="flex flex-col gap-4">
      {options.length > 0 ? (
        <fieldset>
          <legend className="mb-2 font-medium">Keep this credential in</legend>
          <ul className="flex flex-col gap-1">
            {options.map((collection) => (
              <li key={collection.id}>
                <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-100 dark:hover:bg-slate-800">
                  <input
                    type="checkbox"
                    className="h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
                    checked={checked.has(collection.id)}
                    onChange={(e) => {
                      // Ticked at once (a controlled checkbox must change in the event); unticked again if refused.
                      mark(collection.id, e.target.checked);
                      toggle.mutate({ collection, add: e.target.checked });
                    }}
                  />
                  <span className="wrap-anywhere">{collection.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          You have no collections yet. A collection groups credentials for one purpose, such as a job application.
        </p>
      )}
      <form
        className="flex flex-col gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(name);
        }}
      >
        <label htmlFor={`${id}-name`} className="text-sm font-medium">
          New collection name
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={COLLECTION_NAME_MAX_CHARS}
            required
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
          />
          <Button type="submit" variant="secondary" disabled={create.isPending}>
            Create and add
          </Button>
        </div>
        {nameError ? (
          <p id={`${id}-name-error`} role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
            {nameError}
          </p>
        ) : null}
      </form>
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {toggle.isPending || create.isPending ? "Saving…" : message}
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <p className="text-sm">
        <Link
          href="/wallet/collections"
          className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
        >
          Manage your collections
        </Link>
      </p>
    </div>
  );
}
