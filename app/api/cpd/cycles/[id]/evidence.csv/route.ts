import { getDb } from "@/db";
import { evidenceFilename, getCycleReportForHolder } from "@/lib/cpd/evidence-data";
import { evidenceCsv } from "@/lib/cpd/evidence-csv";
import { requireHolderForEvidence } from "@/lib/cpd/http";
import { env } from "@/lib/env";
import { attachmentResponse } from "@/lib/http/attachment";
import { jsonError } from "@/lib/http/holder-route";

export const dynamic = "force-dynamic";

/** The cycle's evidence pack as CSV (formula-escaped), always a no-store download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const holder = await requireHolderForEvidence(request, id);
  if (holder instanceof Response) return holder;
  const report = await getCycleReportForHolder(getDb(), holder.id, id, new Date(), env.appUrl);
  if (!report) return jsonError(404, "That cycle was not found.");
  return attachmentResponse(new TextEncoder().encode(evidenceCsv(report)), {
    filename: evidenceFilename(report, "csv"),
    mediaType: "text/csv",
    fallbackName: "cpd-evidence",
  });
}
