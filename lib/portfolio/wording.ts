import type { CredentialKind } from "@/lib/credentials/record";
import type { Portfolio, PortfolioItem } from "./model";
import { printableDay, printableNumber, printableWorkload } from "./text";

/** The sentences the PDF and the print view share, so both say exactly the same thing. */

/** "Issued 3 Mar 2026 · Expires 3 Mar 2028 · 6 h · 5 ECTS · EQF level 5" (only what is known). */
export function itemFacts(item: PortfolioItem): string {
  const issued = printableDay(item.issuedAt);
  const until = printableDay(item.validUntil);
  return [
    issued ? `Issued ${issued}` : null,
    until ? `${item.expired ? "Expired" : "Expires"} ${until}` : null,
    printableWorkload(item.hours, item.ects, { hours: item.holderSetHours, ects: item.holderSetEcts }),
    item.eqfLevel !== null ? `EQF level ${item.eqfLevel}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

const KIND_COUNT_LABELS: Record<CredentialKind, [string, string]> = {
  badge: ["badge", "badges"],
  "micro-credential": ["micro-credential", "micro-credentials"],
  "nano-degree": ["nano-degree or certificate", "nano-degrees or certificates"],
};

function holderSetPart(value: number): string {
  return value > 0 ? ` (${printableNumber(value)} holder-set)` : "";
}

export function summaryFigures(portfolio: Portfolio): Array<{ value: string; label: string }> {
  const { summary } = portfolio;
  return [
    { value: printableNumber(summary.total), label: summary.total === 1 ? "credential" : "credentials" },
    ...summary.byKind.map((k) => ({
      value: printableNumber(k.count),
      label: KIND_COUNT_LABELS[k.kind][k.count === 1 ? 0 : 1],
    })),
    ...(summary.hours > 0
      ? [{ value: printableNumber(summary.hours), label: `hours of learning${holderSetPart(summary.holderSetHours)}` }]
      : []),
    ...(summary.ects > 0
      ? [{ value: printableNumber(summary.ects), label: `ECTS${holderSetPart(summary.holderSetEcts)}` }]
      : []),
    {
      value: printableNumber(summary.pathwaysCompleted.length),
      label: summary.pathwaysCompleted.length === 1 ? "pathway completed" : "pathways completed",
    },
  ];
}

/**
 * The link's lifetime, kept visibly apart from any credential's expiry (docs/product-notes.md request 1:
 * pilot users mistook one for the other).
 */
export function linkLifetime(portfolio: Portfolio): string {
  const until = printableDay(portfolio.link.expiresAt);
  const life = until
    ? `This portfolio's link works until ${until} (the link's end date, not a credential's).`
    : "This portfolio's link works until the holder revokes it.";
  return `Scan a code or open a link to see that credential checked again, live, at ${new URL(portfolio.link.url).host}. ${life}`;
}

export function generatedLine(portfolio: Portfolio): string {
  return `Portfolio of ${portfolio.header.name}, made with Tessera on ${printableDay(portfolio.generatedAt)}. Verification results are as last checked; the link shows them live.`;
}
