import { getDb } from "@/db";
import { getImportJobForHolder } from "@/lib/import/jobs";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isUuid } from "@/lib/http/ids";

/** Progress and per-item report of one of the holder's import jobs. */
export async function GET(request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  const { jobId } = await params;
  const job = isUuid(jobId) ? await getImportJobForHolder(getDb(), holder.id, jobId) : null;
  if (!job) return jsonError(404, "That import was not found.");
  return Response.json(job, { headers: { "cache-control": "no-store" } });
}
