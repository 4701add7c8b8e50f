"use client";

import { Download, Printer } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { formatDay, plural } from "@/components/ui/format";
import { downloadPortfolioPdf } from "./download-pdf";

export interface ReadyPortfolio {
  token: string;
  url: string;
  expiresAt: string | null;
  credentialCount: number;
}

/**
 * The portfolio's link was made: download the PDF or open the print view, both on this link.
 * The link itself is listed on the Shares page, where the holder extends or revokes it.
 */
export function PortfolioReady({
  ready,
  layout,
  onAnother,
}: {
  ready: ReadyPortfolio;
  layout: Record<string, string>;
  onAnother: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const printHref = `/portfolio/print?${new URLSearchParams({ ...layout, token: ready.token }).toString()}`;

  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="flex flex-col gap-4">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Your portfolio is ready
      </h2>
      <p>
        {plural(ready.credentialCount, "credential")}, each with a QR code to its page on this link, where an employer
        sees it checked again, live.
      </p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="portfolio-link" className="text-sm font-medium">
          Portfolio link
        </label>
        <input
          id="portfolio-link"
          readOnly
          value={ready.url}
          onFocus={(e) => e.target.select()}
          className="min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-slate-50 px-3 font-mono text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
        />
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {ready.expiresAt
          ? `The link works until ${formatDay(ready.expiresAt)} — that is the link’s end date, not your credentials’.`
          : "The link works until you revoke it, so a printed copy keeps working."}{" "}
        Extend or revoke it on the{" "}
        <Link href="/shares" className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300">
          Shares page
        </Link>
        .
      </p>
      {problem ? (
        <Alert tone="error" title="The PDF was not made">
          {problem}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button
          type="button"
          disabled={busy}
          aria-busy={busy || undefined}
          onClick={async () => {
            setBusy(true);
            setProblem(null);
            try {
              await downloadPortfolioPdf({ ...layout, token: ready.token });
            } catch (error) {
              setProblem(error instanceof Error ? error.message : "The PDF could not be made. Please try again.");
            } finally {
              setBusy(false);
            }
          }}
        >
          <Download className="h-4 w-4" aria-hidden="true" />
          {busy ? "Making the PDF…" : "Download PDF"}
        </Button>
        <Link href={printHref} className={buttonClass("secondary")} prefetch={false}>
          <Printer className="h-4 w-4" aria-hidden="true" />
          Open print view
        </Link>
        <Button type="button" variant="ghost" onClick={onAnother}>
          Make another portfolio
        </Button>
      </div>
    </div>
  );
}
