import { toDay } from "@/lib/cpd/dates";
import { CYCLE_NOT_FOUND } from "@/lib/cpd/errors";
import { evidenceFilename, getCycleReportForHolder } from "@/lib/cpd/evidence-data";
import { renderEvidencePdf } from "@/lib/cpd/evidence-pdf";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { attachmentResponse } from "@/lib/http/attachment";
import { isUuid } from "@/lib/http/ids";
import { holderRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The cycle's evidence pack as a PDF, always a no-store download. */
export const GET = holderRoute<{ id: string }>(
  { mutating: false, download: true },
  async (_request, { holder, db, params }) => {
    const now = new Date();
    const report = isUuid(params.id) ? await getCycleReportForHolder(db, holder.id, params.id, now, env.appUrl) : null;
    if (!report) throw new DomainError("not_found", CYCLE_NOT_FOUND);
    return attachmentResponse(await renderEvidencePdf(report, toDay(now)), {
      filename: evidenceFilename(report, "pdf"),
      mediaType: "application/pdf",
      fallbackName: "cpd-evidence",
    });
  },
);
