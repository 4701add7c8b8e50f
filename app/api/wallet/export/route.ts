import { holderRoute } from "@/lib/http/route";
import { spendAllowance } from "@/lib/runtime/limits";
import { EXPORTS_PER_MINUTE } from "@/lib/wallet-archive/format";
import { walletExportResponse } from "@/lib/wallet-archive/http";
import { checkExportPassphrase } from "@/lib/wallet-archive/passphrase";

export const dynamic = "force-dynamic";

/**
 * The signed-in holder's whole wallet as one zip (docs/decisions/0015), streamed with its exact
 * size. The holder comes from the session only: there is no parameter that could name another.
 * GET carries no private key; POST (the Portfolio form, with an export passphrase in its body,
 * never in a URL) also carries the wallet DIDs' keys, encrypted under that passphrase.
 */
export const GET = holderRoute({ mutating: false, download: true }, async (_request, { holder, db }) => {
  // Each export reads the whole wallet, originals included: a loop of them must not take the server.
  await spendAllowance("wallet-export", EXPORTS_PER_MINUTE, holder.id, "Too many exports in a minute.");
  return walletExportResponse(db, holder.id);
});

export const POST = holderRoute({ mutating: true, download: true }, async (request, { holder, db }) => {
  const form = await request.formData().catch(() => null);
  const passphrase = checkExportPassphrase(form?.get("passphrase") ?? undefined);
  await spendAllowance("wallet-export", EXPORTS_PER_MINUTE, holder.id, "Too many exports in a minute.");
  return walletExportResponse(db, holder.id, new Date(), passphrase);
});
