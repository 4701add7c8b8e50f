import type { PortfolioItem } from "@/lib/portfolio/model";
import type { PortfolioVerificationState } from "@/lib/portfolio/verification-text";
import { itemFacts } from "@/lib/portfolio/wording";
import { PrintQr } from "./print-qr";

const VERDICT_CLASS: Record<PortfolioVerificationState, string> = {
  verified: "text-emerald-800 dark:text-emerald-300",
  "not-verified": "text-red-800 dark:text-red-300",
  unknown: "text-amber-900 dark:text-amber-300",
  unchecked: "text-slate-700 dark:text-slate-300",
  "self-reported": "text-amber-900 dark:text-amber-300",
};

/** One credential in the print view: what the PDF prints, plus LinkedIn's "Add to profile" on screen. */
export function PrintItem({ item }: { item: PortfolioItem }) {
  const facts = itemFacts(item);
  return (
    <li className="break-inside-avoid border-t border-slate-300 py-3 dark:border-slate-700">
      <div className="flex gap-4">
        <div className="flex min-w-0 flex-1 flex-col gap-0.5 text-sm">
          <h3 className="text-base font-semibold wrap-anywhere">{item.title}</h3>
          <p className="wrap-anywhere">
            {item.issuerName} <span className="text-slate-600 dark:text-slate-400">· {item.kindLabel}</span>
          </p>
          {facts ? <p className="text-slate-700 dark:text-slate-300">{facts}</p> : null}
          {item.outcomes.length > 0 ? (
            <p className="wrap-anywhere">
              <span className="font-semibold">Learning outcomes: </span>
              {item.outcomes.join("; ")}
            </p>
          ) : null}
          {item.skills.length > 0 ? (
            <p className="wrap-anywhere">
              <span className="font-semibold">Skills: </span>
              {item.skills.join(", ")}
            </p>
          ) : null}
          <p className={`font-semibold ${VERDICT_CLASS[item.verification.state]}`}>{item.verification.line}</p>
          <p className="break-all text-xs text-slate-600 dark:text-slate-400">
            <a href={item.verifyUrl} className="underline underline-offset-2">
              {item.verifyUrl}
            </a>
          </p>
          <p className="print:hidden">
            <a
              href={item.linkedInUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
            >
              Add to LinkedIn profile<span className="sr-only"> ({item.title}, opens LinkedIn in a new tab)</span>
            </a>
          </p>
        </div>
        <PrintQr
          url={item.verifyUrl}
          label={`QR code of the verification page for ${item.title}`}
          className="h-20 w-20 shrink-0 sm:h-24 sm:w-24"
        />
      </div>
    </li>
  );
}
