import { Eye, KeyRound, Layers, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { formatDay } from "@/components/ui/format";
import type { ShareSummary } from "@/lib/shares/data";
import { LinkStatusBadge } from "./link-status-badge";
import { ShareActions } from "./share-actions";
import { ShareSettings } from "./share-settings";
import {
  linkStatus,
  scopeLine,
  shareProblem,
  shareTitle,
  tokenHintLine,
  viewsLine,
  visibilityLine,
} from "./share-text";

export function shareDomId(id: string): string {
  return `share-${id.replace(/[^a-zA-Z0-9-]/g, "-")}`;
}

/**
 * One link in the holder's list: an article named by its heading (the headline, else what it
 * shows), its state in words, what it shows, who opened it, the start of its token, and actions.
 */
export function ShareCard({ share, now }: { share: ShareSummary; now: Date }) {
  const headingId = `${shareDomId(share.id)}-title`;
  const title = shareTitle(share);
  const status = linkStatus(share, now);
  const problem = shareProblem(share);
  const changeable = share.state !== "revoked" && (share.scope === "credential" || share.scope === "selection");
  return (
    <article
      data-share-card=""
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex min-w-0 flex-col gap-2">
        <h3 id={headingId} tabIndex={-1} className="wrap-anywhere text-lg font-semibold leading-snug">
          {title}
        </h3>
        <p>
          <LinkStatusBadge tone={status.tone} text={status.text} />
        </p>
      </div>
      <ul className="flex flex-col gap-1.5 text-sm text-slate-700 dark:text-slate-300">
        <li className="flex items-start gap-2">
          <Layers className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
          <span className="min-w-0 wrap-anywhere">
            {scopeLine(share)}
            {changeable ? (
              <>
                {" · "}
                <Link
                  href={`/shares/${share.id}/credentials`}
                  aria-describedby={headingId}
                  className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
                >
                  Change credentials
                </Link>
              </>
            ) : null}
          </span>
        </li>
        <li className="flex items-start gap-2">
          <Eye className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
          <span className="min-w-0 wrap-anywhere">{viewsLine(share)}</span>
        </li>
        <li className="flex items-start gap-2">
          <KeyRound className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
          <span className="min-w-0 wrap-anywhere">
            {tokenHintLine(share.tokenHint)}… · created {formatDay(share.createdAt)}
          </span>
        </li>
      </ul>
      <p className="text-sm text-slate-700 dark:text-slate-300">{visibilityLine(share)}</p>
      {problem ? (
        <p className="flex items-start gap-2 text-sm font-medium text-amber-900 dark:text-amber-200">
          <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
          <span className="min-w-0 wrap-anywhere">{problem}</span>
        </p>
      ) : null}
      {share.state !== "revoked" ? (
        <ShareSettings
          shareId={share.id}
          headline={share.headline}
          visibility={{ showEmail: share.showEmail, showEvidence: share.showEvidence, showNotes: share.showNotes }}
        />
      ) : null}
      <ShareActions shareId={share.id} title={title} headingId={headingId} state={share.state} />
    </article>
  );
}
