import { DomainError } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/http/ids";
import { holderRoute } from "@/lib/http/route";
import { getImportJobForHolder } from "@/lib/import/jobs";

/** Progress and per-item report of one of the holder's import jobs. */
export const GET = holderRoute<{ jobId: string }>({ mutating: false }, async (_request, { holder, db, params }) => {
  const job = isUuid(params.jobId) ? await getImportJobForHolder(db, holder.id, params.jobId) : null;
  if (!job) throw new DomainError("not_found", "That import was not found.");
  return Response.json(job, { headers: { "cache-control": "no-store" } });
});
