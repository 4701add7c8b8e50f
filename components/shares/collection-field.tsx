import Link from "next/link";
import { plural } from "@/components/ui/format";
import { SHARE_FIELD_IDS } from "./share-draft";

export interface CollectionChoice {
  id: string;
  name: string;
  count: number;
}

const ID = SHARE_FIELD_IDS.collection;
const errorClass = "text-sm font-medium text-red-700 dark:text-red-300";

/** The collection to share (a select named "Collection"), or how to make one when there is none. */
export function CollectionField({
  collections,
  value,
  onChange,
  error,
}: {
  collections: CollectionChoice[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  if (collections.length === 0) {
    return (
      <p
        id={ID}
        tabIndex={-1}
        className="rounded-xl border border-dashed border-slate-300 px-4 py-3 text-sm dark:border-slate-700"
      >
        {error ? <span className={`${errorClass} block`}>{error}</span> : null}
        You have no collections yet.{" "}
        <Link
          href="/wallet/collections"
          className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
        >
          Create a collection
        </Link>{" "}
        to group credentials for one purpose, then share it.
      </p>
    );
  }
  const chosen = collections.find((c) => c.id === value);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={ID} className="text-sm font-medium">
        Collection
      </label>
      {error ? (
        <p id={`${ID}-error`} className={errorClass}>
          {error}
        </p>
      ) : null}
      <select
        id={ID}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? `${ID}-error` : null, `${ID}-hint`].filter(Boolean).join(" ")}
        onChange={(e) => onChange(e.target.value)}
        className="min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
      >
        <option value="">Choose a collection</option>
        {collections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <p id={`${ID}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        {chosen ? `${plural(chosen.count, "credential")} in it today. ` : ""}Credentials you add to the collection later
        appear on the page too.
      </p>
    </div>
  );
}
