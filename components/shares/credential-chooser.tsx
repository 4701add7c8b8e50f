"use client";

import { CredentialPicker } from "@/components/wallet/credential-picker";
import type { WalletPageView } from "@/lib/wallet/view";
import type { ChosenCredential } from "./share-draft";
import { credentialStatusLine } from "./share-text";

/**
 * The credentials to share: the wallet picker, as radios for one credential or checkboxes for a
 * selection. Expired and flagged credentials are offered like any other, with their status in words.
 */
export function CredentialChooser({
  mode,
  fieldId,
  renderId,
  initialPage,
  chosen,
  onChange,
  error,
  legend,
}: {
  mode: "single" | "multiple";
  /** The search field's id: the form focuses it when nothing is chosen. */
  fieldId: string;
  renderId: string;
  initialPage: WalletPageView;
  chosen: ChosenCredential[];
  onChange: (next: ChosenCredential[]) => void;
  error?: string;
  /** Overrides the legend's wording. */
  legend?: string;
}) {
  const now = new Date(renderId);
  return (
    <CredentialPicker
      mode={mode}
      fieldId={fieldId}
      legend={legend ?? (mode === "single" ? "The credential to share" : "The credentials to share")}
      intro="Expired or unverified credentials can be shared too: the page shows each one’s status as it is."
      itemStatus={(item) => credentialStatusLine(item, now)}
      renderId={renderId}
      initialPage={initialPage}
      chosen={chosen}
      onChange={onChange}
      error={error}
    />
  );
}
