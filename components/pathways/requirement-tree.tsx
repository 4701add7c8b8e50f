import type { PathwayOverview } from "@/lib/stacking/data";
import type { PathwayDefinition, PathwayProgress, RequirementProgress } from "@/lib/stacking";
import { CredentialLinks } from "./credential-links";
import { PATHWAY_KIND_LABELS, remainingText, statusView, type StatusView } from "./progress-text";
import { StatusBadge } from "./status-badge";

type Named = PathwayOverview["credentials"];

const branch = "mt-2 flex flex-col gap-2 border-l-2 border-slate-300 pl-3 dark:border-slate-600";
const box =
  "flex flex-col gap-1.5 rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900";

function NodeHeading({ view, label }: { view: StatusView; label: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusBadge view={view} />
      <span className="sr-only">: </span>
      <span className="min-w-0 wrap-anywhere font-medium">{label}</span>
    </p>
  );
}

function RequirementNode({ node, credentials }: { node: RequirementProgress; credentials: Named }) {
  // A leaf's own hours; groups say "2 of 3 met" instead, and unstated hours are not guessed.
  const remaining =
    node.status === "met" || node.children.length > 0 || node.remaining.unknown > 0
      ? null
      : remainingText(node.remaining);
  return (
    <li>
      <div className={box}>
        <NodeHeading view={statusView(node.status, node.type)} label={node.label} />
        {node.detail ? <p className="wrap-anywhere text-sm text-slate-700 dark:text-slate-300">{node.detail}</p> : null}
        {node.problem ? (
          <p className="wrap-anywhere text-sm font-medium text-red-800 dark:text-red-300">
            Cannot be met: this requirement {node.problem}.
          </p>
        ) : null}
        <CredentialLinks label="Counted" ids={node.credentialIds} credentials={credentials} />
        <CredentialLinks
          label="Expired, so not counted"
          ids={node.expiredCredentialIds}
          credentials={credentials}
          expired
        />
        {remaining ? <p className="text-sm text-slate-700 dark:text-slate-300">{remaining}</p> : null}
      </div>
      {node.children.length > 0 ? (
        <ul className={branch}>
          {node.children.map((child) => (
            <RequirementNode key={child.id} node={child} credentials={credentials} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function targetView(progress: PathwayProgress): StatusView {
  if (progress.targetHeld) return { word: "Earned", tone: "met" };
  if (progress.complete) return { word: "All requirements met", tone: "met" };
  return progress.percentByCount > 0 || progress.percentByWeight > 0
    ? { word: "In progress", tone: "partial" }
    : { word: "Not started", tone: "missing" };
}

/**
 * The stack as nested lists, from the target credential down to the badges: each part with its
 * status in words, what it needs, the credentials counted for it and the expired ones that were not.
 */
export function RequirementTree({
  definition,
  progress,
  credentials,
}: {
  definition: PathwayDefinition;
  progress: PathwayProgress;
  credentials: Named;
}) {
  return (
    <ul aria-label={`How “${definition.target.title}” is built`}>
      <li>
        <div className={box}>
          <NodeHeading view={targetView(progress)} label={definition.target.title} />
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {PATHWAY_KIND_LABELS[definition.target.kind] ?? definition.target.kind}, the credential this pathway leads
            to
          </p>
          <CredentialLinks label="You hold it" ids={progress.targetCredentialIds} credentials={credentials} />
        </div>
        {progress.requirements ? (
          <ul className={branch}>
            <RequirementNode node={progress.requirements} credentials={credentials} />
          </ul>
        ) : (
          <p className="mt-2 text-sm">The requirements of this pathway cannot be read.</p>
        )}
      </li>
    </ul>
  );
}
