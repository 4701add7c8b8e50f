"use client";

import { CredentialPicker, type PickedCredential } from "@/components/wallet/credential-picker";
import type { WalletPageView } from "@/lib/wallet/view";
import { FIELD_IDS } from "./goal-draft";

/** A credential a goal counts; `gone` when it is no longer in the wallet (or no longer able to count). */
export type ChosenCredential = PickedCredential;

/** "Credentials you already hold": the wallet picker, as checkboxes, for the goal form. */
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
  return (
    <CredentialPicker
      mode="multiple"
      fieldId={FIELD_IDS.held}
      legend="Credentials you already hold"
      intro="Tick the credentials in your wallet that count toward this goal. The goal recognises them by issuer and title, so a renewed copy counts too."
      renderId={renderId}
      initialPage={initialPage}
      chosen={chosen}
      onChange={onChange}
      error={error}
    />
  );
}
