"use client";

import { CircleCheck, Copy, ExternalLink, ShieldAlert } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ShareLinkQr } from "./share-link-qr";
import { tokenHintLine, worksUntilLine } from "./share-text";

/**
 * The new link, shown this once: only a fingerprint of its token is stored, so the holder copies
 * it here (or scans the QR code) before leaving the page. The focus moves to the heading, so a
 * screen reader starts reading the result.
 */
export function ShareCreated({
  url,
  linkedInUrl = null,
  expiresAt,
  tokenHint,
  onAnother,
}: {
  url: string;
  /** For a one-credential link: LinkedIn's "Add to profile" for it, with this link as its credential URL. */
  linkedInUrl?: string | null;
  expiresAt: Date | string | null;
  tokenHint: string;
  onAnother: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState("");

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      // Said again on a second copy: a live region re-reads only changed text.
      setCopyStatus((current) => (current === "Link copied" ? "Link copied again" : "Link copied"));
    } catch {
      field.current?.select();
      setCopyStatus("Could not copy automatically. The link is selected: copy it with your device’s copy command.");
    }
  };

  return (
    <section aria-labelledby="share-created-heading" className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h2
          id="share-created-heading"
          ref={heading}
          tabIndex={-1}
          className="flex items-center gap-2 text-xl font-semibold"
        >
          <CircleCheck className="h-6 w-6 shrink-0 text-emerald-700 dark:text-emerald-300" aria-hidden="true" />
          Your link is ready
        </h2>
        <p className="text-slate-700 dark:text-slate-300">{worksUntilLine(expiresAt)}</p>
      </div>

      <div className="flex flex-col gap-1.5">
        <label htmlFor="share-link-url" className="text-sm font-medium">
          Share link
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            ref={field}
            id="share-link-url"
            type="text"
            readOnly
            value={url}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            className="min-h-11 min-w-0 flex-1 basis-64 rounded-lg border border-slate-400 bg-slate-50 px-3 font-mono text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
          />
          <Button type="button" onClick={copy}>
            <Copy className="h-4 w-4" aria-hidden="true" />
            Copy link
          </Button>
        </div>
        <p role="status" className="min-h-5 text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {copyStatus}
        </p>
      </div>

      <div className="flex items-start gap-3 rounded-xl border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
        <ShieldAlert className="mt-0.5 h-5 w-5 shrink-0" aria-hidden="true" />
        <div className="flex flex-col gap-1">
          <p className="font-semibold">
            Copy it now: for your security Tessera stores only a fingerprint of it and cannot show it again.
          </p>
          <p>
            In your list of shares it appears as “{tokenHintLine(tokenHint)}…”. If you lose it, create a new link and
            revoke this one.
          </p>
        </div>
      </div>

      <figure className="flex flex-col items-start gap-2">
        <ShareLinkQr url={url} className="h-48 w-48 rounded-lg border border-slate-200 dark:border-slate-700" />
        <figcaption className="text-sm text-slate-700 dark:text-slate-300">
          Scan it to open the link on another device, or show it to a recruiter in person.
        </figcaption>
      </figure>

      <p className="flex flex-col gap-1 text-sm">
        <a
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
        >
          Open the page as a recruiter sees it
          <ExternalLink className="h-4 w-4 shrink-0" aria-hidden="true" />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
        <span className="text-slate-600 dark:text-slate-400">Your own visit counts as a view.</span>
      </p>

      {linkedInUrl ? (
        <p className="flex flex-col gap-1 text-sm">
          <a
            href={linkedInUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
          >
            Add to your LinkedIn profile
            <ExternalLink className="h-4 w-4 shrink-0" aria-hidden="true" />
            <span className="sr-only">(opens LinkedIn in a new tab)</span>
          </a>
          <span className="text-slate-600 dark:text-slate-400">
            LinkedIn fills in the name, issuer and dates, and links to this page. Keep the link working as long as it is
            on your profile.
          </span>
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <ButtonLink href="/shares" variant="secondary">
          Back to your shares
        </ButtonLink>
        <Button type="button" variant="ghost" onClick={onAnother}>
          Create another link
        </Button>
      </div>
    </section>
  );
}
