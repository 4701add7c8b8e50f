import { CYCLE_NOT_FOUND } from "@/lib/cpd/errors";
import { evidenceFilename, getCycleReportForHolder } from "@/lib/cpd/evidence-data";
import { evidenceCsv } from "@/lib/cpd/evidence-csv";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { attachmentResponse } from "@/lib/http/attachment";
import { isUuid } from "@/lib/http/ids";
import { holderRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The cycle's evidence pack as CSV (formula-escaped), always a no-store download. */
export const GET = holderRoute<{ id: string }>(
  { mutating: false, download: true },
  async (_request, { holder, db, params }) => {
    const report = isUuid(params.id)
      ? await getCycleReportForHolder(db, holder.id, params.id, new Date(), env.appUrl)
      : null;
    if (!report) throw new DomainError("not_found", CYCLE_NOT_FOUND);
    return attachmentResponse(new TextEncoder().encode(evidenceCsv(report)), {
      filename: evidenceFilename(report, "csv"),
      mediaType: "text/csv",
      fallbackName: "cpd-evidence",
    });
  },
);
