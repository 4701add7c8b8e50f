"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { previewOfferAction, receiveOfferAction, startIssuerSignInAction } from "@/app/(wallet)/import/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ImportJobView } from "@/lib/import/jobs";
import type { OfferPreviewView } from "@/lib/issuance/holder";
import { ImportProgress } from "./import-progress";

/**
 * "Add from an issuer": paste the offer an issuer gave (openid-credential-offer://… or its https
 * link), see who offers what, enter the transaction code when asked, and consent. Nothing is asked
 * of the issuer beyond its description until the holder presses "Add to my wallet".
 */
export function IssuerOffer({ received, signInMessage }: { received?: string; signInMessage?: string } = {}) {
  const id = useId();
  const router = useRouter();
  const [offer, setOffer] = useState("");
  const [preview, setPreview] = useState<OfferPreviewView | null>(null);
  const [error, setError] = useState<string | null>(signInMessage ?? null);
  const [jobId, setJobId] = useState<string | null>(received ?? null);
  const [pending, startTransition] = useTransition();
  const previewHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  // Everything offered arrived: open it. Otherwise the report stays, with the reason for each refusal.
  const landOnCredential = useCallback(
    (job: ImportJobView) => {
      const first = job.items[0];
      const allKept = job.items.length > 0 && job.items.every((item) => item.outcome !== "rejected");
      if (allKept && first && first.outcome !== "rejected" && first.credentialId)
        router.push(`/credentials/${first.credentialId}`);
    },
    [router],
  );

  const reset = () => {
    setPreview(null);
    setError(null);
    setJobId(null);
  };

  if (!preview)
    return (
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            reset();
            const result = await previewOfferAction({ offer });
            if (result.ok) setPreview(result.data);
            else setError(result.message);
          });
        }}
      >
        <label htmlFor={id} className="text-sm font-medium">
          Offer from the issuer
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700 dark:text-slate-300">
          Some issuers send your credential straight to a wallet. Paste the link they show you (it starts with
          openid-credential-offer:// or https://). You will see who is offering what before anything is added.
        </p>
        <textarea
          id={id}
          aria-describedby={`${id}-hint`}
          value={offer}
          onChange={(e) => setOffer(e.target.value)}
          rows={3}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          className="rounded-lg border border-slate-400 bg-white p-3 font-mono text-sm break-all dark:border-slate-500 dark:bg-slate-950"
          placeholder="openid-credential-offer://?credential_offer=…"
        />
        <div>
          <Button type="submit" disabled={pending || offer.trim().length === 0}>
            {pending ? "Reading the offer…" : "Show the offer"}
          </Button>
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {jobId ? <ImportProgress key={jobId} jobId={jobId} onFinished={landOnCredential} /> : null}
      </form>
    );

  const tx = preview.txCode;
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const txCode = String(new FormData(e.currentTarget).get("txCode") ?? "");
        startTransition(async () => {
          setError(null);
          if (preview.grant === "authorization_code") {
            // Off to the issuer's sign-in page; it sends the holder back to /import/issuer-callback.
            const started = await startIssuerSignInAction({ offer });
            if (started.ok) window.location.assign(started.data.authorizationUrl);
            else setError(started.message);
            return;
          }
          const result = await receiveOfferAction({ offer, ...(tx ? { txCode } : {}) });
          if (result.ok) setJobId(result.data.jobId);
          else setError(result.message);
        });
      }}
    >
      <div className="flex items-start gap-3">
        {preview.logo ? (
          // Our own PNG redrawn from the issuer's logo (a data: URL), never the issuer's address.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={preview.logo}
            alt=""
            width={48}
            height={48}
            className="h-12 w-12 shrink-0 rounded-lg object-contain"
          />
        ) : null}
        <div className="min-w-0">
          <h3 ref={previewHeading} tabIndex={-1} className="font-semibold break-words">
            {preview.issuerName} offers you
          </h3>
          <p className="text-sm break-all text-slate-700 dark:text-slate-300">{preview.credentialIssuer}</p>
        </div>
      </div>
      <ul className="list-disc pl-5 text-sm" aria-label="Offered credentials">
        {preview.credentials.map((credential) => (
          <li key={credential.id} className="break-words">
            {credential.name}
          </li>
        ))}
      </ul>
      {tx ? (
        <TextField
          label="Transaction code"
          name="txCode"
          required
          autoComplete="one-time-code"
          inputMode={tx.numeric ? "numeric" : "text"}
          {...(tx.numeric ? { pattern: "[0-9]*" } : {})}
          {...(tx.length ? { maxLength: tx.length } : {})}
          hint={tx.description ?? "The issuer sent you this code separately, for example by email or text message."}
        />
      ) : null}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Tessera will ask the issuer for {preview.credentials.length === 1 ? "this credential" : "these credentials"},
        bound to your wallet&rsquo;s key, then check {preview.credentials.length === 1 ? "it" : "them"} before keeping{" "}
        {preview.credentials.length === 1 ? "it" : "them"}.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending || jobId !== null}>
          {pending
            ? "Receiving…"
            : preview.grant === "authorization_code"
              ? "Sign in with the issuer"
              : "Add to my wallet"}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={reset}>
          Cancel
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {jobId ? <ImportProgress key={jobId} jobId={jobId} onFinished={landOnCredential} /> : null}
    </form>
  );
}
