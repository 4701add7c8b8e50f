import type { Metadata } from "next";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PrintButton } from "@/components/share-page/print-button";
import { PrintView } from "@/components/portfolio/print-view";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors/domain-error";
import { portfolioForLink } from "@/lib/portfolio/data";
import { portfolioPdfRequestSchema } from "@/lib/portfolio/schemas";

// The address carries the portfolio link's token (the holder's own, shown to them already):
// it is never sent on to another site, and the page is not indexed.
export const metadata: Metadata = {
  title: "Portfolio print view",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = ["token", "grouping", "paper", "name", "profession", "headline", "showEmail"] as const;

function pick(search: Record<string, string | string[] | undefined>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of FIELDS) {
    const value = search[key];
    const one = Array.isArray(value) ? value[0] : value;
    if (one !== undefined) picked[key] = one;
  }
  return picked;
}

/** Hides the wallet's header and navigation on paper and sets the sheet to the chosen size. */
function printStyles(paper: "A4" | "LETTER"): string {
  return `@page { size: ${paper === "A4" ? "A4" : "letter"}; margin: 14mm; }
@media print { body > div > header, body nav, [data-print-hidden] { display: none !important; } main { max-width: none !important; padding: 0 !important; } }`;
}

export default async function PortfolioPrintPage({ searchParams }: Props) {
  const holder = await requireHolder("/portfolio");
  const parsed = portfolioPdfRequestSchema.safeParse(pick(await searchParams));
  if (!parsed.success) {
    return (
      <Unavailable
        message={parsed.error.issues[0]?.message ?? "This print view needs a portfolio. Create one first."}
      />
    );
  }
  const { token, ...layout } = parsed.data;
  const portfolio = await portfolioForLink(getDb(), holder.id, token, layout).catch((error: unknown) => {
    if (isDomainError(error)) return error;
    throw error;
  });
  if (isDomainError(portfolio)) return <Unavailable message={portfolio.message} />;
  return (
    <>
      <style>{printStyles(portfolio.layout.paper)}</style>
      <div data-print-hidden className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <Breadcrumb href="/portfolio" label="Portfolio" />
        <PrintButton />
      </div>
      <PrintView portfolio={portfolio} />
    </>
  );
}

function Unavailable({ message }: { message: string }) {
  return (
    <>
      <Breadcrumb href="/portfolio" label="Portfolio" />
      <h1 className="mb-4 text-2xl font-bold">Portfolio print view</h1>
      <Alert tone="error" title="This portfolio cannot be shown">
        {message}
      </Alert>
    </>
  );
}
