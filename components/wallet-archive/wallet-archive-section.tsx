import { Download } from "lucide-react";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { formatBytes, plural } from "@/components/ui/format";
import type { ExportOverview } from "@/lib/wallet-archive/overview";
import { ExportWithKeysForm } from "./export-with-keys-form";
import { RestoreWalletForm } from "./restore-wallet-form";

export const WALLET_EXPORT_PATH = "/api/wallet/export";

/** "Take your wallet anywhere": the full export (a download) and restore into an empty wallet. */
export async function WalletArchiveSection({ overview: pending }: { overview: Promise<ExportOverview> }) {
  const overview = await pending;
  const empty = overview.credentials === 0;
  return (
    <Card aria-labelledby="portability-heading" className="flex flex-col gap-6">
      <div>
        <h2 id="portability-heading" className="text-lg font-semibold">
          Take your wallet anywhere
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          One zip file with everything: each original credential file exactly as you received it, what Tessera read from
          it, your notes and tags, collections, goals, your renewal profiles and cycles, share link settings, your email
          addresses and your wallet DIDs. Another Tessera can restore it. Share links themselves stay here: they are
          secrets that only work on this server.
        </p>
      </div>

      <section aria-labelledby="export-heading" className="flex flex-col gap-3">
        <h3 id="export-heading" className="font-semibold">
          Export
        </h3>
        {empty ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Your wallet is empty, so the export holds no credentials yet.
          </p>
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {plural(overview.credentials, "credential")} ({plural(overview.originals, "original file")}),{" "}
            {plural(overview.collections, "collection")}, {plural(overview.goals, "goal")} and{" "}
            {plural(overview.shares, "share link setting")}: about {formatBytes(overview.approxBytes)}.
          </p>
        )}
        <div>
          <a href={WALLET_EXPORT_PATH} download className={buttonClass("secondary")}>
            <Download className="h-4 w-4" aria-hidden="true" />
            Export my wallet (.zip)
          </a>
        </div>
      </section>

      <section aria-labelledby="export-keys-heading" className="flex flex-col gap-3">
        <h3 id="export-keys-heading" className="font-semibold">
          Export with your wallet keys
        </h3>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The export above lists your wallet DIDs but not their private keys, so another Tessera cannot sign as you with
          them or tell that they are yours. To take the keys too, choose a passphrase: the keys go into the file
          encrypted under it, and you enter it again when you restore.
        </p>
        <ExportWithKeysForm action={WALLET_EXPORT_PATH} />
      </section>

      <section aria-labelledby="restore-heading" className="flex flex-col gap-3">
        <h3 id="restore-heading" className="font-semibold">
          Restore
        </h3>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Bring back a Tessera wallet export into this account. It must be empty: a restore never mixes with credentials
          already here. The archive is checked first; if anything in it is damaged or altered, nothing is restored and
          you are told why. Email addresses from the archive are not trusted on its word: each is sent a confirmation
          link and counts once you open it.
        </p>
        <RestoreWalletForm
          disabledReason={
            empty ? undefined : "Your wallet already holds credentials, so a restore is not possible here."
          }
        />
      </section>
    </Card>
  );
}
