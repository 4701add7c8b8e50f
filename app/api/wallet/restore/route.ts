import { DomainError } from "@/lib/errors/domain-error";
import { formatSize } from "@/lib/hostile-input/errors";
import { holderRoute } from "@/lib/http/route";
import { spendAllowance } from "@/lib/runtime/limits";
import { RESTORE_LIMITS, RESTORES_PER_MINUTE } from "@/lib/wallet-archive/format";
import { passphraseFromHeaders, readBodyCapped } from "@/lib/wallet-archive/http";
import { restoreWallet } from "@/lib/wallet-archive/restore";
import { describeRestore } from "@/lib/wallet-archive/summary";

export const dynamic = "force-dynamic";

/**
 * Restores a wallet archive (the request body, `application/zip`) into the signed-in holder's
 * empty wallet, all or nothing. The content type is not one a cross-site form can send, and the
 * origin is checked as for every state-changing route (docs/threat-model.md C2). A refused archive
 * answers 422 with the reason (a DomainError "refused"). The export passphrase, for an archive
 * that carries wallet DID keys, comes in the X-Tessera-Export-Passphrase header (percent-encoded).
 */
export const POST = holderRoute({ mutating: true }, async (request, { holder, db }) => {
  if ((request.headers.get("content-type") ?? "").split(";")[0]!.trim() !== "application/zip")
    throw new DomainError("unsupported_type", "Send the wallet archive as a zip file.");
  // Each attempt may read up to the archive cap into memory: counted before the body is read.
  await spendAllowance("wallet-restore", RESTORES_PER_MINUTE, holder.id, "Too many restore attempts in a minute.");
  const body = await readBodyCapped(request, RESTORE_LIMITS.maxArchiveBytes);
  if (body === null)
    throw new DomainError(
      "too_large",
      `That archive is larger than ${formatSize(RESTORE_LIMITS.maxArchiveBytes)}, the most Tessera restores at once. Nothing was restored.`,
    );
  if (body.byteLength === 0) throw new DomainError("invalid_input", "Choose a wallet archive (.zip) to restore.");
  const summary = await restoreWallet(db, holder.id, body, { passphrase: passphraseFromHeaders(request.headers) });
  return Response.json({ summary, message: describeRestore(summary) }, { headers: { "cache-control": "no-store" } });
});
