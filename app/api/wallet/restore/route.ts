import { getDb } from "@/db";
import { formatSize } from "@/lib/hostile-input/errors";
import { consumeAllowance, tooManyResponse } from "@/lib/http/allowance";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isRestoreRefused } from "@/lib/wallet-archive/errors";
import { RESTORE_LIMITS, RESTORES_PER_MINUTE } from "@/lib/wallet-archive/format";
import { readBodyCapped } from "@/lib/wallet-archive/http";
import { restoreWallet } from "@/lib/wallet-archive/restore";
import { describeRestore } from "@/lib/wallet-archive/summary";

export const dynamic = "force-dynamic";

/**
 * Restores a wallet archive (the request body, `application/zip`) into the signed-in holder's
 * empty wallet, all or nothing. The content type is not one a cross-site form can send, and the
 * origin is checked as for every state-changing route (docs/threat-model.md C2).
 */
export async function POST(request: Request) {
  const holder = await requireHolderForRoute(request, { mutating: true });
  if (holder instanceof Response) return holder;
  if ((request.headers.get("content-type") ?? "").split(";")[0]!.trim() !== "application/zip")
    return jsonError(415, "Send the wallet archive as a zip file.");
  // Each attempt may read up to the archive cap into memory: counted before the body is read.
  const wait = await consumeAllowance("wallet-restore", RESTORES_PER_MINUTE, holder.id);
  if (wait > 0) return tooManyResponse("Too many restore attempts in a minute.", wait);
  const body = await readBodyCapped(request, RESTORE_LIMITS.maxArchiveBytes);
  if (body === "too-large")
    return jsonError(
      413,
      `That archive is larger than ${formatSize(RESTORE_LIMITS.maxArchiveBytes)}, the most Tessera restores at once. Nothing was restored.`,
    );
  if (body.byteLength === 0) return jsonError(400, "Choose a wallet archive (.zip) to restore.");
  try {
    const summary = await restoreWallet(getDb(), holder.id, body);
    return Response.json({ summary, message: describeRestore(summary) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (isRestoreRefused(error)) return jsonError(422, error.message);
    throw error;
  }
}
