import { getDb } from "@/db";
import { toDay } from "@/lib/cpd/dates";
import { evidenceFilename, getCycleReportForHolder } from "@/lib/cpd/evidence-data";
import { renderEvidencePdf } from "@/lib/cpd/evidence-pdf";
import { requireHolderForEvidence } from "@/lib/cpd/http";
import { env } from "@/lib/env";
import { attachmentResponse } from "@/lib/http/attachment";
import { jsonError } from "@/lib/http/holder-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The cycle's evidence pack as a PDF, always a no-store download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const holder = await requireHolderForEvidence(request, id);
  if (holder instanceof Response) return holder;
  const now = new Date();
  const report = await getCycleReportForHolder(getDb(), holder.id, id, now, env.appUrl);
  if (!report) return jsonError(404, "That cycle was not found.");
  return attachmentResponse(await renderEvidencePdf(report, toDay(now)), {
    filename: evidenceFilename(report, "pdf"),
    mediaType: "application/pdf",
    fallbackName: "cpd-evidence",
  });
}
