import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ShareCredentialsForm } from "@/components/shares/share-credentials-form";
import { shareTitle } from "@/components/shares/share-text";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { getHolderDataForCredential } from "@/lib/credential-store/evidence";
import { isUuid } from "@/lib/http/ids";
import { getShare, getShareCredentialIds } from "@/lib/shares/data";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

export const metadata: Metadata = { title: "Change a link's credentials" };

/** Only the holder's own links: another holder's id, or a malformed one, is a plain 404. */
export default async function ShareCredentialsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const holder = await requireHolder(`/shares/${id}/credentials`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const now = new Date();
  const share = await getShare(db, holder.id, id, now);
  if (!share) notFound();
  const title = shareTitle(share);
  const editable = share.state !== "revoked" && (share.scope === "credential" || share.scope === "selection");

  if (!editable) {
    return (
      <>
        <Breadcrumb href="/shares" label="Shares" />
        <PageHeader title="Change a link’s credentials" />
        <div className="max-w-3xl">
          <Alert tone="info" title={title}>
            {share.state === "revoked"
              ? "This link was revoked and cannot be changed. Create a new link instead."
              : share.scope === "collection"
                ? "This link follows a collection: add or remove credentials in the collection and the page follows."
                : "This link shows your whole profile: every credential in your wallet is on it."}
          </Alert>
        </div>
      </>
    );
  }

  const [ids, firstPage] = await Promise.all([
    getShareCredentialIds(db, holder.id, id),
    listWallet(db, holder.id, parseWalletQuery({ sort: "title" }), now),
  ]);
  // Deleting a credential removes it from every link, so each id here is still in the wallet.
  const held = await Promise.all(
    (ids ?? []).map(async (credentialId) => ({
      credentialId,
      data: await getHolderDataForCredential(db, holder.id, credentialId),
    })),
  );
  const chosen = held.flatMap(({ credentialId, data }) =>
    data ? [{ id: credentialId, title: data.title, issuerName: "" }] : [],
  );

  return (
    <>
      <Breadcrumb href="/shares" label="Shares" />
      <PageHeader
        title="Change a link’s credentials"
        description={`“${title}”: the link’s address stays the same, so whoever already has it sees the new list the next time they open it.`}
      />
      <Card className="max-w-3xl">
        <ShareCredentialsForm
          shareId={id}
          initialChosen={chosen}
          renderId={now.toISOString()}
          initialPage={toWalletPageView(firstPage)}
        />
      </Card>
    </>
  );
}
