import { Share2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CollectionForm } from "@/components/wallet/collections/collection-form";
import { DeleteCollection } from "@/components/wallet/collections/delete-collection";
import { MembershipButton } from "@/components/wallet/collections/membership-button";
import { plural } from "@/components/ui/format";
import { WalletCard } from "@/components/wallet/wallet-card";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { isUuid } from "@/lib/http/ids";
import { getCollection, membersAmong } from "@/lib/wallet/collections";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery, walletQueryToParams } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";

export const metadata: Metadata = { title: "Collection" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CollectionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const holder = await requireHolder(`/wallet/collections/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const collection = await getCollection(db, holder.id, id);
  if (!collection) notFound();
  const search = await searchParams;
  const now = new Date();
  const members = toWalletPageView(
    await listWallet(db, holder.id, { ...parseWalletQuery(search), q: undefined, collection: id }, now),
  );
  // The picker searches the whole wallet with its own parameter, so the two lists never mix.
  const find = parseWalletQuery({ q: search.find }).q;
  const found = find
    ? toWalletPageView(await listWallet(db, holder.id, { q: find, sort: "title", page: 1 }, now))
    : null;
  const already = found
    ? await membersAmong(
        db,
        holder.id,
        id,
        found.items.map((item) => item.id),
      )
    : new Set<string>();
  const pageHref = (page: number) =>
    `/wallet/collections/${id}?${walletQueryToParams({ page, sort: "newest" }).toString()}`;

  return (
    <>
      <Breadcrumb href="/wallet/collections" label="Collections" />
      <PageHeader
        title={collection.name}
        description={collection.description ?? undefined}
        actions={
          <ButtonLink href={`/shares/new?collection=${id}`} variant="secondary">
            <Share2 className="h-4 w-4" aria-hidden="true" />
            Share this collection
          </ButtonLink>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="members-heading" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="members-heading" className="text-lg font-semibold">
              In this collection
            </h2>
            <p className="text-sm text-slate-700 dark:text-slate-300">{plural(members.total, "credential")}</p>
          </div>
          {members.items.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-slate-300 px-4 py-8 text-center text-slate-700 dark:border-slate-700 dark:text-slate-300">
              Nothing here yet. Find credentials to add below.
            </p>
          ) : (
            <ul className="flex flex-col gap-3" aria-label="Credentials in this collection">
              {members.items.map((credential) => (
                <li key={credential.id} className="flex flex-col gap-2 sm:flex-row sm:items-start">
                  <div className="min-w-0 flex-1">
                    <WalletCard credential={credential} now={now} />
                  </div>
                  <MembershipButton collectionId={id} credentialId={credential.id} title={credential.title} member />
                </li>
              ))}
            </ul>
          )}
          {members.total > members.pageSize ? (
            <nav aria-label="Pages" className="flex justify-between text-sm">
              {members.page > 1 ? <Link href={pageHref(members.page - 1)}>Previous</Link> : <span />}
              {members.page * members.pageSize < members.total ? (
                <Link href={pageHref(members.page + 1)}>Next</Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}

          <section aria-labelledby="add-heading" className="mt-4 flex flex-col gap-3">
            <h2 id="add-heading" className="text-lg font-semibold">
              Add credentials
            </h2>
            <form method="get" role="search" aria-label="Find credentials to add" className="flex gap-2">
              <label htmlFor="find" className="sr-only">
                Find credentials to add
              </label>
              <input
                id="find"
                name="find"
                type="search"
                defaultValue={find ?? ""}
                maxLength={100}
                placeholder="Title, issuer, skill or tag"
                className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
              />
              <Button type="submit" variant="secondary">
                Find
              </Button>
            </form>
            {found ? (
              found.items.length === 0 ? (
                <p role="status">No credentials match “{find}”.</p>
              ) : (
                <ul
                  className="flex flex-col divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
                  aria-label="Matching credentials"
                >
                  {found.items.map((credential) => (
                    <li key={credential.id} className="flex items-center justify-between gap-3 px-4 py-2">
                      <div className="min-w-0">
                        <p className="wrap-anywhere font-medium">{credential.title}</p>
                        <p className="truncate text-sm text-slate-600 dark:text-slate-400">{credential.issuerName}</p>
                      </div>
                      <MembershipButton
                        collectionId={id}
                        credentialId={credential.id}
                        title={credential.title}
                        member={already.has(credential.id)}
                      />
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </section>
        </section>
        <div className="flex flex-col gap-6">
          <Card aria-labelledby="edit-heading">
            <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
              Name and description
            </h2>
            <CollectionForm collection={collection} />
          </Card>
          <Card aria-labelledby="delete-heading">
            <h2 id="delete-heading" className="mb-3 text-lg font-semibold">
              Delete
            </h2>
            <DeleteCollection collectionId={id} name={collection.name} />
          </Card>
        </div>
      </div>
    </>
  );
}
