"use client";

import { KIND_LABELS } from "@/lib/credentials/record";
import {
  KIND_FILTERS,
  SORT_LABELS,
  SORTS,
  VALIDITY_FILTERS,
  VALIDITY_LABELS,
  VERIFICATION_FILTERS,
  VERIFICATION_LABELS,
  type WalletQuery,
} from "@/lib/wallet/query";
import type { WalletFacets } from "@/lib/wallet/list";
import { FilterSelect } from "./filter-select";

export interface CollectionOption {
  id: string;
  name: string;
}

const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));

/** Every filter and the sort, as native selects; each change applies at once (and without script, on "Apply"). */
export function WalletFilters({
  query,
  facets,
  collections,
  onChange,
}: {
  query: WalletQuery;
  facets: WalletFacets;
  collections: CollectionOption[];
  onChange: (patch: Partial<WalletQuery>) => void;
}) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      <FilterSelect
        label="Kind"
        name="kind"
        anyLabel="All kinds"
        value={query.kind}
        options={KIND_FILTERS.map((value) => ({ value, label: KIND_LABELS[value] }))}
        onChange={(kind) => onChange({ kind: kind as WalletQuery["kind"] })}
      />
      <FilterSelect
        label="Verification"
        name="verification"
        anyLabel="Any result"
        value={query.verification}
        options={VERIFICATION_FILTERS.map((value) => ({ value, label: VERIFICATION_LABELS[value] }))}
        onChange={(verification) => onChange({ verification: verification as WalletQuery["verification"] })}
      />
      <FilterSelect
        label="Expiry"
        name="validity"
        anyLabel="Any date"
        value={query.validity}
        options={VALIDITY_FILTERS.map((value) => ({ value, label: VALIDITY_LABELS[value] }))}
        onChange={(validity) => onChange({ validity: validity as WalletQuery["validity"] })}
      />
      <FilterSelect
        label="Issuer"
        name="issuer"
        anyLabel="All issuers"
        value={query.issuer}
        options={values(facets.issuers)}
        onChange={(issuer) => onChange({ issuer })}
      />
      {facets.skills.length > 0 ? (
        <FilterSelect
          label="Skill"
          name="skill"
          anyLabel="All skills"
          value={query.skill}
          options={values(facets.skills)}
          onChange={(skill) => onChange({ skill })}
        />
      ) : null}
      {facets.tags.length > 0 ? (
        <FilterSelect
          label="Your tag"
          name="tag"
          anyLabel="All tags"
          value={query.tag}
          options={values(facets.tags)}
          onChange={(tag) => onChange({ tag })}
        />
      ) : null}
      {collections.length > 0 ? (
        <FilterSelect
          label="Collection"
          name="collection"
          anyLabel="All collections"
          value={query.collection}
          options={collections.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(collection) => onChange({ collection })}
        />
      ) : null}
      <FilterSelect
        label="Sort"
        name="sort"
        value={query.sort}
        options={SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
        onChange={(sort) => onChange({ sort: (sort ?? "newest") as WalletQuery["sort"] })}
      />
    </div>
  );
}
