"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { updateShareCredentialsAction } from "@/app/(wallet)/shares/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { plural } from "@/components/ui/format";
import { SHARE_CREDENTIALS_MAX } from "@/lib/shares/limits";
import type { WalletPageView } from "@/lib/wallet/view";
import { CredentialChooser } from "./credential-chooser";
import type { ChosenCredential } from "./share-draft";

const FIELD_ID = "share-edit-search";

/**
 * Changes which credentials a link already sent shows (its URL cannot be shown again, so this is
 * how a newly earned credential reaches a recruiter who has the link). The page shows the new
 * list from its next view on.
 */
export function ShareCredentialsForm({
  shareId,
  initialChosen,
  renderId,
  initialPage,
}: {
  shareId: string;
  initialChosen: ChosenCredential[];
  renderId: string;
  initialPage: WalletPageView;
}) {
  const [chosen, setChosen] = useState(initialChosen);
  const [error, setError] = useState<string | undefined>(undefined);
  const result = useRef<HTMLDivElement>(null);

  const save = useMutation({
    mutationFn: (credentialIds: string[]) => callAction(() => updateShareCredentialsAction({ shareId, credentialIds })),
    onMutate: () => setError(undefined),
  });

  useEffect(() => {
    if (save.isSuccess || save.isError) result.current?.focus();
  }, [save.isSuccess, save.isError]);

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (save.isPending) return;
        const message =
          chosen.length === 0
            ? "Choose at least one credential."
            : chosen.length > SHARE_CREDENTIALS_MAX
              ? `A link can name up to ${SHARE_CREDENTIALS_MAX} credentials.`
              : undefined;
        if (message) {
          setError(message);
          save.reset();
          document.getElementById(FIELD_ID)?.focus();
          return;
        }
        save.mutate(chosen.map((c) => c.id));
      }}
    >
      <CredentialChooser
        mode="multiple"
        fieldId={FIELD_ID}
        legend="The credentials this link shows"
        renderId={renderId}
        initialPage={initialPage}
        chosen={chosen}
        onChange={(next) => {
          setChosen(next);
          save.reset();
        }}
        error={error}
      />
      {save.isSuccess || save.isError ? (
        <div ref={result} tabIndex={-1}>
          {save.isSuccess ? (
            <Alert tone="success" title="Saved">
              The link now shows {plural(save.data.share.credentialCount, "credential")}, from the next time it is
              opened. Its address has not changed.
            </Alert>
          ) : (
            <Alert tone="error" title="Not saved">
              {failureMessage(save.error)}
            </Alert>
          )}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save credentials"}
        </Button>
        <Link
          href="/shares"
          className="inline-flex min-h-11 items-center text-sm font-semibold underline underline-offset-2"
        >
          Back to your shares
        </Link>
      </div>
    </form>
  );
}
