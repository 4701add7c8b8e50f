"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { createShareAction } from "@/app/(wallet)/shares/actions";
import { ActionFailed, callAction, failureMessage } from "@/components/credential/action-call";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { plural } from "@/components/ui/format";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { SHARE_EXPIRY_CHOICES } from "@/lib/shares/expiry";
import { SHARE_HEADLINE_MAX_CHARS } from "@/lib/shares/limits";
import type { CreateShareInput } from "@/lib/shares/schemas";
import type { WalletPageView } from "@/lib/wallet/view";
import { CollectionField, type CollectionChoice } from "./collection-field";
import { CredentialChooser } from "./credential-chooser";
import {
  checkShareDraft,
  SCOPE_CHOICES,
  serverFieldErrors,
  SHARE_FIELD_IDS,
  withScope,
  type ShareDraft,
  type ShareDraftErrors,
} from "./share-draft";
import { ShareCreated } from "./share-created";
import { expiryOptionValue } from "./share-text";
import { VISIBILITY_CHOICES } from "./visibility-choices";

const selectClass =
  "min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100";
const hintClass = "text-sm text-slate-600 dark:text-slate-400";
const errorClass = "text-sm font-medium text-red-700 dark:text-red-300";

/**
 * A new share link: what to share, a headline, how long the link works, and what the page shows
 * besides the credentials (nothing extra unless ticked). Checked here first; what the server still
 * refuses is shown as an alert. On success the link is shown in place of the form, once.
 */
export function ShareForm({
  initial,
  collections,
  walletTotal,
  renderId,
  initialPage,
}: {
  initial: ShareDraft;
  collections: CollectionChoice[];
  walletTotal: number;
  renderId: string;
  initialPage: WalletPageView;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<ShareDraftErrors>({});
  const [refused, setRefused] = useState<string | null>(null);
  const refusedBox = useRef<HTMLDivElement>(null);

  const create = useMutation({
    mutationFn: (input: CreateShareInput) => callAction(() => createShareAction(input)),
    onMutate: () => setRefused(null),
    onError: (error) => {
      if (error instanceof ActionFailed) setErrors(serverFieldErrors(error.fieldErrors, draft.scope));
      setRefused(failureMessage(error));
    },
  });

  useEffect(() => {
    if (refused) refusedBox.current?.focus();
  }, [refused]);

  const set = <K extends keyof ShareDraft>(key: K, value: ShareDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  if (create.isSuccess) {
    const { url, share, linkedInUrl } = create.data;
    return (
      <ShareCreated
        url={url}
        linkedInUrl={linkedInUrl}
        expiresAt={share.expiresAt}
        tokenHint={share.tokenHint}
        onAnother={() => {
          create.reset();
          setDraft(initial);
          setErrors({});
          requestAnimationFrame(() =>
            document.querySelector<HTMLInputElement>(`input[name="${id}-scope"]:checked`)?.focus(),
          );
        }}
      />
    );
  }

  const legendId = `${id}-scope-legend`;

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (create.isPending) return;
        const checked = checkShareDraft(draft);
        if (!checked.ok) {
          setErrors(checked.errors);
          setRefused(null);
          const first = Object.keys(checked.errors)[0];
          if (first) document.getElementById(first)?.focus();
          return;
        }
        setErrors({});
        create.mutate(checked.input);
      }}
    >
      <fieldset role="radiogroup" aria-labelledby={legendId} className="flex flex-col gap-1">
        <legend id={legendId} className="mb-1 font-semibold">
          What to share
        </legend>
        {SCOPE_CHOICES.map((choice) => (
          <div key={choice.value} className="rounded-lg hover:bg-slate-100 dark:hover:bg-slate-800">
            <label className="flex min-h-11 cursor-pointer items-center gap-3 px-2 pt-1">
              <input
                type="radio"
                name={`${id}-scope`}
                value={choice.value}
                checked={draft.scope === choice.value}
                aria-describedby={`${id}-scope-${choice.value}`}
                onChange={() => setDraft((current) => withScope(current, choice.value))}
                className="h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
              />
              <span className="font-medium">{choice.label}</span>
            </label>
            <p id={`${id}-scope-${choice.value}`} className={`${hintClass} pb-2 pl-10`}>
              {choice.hint}
            </p>
          </div>
        ))}
      </fieldset>

      {draft.scope === "credential" ? (
        <CredentialChooser
          mode="single"
          fieldId={SHARE_FIELD_IDS.credential}
          renderId={renderId}
          initialPage={initialPage}
          chosen={draft.credential ? [draft.credential] : []}
          onChange={(next) => set("credential", next[0] ?? null)}
          error={errors[SHARE_FIELD_IDS.credential]}
        />
      ) : null}
      {draft.scope === "selection" ? (
        <CredentialChooser
          mode="multiple"
          fieldId={SHARE_FIELD_IDS.selection}
          renderId={renderId}
          initialPage={initialPage}
          chosen={draft.selection}
          onChange={(next) => set("selection", next)}
          error={errors[SHARE_FIELD_IDS.selection]}
        />
      ) : null}
      {draft.scope === "collection" ? (
        <CollectionField
          collections={collections}
          value={draft.collectionId}
          onChange={(value) => set("collectionId", value)}
          error={errors[SHARE_FIELD_IDS.collection]}
        />
      ) : null}
      {draft.scope === "profile" ? (
        <p className="rounded-xl border border-slate-200 px-4 py-3 text-sm dark:border-slate-700">
          Every credential in your wallet: {plural(walletTotal, "credential")} today, and any you add later, for as long
          as the link works.
        </p>
      ) : null}

      <TextField
        label="Headline (optional)"
        name={SHARE_FIELD_IDS.headline}
        value={draft.headline}
        maxLength={SHARE_HEADLINE_MAX_CHARS}
        autoComplete="off"
        placeholder="e.g. Applying for ICU staff nurse"
        hint="Shown at the top of the page and in link previews, and as the link’s name in your list."
        error={errors[SHARE_FIELD_IDS.headline]}
        onChange={(e) => set("headline", e.target.value)}
      />

      <div className="flex flex-col gap-1.5">
        <label htmlFor={SHARE_FIELD_IDS.expiry} className="text-sm font-medium">
          Link expires after
        </label>
        <p id={`${SHARE_FIELD_IDS.expiry}-hint`} className={hintClass}>
          This is when the link stops working — not when your credentials expire. You can extend or revoke it later.
        </p>
        <select
          id={SHARE_FIELD_IDS.expiry}
          value={draft.expiry}
          aria-invalid={errors[SHARE_FIELD_IDS.expiry] ? true : undefined}
          aria-describedby={[
            `${SHARE_FIELD_IDS.expiry}-hint`,
            errors[SHARE_FIELD_IDS.expiry] ? `${SHARE_FIELD_IDS.expiry}-error` : null,
          ]
            .filter(Boolean)
            .join(" ")}
          onChange={(e) => set("expiry", e.target.value)}
          className={`${selectClass} sm:max-w-xs`}
        >
          {SHARE_EXPIRY_CHOICES.map((choice) => (
            <option key={String(choice.value)} value={expiryOptionValue(choice.value)}>
              {choice.label}
            </option>
          ))}
        </select>
        {errors[SHARE_FIELD_IDS.expiry] ? (
          <p id={`${SHARE_FIELD_IDS.expiry}-error`} className={errorClass}>
            {errors[SHARE_FIELD_IDS.expiry]}
          </p>
        ) : null}
      </div>

      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-locale`} className="text-sm font-medium">
          Page language
        </label>
        <p id={`${id}-locale-hint`} className={hintClass}>
          The page follows each reader&rsquo;s browser unless you choose one here. A reader can still switch on the
          page; the credentials themselves are shown as their issuers wrote them.
        </p>
        <select
          id={`${id}-locale`}
          value={draft.locale}
          aria-describedby={`${id}-locale-hint`}
          onChange={(e) => set("locale", e.target.value)}
          className={`${selectClass} sm:max-w-xs`}
        >
          <option value="">Each reader&rsquo;s own language</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">What the page shows</legend>
        <p className={`${hintClass} mb-1`}>
          Your name and the credentials with their verification checks are always shown. Anything else stays hidden
          unless you tick it.
        </p>
        {VISIBILITY_CHOICES.map((choice) => (
          <div key={choice.key}>
            <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-100 dark:hover:bg-slate-800">
              <input
                type="checkbox"
                checked={draft[choice.key]}
                aria-describedby={`${id}-${choice.key}-hint`}
                onChange={(e) => set(choice.key, e.target.checked)}
                className="h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
              />
              <span>{choice.label}</span>
            </label>
            <p id={`${id}-${choice.key}-hint`} className={`${hintClass} pl-10`}>
              {choice.hint}
            </p>
          </div>
        ))}
      </fieldset>

      {refused ? (
        <div ref={refusedBox} tabIndex={-1}>
          <Alert tone="error" title="The link was not created">
            <p className="wrap-anywhere">{refused}</p>
          </Alert>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={create.isPending}>
          Create link
        </Button>
        <Link
          href="/shares"
          className="inline-flex min-h-11 items-center text-sm font-semibold underline underline-offset-2"
        >
          Cancel
        </Link>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {create.isPending ? "Creating the link…" : ""}
        </p>
      </div>
    </form>
  );
}
