import type { ReactNode } from "react";
import type { HolderPathway } from "@/lib/stacking/data";
import type { PathwayDefinition } from "@/lib/stacking";
import { PathwayCard } from "./pathway-card";
import { progressUnits } from "./progress-text";

/** One section of the overview: a heading, a sentence on what it holds, and its cards. */
export function PathwaySection({
  id,
  title,
  description,
  pathways,
  definitions,
  empty,
}: {
  id: string;
  title: string;
  description?: string;
  pathways: HolderPathway[];
  definitions: ReadonlyMap<string, PathwayDefinition>;
  empty?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="max-w-2xl text-sm text-slate-700 dark:text-slate-300">{description}</p> : null}
      </div>
      {pathways.length === 0 ? (
        empty
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {pathways.map((pathway) => (
            <li key={pathway.id}>
              <PathwayCard pathway={pathway} units={progressUnits(pathway, definitions)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
