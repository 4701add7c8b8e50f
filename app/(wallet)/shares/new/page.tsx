import type { Metadata } from "next";
import { initialShareDraft, type ChosenCredential } from "@/components/shares/share-draft";
import { ShareForm } from "@/components/shares/share-form";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { getCredentialForHolder } from "@/lib/credential-store/data";
import { isUuid } from "@/lib/http/ids";
import { listCollections } from "@/lib/wallet/collections";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

export const metadata: Metadata = { title: "New share link" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValue(value: string | string[] | undefined): string | null {
  const one = Array.isArray(value) ? value[0] : value;
  return one && isUuid(one) ? one : null;
}

export default async function NewSharePage({ searchParams }: Props) {
  const holder = await requireHolder("/shares/new");
  const search = await searchParams;
  const credentialId = firstValue(search.credential);
  const collectionId = firstValue(search.collection);
  const db = getDb();
  const now = new Date();
  // ?credential= and ?collection= come from a credential's or a collection's page; another
  // holder's id (or a stale one) finds nothing here and the form simply starts empty.
  const [collections, firstPage, credential] = await Promise.all([
    listCollections(db, holder.id),
    listWallet(db, holder.id, parseWalletQuery({ sort: "title" }), now),
    credentialId ? getCredentialForHolder(db, holder.id, credentialId) : null,
  ]);
  const chosen: ChosenCredential | null = credential
    ? { id: credential.id, title: credential.title, issuerName: credential.record.issuer.name }
    : null;
  const ownCollection = collectionId && collections.some((c) => c.id === collectionId) ? collectionId : null;

  return (
    <>
      <Breadcrumb href="/shares" label="Shares" />
      <PageHeader
        title="New share link"
        description="Choose what a recruiter, employer or regulator sees. They need no account, and each credential is checked live when they open the page."
      />
      <Card className="max-w-3xl">
        <ShareForm
          initial={initialShareDraft({ credential: chosen, collectionId: ownCollection })}
          collections={collections.map(({ id, name, count }) => ({ id, name, count }))}
          walletTotal={firstPage.total}
          renderId={now.toISOString()}
          initialPage={toWalletPageView(firstPage)}
        />
      </Card>
    </>
  );
}
