import { DomainError } from "@/lib/errors/domain-error";
import { attachmentFilename } from "@/lib/http/attachment";
import { holderRoute } from "@/lib/http/route";
import { portfolioForLink } from "@/lib/portfolio/data";
import { PDF_DOWNLOADS_PER_MINUTE } from "@/lib/portfolio/limits";
import { renderPortfolioPdf } from "@/lib/portfolio/pdf/render";
import { portfolioPdfRequestSchema } from "@/lib/portfolio/schemas";
import { spendAllowance } from "@/lib/runtime/limits";

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
export const POST = holderRoute({ mutating: true }, async (request, { holder, db }) => {
  const form = await request.formData().catch(() => null);
  if (!form) throw new DomainError("invalid_input", "The request could not be read. Try again.");
  const parsed = portfolioPdfRequestSchema.safeParse(formFields(form));
  if (!parsed.success)
    throw new DomainError("invalid_input", parsed.error.issues[0]?.message ?? "Please check the form.");

  // Each PDF renders every page on the server (about a second for 50 credentials): a loop of
  // requests must not take the server's CPU.
  await spendAllowance("portfolio-pdf", PDF_DOWNLOADS_PER_MINUTE, holder.id, "Too many PDFs in a minute.");

  const { token, ...layout } = parsed.data;
  const portfolio = await portfolioForLink(db, holder.id, token, layout);
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
});
