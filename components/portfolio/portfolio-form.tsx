"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { createPortfolioAction } from "@/app/(wallet)/portfolio/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { CollectionField, type CollectionChoice } from "@/components/shares/collection-field";
import { CredentialChooser } from "@/components/shares/credential-chooser";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { TEXT_CAPS } from "@/lib/portfolio/limits";
import type { CreatePortfolioInput } from "@/lib/portfolio/schemas";
import { SHARE_EXPIRY_CHOICES } from "@/lib/shares/expiry";
import type { WalletPageView } from "@/lib/wallet/view";
import { ChoiceGroup } from "./choice-group";
import {
  checkPortfolioDraft,
  initialPortfolioDraft,
  layoutFields,
  PORTFOLIO_FIELD_IDS,
  type PortfolioDraft,
} from "./portfolio-draft";
import { PortfolioReady } from "./portfolio-ready";

const selectClass =
  "min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 sm:max-w-xs dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100";
// "Never" first: a link printed on paper must outlive the paper (docs/product-notes.md pitfalls).
const EXPIRY_CHOICES = [...SHARE_EXPIRY_CHOICES].sort(
  (a, b) => Number(b.value === "never") - Number(a.value === "never"),
);

/**
 * The portfolio: which credentials, how they are grouped, the paper and the header. "Create"
 * makes the share link its QR codes point to; then the PDF and the print view are one click.
 */
export function PortfolioForm({
  collections,
  renderId,
  initialPage,
  profileName,
  profileProfession,
}: {
  collections: CollectionChoice[];
  renderId: string;
  initialPage: WalletPageView;
  profileName: string;
  profileProfession: string | null;
}) {
  const [draft, setDraft] = useState<PortfolioDraft>(initialPortfolioDraft);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const refusedBox = useRef<HTMLDivElement>(null);
  const set = <K extends keyof PortfolioDraft>(key: K, value: PortfolioDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const create = useMutation({
    mutationFn: (input: CreatePortfolioInput) => callAction(() => createPortfolioAction(input)),
  });

  useEffect(() => {
    if (create.isError) refusedBox.current?.focus();
  }, [create.isError]);

  if (create.isSuccess) {
    return (
      <PortfolioReady
        ready={create.data}
        layout={layoutFields(draft)}
        onAnother={() => {
          create.reset();
          setDraft(initialPortfolioDraft());
        }}
      />
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (create.isPending) return;
        const checked = checkPortfolioDraft(draft);
        if (!checked.ok) {
          setFieldError({ field: checked.field, message: checked.message });
          document.getElementById(checked.field)?.focus();
          return;
        }
        setFieldError(null);
        create.mutate(checked.input);
      }}
    >
      <ChoiceGroup
        name="portfolio-source"
        legend="Which credentials"
        value={draft.source}
        onChange={(value) => set("source", value)}
        choices={[
          { value: "selection", label: "Credentials I choose" },
          {
            value: "collection",
            label: "A collection",
            hint: "The portfolio's link follows the collection: add to it later and the link shows that too.",
          },
        ]}
      />
      {draft.source === "selection" ? (
        <CredentialChooser
          mode="multiple"
          fieldId={PORTFOLIO_FIELD_IDS.selection}
          legend="Credentials in the portfolio"
          renderId={renderId}
          initialPage={initialPage}
          chosen={draft.selection}
          onChange={(next) => set("selection", next)}
          error={fieldError?.field === PORTFOLIO_FIELD_IDS.selection ? fieldError.message : undefined}
        />
      ) : (
        <CollectionField
          collections={collections}
          value={draft.collectionId}
          onChange={(value) => set("collectionId", value)}
          error={fieldError?.field === PORTFOLIO_FIELD_IDS.collection ? fieldError.message : undefined}
        />
      )}

      <ChoiceGroup
        name="portfolio-grouping"
        legend="Group the credentials"
        value={draft.grouping}
        onChange={(value) => set("grouping", value)}
        choices={[
          {
            value: "pathway",
            label: "By pathway",
            hint: "Under the pathways you completed or follow; the rest after them.",
          },
          {
            value: "kind",
            label: "By kind",
            hint: "Nano-degrees and certificates, then micro-credentials, then badges.",
          },
        ]}
      />
      <ChoiceGroup
        name="portfolio-paper"
        legend="Paper size"
        value={draft.paper}
        onChange={(value) => set("paper", value)}
        choices={[
          { value: "A4", label: "A4" },
          { value: "LETTER", label: "US Letter" },
        ]}
      />

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 font-semibold">Header</legend>
        <TextField
          label="Name"
          name="portfolio-name"
          value={draft.name}
          maxLength={TEXT_CAPS.name}
          autoComplete="name"
          placeholder={profileName}
          hint="Leave empty to use the name on your profile."
          onChange={(e) => set("name", e.target.value)}
        />
        <TextField
          label="Profession (optional)"
          name="portfolio-profession"
          value={draft.profession}
          maxLength={TEXT_CAPS.profession}
          autoComplete="organization-title"
          placeholder={profileProfession ?? "e.g. Registered nurse"}
          hint={profileProfession ? "Leave empty to use the profession on your profile." : undefined}
          onChange={(e) => set("profession", e.target.value)}
        />
        <TextField
          label="Headline (optional)"
          name="portfolio-headline"
          value={draft.headline}
          maxLength={TEXT_CAPS.headline}
          autoComplete="off"
          placeholder="e.g. Applying for ICU staff nurse"
          onChange={(e) => set("headline", e.target.value)}
        />
        <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-100 dark:hover:bg-slate-800">
          <input
            type="checkbox"
            checked={draft.showEmail}
            onChange={(e) => set("showEmail", e.target.checked)}
            className="h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
          />
          <span className="font-medium">Show my email address</span>
        </label>
      </fieldset>

      <div className="flex flex-col gap-1.5">
        <label htmlFor="portfolio-expiry" className="text-sm font-medium">
          Link expires after
        </label>
        <p id="portfolio-expiry-hint" className="text-sm text-slate-600 dark:text-slate-400">
          The QR codes point to this link. A printed portfolio outlives a short link, so it works until you revoke it
          unless you choose otherwise. This is not when your credentials expire.
        </p>
        <select
          id="portfolio-expiry"
          value={draft.expiry}
          aria-describedby="portfolio-expiry-hint"
          onChange={(e) => set("expiry", e.target.value)}
          className={selectClass}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={String(choice.value)} value={String(choice.value)}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>

      {create.isError ? (
        <div ref={refusedBox} tabIndex={-1}>
          <Alert tone="error" title="The portfolio was not created">
            {failureMessage(create.error)}
          </Alert>
        </div>
      ) : null}
      <div>
        <Button type="submit" disabled={create.isPending} aria-busy={create.isPending || undefined}>
          {create.isPending ? "Creating…" : "Create portfolio"}
        </Button>
      </div>
    </form>
  );
}
