import type { Portfolio } from "@/lib/portfolio/model";
import { generatedLine, linkLifetime, summaryFigures } from "@/lib/portfolio/wording";
import { PrintItem } from "./print-item";
import { PrintQr } from "./print-qr";

/** The portfolio as an HTML page: the same content as the PDF, laid out for screen and paper. */
export function PrintView({ portfolio }: { portfolio: Portfolio }) {
  const { header } = portfolio;
  return (
    <article className="mx-auto max-w-3xl bg-white p-4 text-slate-900 sm:p-8 dark:bg-slate-900 dark:text-slate-100 print:max-w-none print:bg-white print:p-0 print:text-black">
      <header className="flex items-start justify-between gap-4 border-b-2 border-slate-900 pb-3 dark:border-slate-100 print:border-black">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold wrap-anywhere">{header.name}</h1>
          {header.profession ? (
            <p className="font-semibold text-slate-700 dark:text-slate-300">{header.profession}</p>
          ) : null}
          {header.headline ? <p className="wrap-anywhere">{header.headline}</p> : null}
          {header.email ? <p className="text-slate-700 dark:text-slate-300">{header.email}</p> : null}
        </div>
        <div className="flex w-24 shrink-0 flex-col items-center gap-1 text-center text-xs text-slate-600 dark:text-slate-400">
          <PrintQr url={portfolio.link.url} label="QR code of the portfolio's link" className="h-24 w-24" />
          All credentials, checked live
        </div>
      </header>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Summary">
        {summaryFigures(portfolio).map((figure) => (
          <li key={figure.label} className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700">
            <span className="font-bold">{figure.value}</span> {figure.label}
          </li>
        ))}
      </ul>
      {portfolio.summary.pathwaysCompleted.length > 0 ? (
        <p className="mt-2 text-sm">Pathways completed: {portfolio.summary.pathwaysCompleted.join("; ")}</p>
      ) : null}
      <p className="mt-2 text-xs text-slate-700 dark:text-slate-300">
        {linkLifetime(portfolio)}{" "}
        <a href={portfolio.link.url} className="break-all underline underline-offset-2">
          {portfolio.link.url}
        </a>
      </p>
      {portfolio.groups.map((group, index) => (
        <section key={`${index}-${group.title}`} aria-labelledby={`portfolio-group-${index}`} className="mt-5">
          <h2 id={`portfolio-group-${index}`} className="text-lg font-bold break-after-avoid">
            {group.title}
          </h2>
          {group.note ? <p className="text-sm text-slate-600 dark:text-slate-400">{group.note}</p> : null}
          <ul className="mt-1">
            {group.items.map((item) => (
              <PrintItem key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
      {portfolio.omitted > 0 ? (
        <p className="mt-3 text-sm">And {portfolio.omitted} more on the portfolio&apos;s link.</p>
      ) : null}
      <footer className="mt-6 border-t border-slate-300 pt-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
        {generatedLine(portfolio)}
      </footer>
    </article>
  );
}
