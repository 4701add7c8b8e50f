import { getDb } from "@/db";
import { attachmentFilename } from "@/lib/http/attachment";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { PortfolioError, portfolioForLink } from "@/lib/portfolio/data";
import { renderPortfolioPdf } from "@/lib/portfolio/pdf/render";
import { tooManyResponse } from "@/lib/http/allowance";
import { consumePortfolioPdfAllowance } from "@/lib/portfolio/rate-limit";
import { portfolioPdfRequestSchema } from "@/lib/portfolio/schemas";

function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  return fields;
}

/**
 * The portfolio as a PDF download. POST only, from our own pages (docs/threat-model.md C2), for the
 * signed-in holder's own portfolio link: the token names the link, and a link of another holder
 * finds nothing. The token travels in the body, never in a URL that logs would keep.
 */
export async function POST(request: Request) {
  const holder = await requireHolderForRoute(request, { mutating: true });
  if (holder instanceof Response) return holder;
  const form = await request.formData().catch(() => null);
  if (!form) return jsonError(400, "The request could not be read. Try again.");
  const parsed = portfolioPdfRequestSchema.safeParse(formFields(form));
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? "Please check the form.");

  const wait = await consumePortfolioPdfAllowance(holder.id);
  if (wait > 0) return tooManyResponse("Too many PDFs in a minute.", wait);

  const { token, ...layout } = parsed.data;
  try {
    const portfolio = await portfolioForLink(getDb(), holder.id, token, layout);
    const pdf = await renderPortfolioPdf(portfolio);
    const filename = attachmentFilename(`portfolio-${portfolio.header.name}`, "application/pdf", "portfolio");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "cache-control": "private, no-store",
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}"`,
        "content-length": String(pdf.byteLength),
        "content-security-policy": "sandbox; default-src 'none'",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof PortfolioError)
      return jsonError(error.reason === "link_unavailable" ? 410 : 404, error.message);
    throw error;
  }
}
