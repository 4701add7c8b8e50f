import { FolderHeart } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { CollectionForm } from "@/components/wallet/collections/collection-form";
import { plural } from "@/components/ui/format";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { listCollections } from "@/lib/wallet/collections";

export const metadata: Metadata = { title: "Collections" };

export default async function CollectionsPage() {
  const holder = await requireHolder("/wallet/collections");
  const collections = await listCollections(getDb(), holder.id);
  return (
    <>
      <Breadcrumb href="/wallet" label="Wallet" />
      <PageHeader
        title="Collections"
        description="Group credentials for a purpose — an application, an annual revalidation — and share or print them together."
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="collections-heading">
          <h2 id="collections-heading" className="mb-3 text-lg font-semibold">
            Your collections
          </h2>
          {collections.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-slate-300 px-4 py-8 text-center text-slate-700 dark:border-slate-700 dark:text-slate-300">
              No collections yet. Create one, then add credentials from here or from any credential&apos;s page.
            </p>
          ) : (
            <ul className="flex flex-col gap-3">
              {collections.map((collection) => (
                <li
                  key={collection.id}
                  className="flex items-start gap-3 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
                >
                  <FolderHeart
                    className="mt-0.5 h-5 w-5 shrink-0 text-brand-700 dark:text-brand-300"
                    aria-hidden="true"
                  />
                  <div className="min-w-0">
                    <h3 className="wrap-anywhere font-semibold">
                      <Link
                        href={`/wallet/collections/${collection.id}`}
                        className="hover:underline focus-visible:underline"
                      >
                        {collection.name}
                      </Link>
                    </h3>
                    <p className="text-sm text-slate-700 dark:text-slate-300">
                      {plural(collection.count, "credential")}
                    </p>
                    {collection.description ? (
                      <p className="mt-1 wrap-anywhere text-sm text-slate-600 dark:text-slate-400">
                        {collection.description}
                      </p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Card aria-labelledby="new-collection-heading">
          <h2 id="new-collection-heading" className="mb-3 text-lg font-semibold">
            New collection
          </h2>
          <CollectionForm />
        </Card>
      </div>
    </>
  );
}
