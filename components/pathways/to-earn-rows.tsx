"use client";

import { Plus } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FIELD_IDS, GOAL_LIMITS, type DraftErrors, type ToEarnRow } from "./goal-draft";

const ADD = "add";

/**
 * "Credentials still to earn": a title and an issuer per row, named as the issuer names it, so the
 * goal recognises the credential once it is imported. Adding a row moves the focus into it;
 * removing one moves it to a neighbour, never to the top of the page.
 */
export function ToEarnRows({
  rows,
  onChange,
  errors,
}: {
  rows: ToEarnRow[];
  onChange: (rows: ToEarnRow[]) => void;
  errors: DraftErrors;
}) {
  const counter = useRef(rows.length);
  const addButton = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the rows have re-rendered after an add or a remove.
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    (target === ADD ? addButton.current : (document.getElementById(target) ?? addButton.current))?.focus();
  });

  const update = (key: string, patch: Partial<ToEarnRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    counter.current += 1;
    const key = `n${counter.current}`;
    onChange([...rows, { key, title: "", issuer: "" }]);
    focusNext.current = FIELD_IDS.toEarnTitle(key);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusNext.current = neighbour ? FIELD_IDS.toEarnTitle(neighbour.key) : ADD;
  };

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 font-semibold">Credentials still to earn</legend>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Name each as its issuer does, for example “Sepsis Recognition” from your trust’s learning team.
      </p>
      {rows.length > 0 ? (
        <ol className="flex flex-col gap-3">
          {rows.map((row, i) => (
            <li key={row.key}>
              <fieldset className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 p-3 dark:border-slate-700">
                <legend className="px-1 text-sm font-semibold">Credential to earn {i + 1}</legend>
                <TextField
                  label="Title"
                  name={FIELD_IDS.toEarnTitle(row.key)}
                  value={row.title}
                  maxLength={GOAL_LIMITS.part}
                  autoComplete="off"
                  error={errors[FIELD_IDS.toEarnTitle(row.key)]}
                  onChange={(e) => update(row.key, { title: e.target.value })}
                />
                <TextField
                  label="Issued by"
                  name={FIELD_IDS.toEarnIssuer(row.key)}
                  value={row.issuer}
                  maxLength={GOAL_LIMITS.part}
                  autoComplete="off"
                  error={errors[FIELD_IDS.toEarnIssuer(row.key)]}
                  onChange={(e) => update(row.key, { issuer: e.target.value })}
                />
                <div>
                  <Button type="button" variant="ghost" onClick={() => remove(i)}>
                    Remove credential to earn {i + 1}
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      ) : null}
      <div>
        <Button ref={addButton} type="button" variant="secondary" onClick={add}>
          <Plus className="h-4 w-4" aria-hidden="true" />
          Add a credential to earn
        </Button>
      </div>
    </fieldset>
  );
}
