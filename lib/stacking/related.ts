/**
 * Pathways suggested by the links credentials carry themselves (OB 3.0 related/alignments,
 * CLR 2.0 associations, ELM isPartOf/hasPart), for targets no catalog pathway covers:
 *   - credentials saying they are part-of / child-of a target X are grouped as X's parts;
 *   - a held credential X listing has-part / parent-of links adds those parts (a part named by
 *     title only is assumed to come from X's issuer, the usual case for a programme's modules).
 * Honest about what it knows: only the parts the holder's credentials mention are listed, so a
 * derived pathway says "every part we know of", never that the issuer requires nothing more.
 * "precedes" and "related" links are sequencing and similarity, not stacking, and are ignored.
 */
import type { StackCredential } from "./credential";
import { matcherKeys } from "./definition-checks";
import type { CredentialMatcher, CredentialRequirement, PathwayDefinition } from "./definition-schema";
import { byText, textKey } from "./keys";
import { parsePathwayDefinition } from "./parse-definition";

export interface LinkedPathway {
  definition: PathwayDefinition;
  /** Credentials whose links built this suggestion. */
  basedOnCredentialIds: string[];
  /** Only the parts the credentials mention are listed; the issuer may require more. */
  knownPartsOnly: true;
}

interface Part {
  match: CredentialMatcher;
  label: string;
  hours?: number;
}

interface Group {
  targetId?: string;
  title?: string;
  targetCredential?: StackCredential;
  parts: Map<string, Part>;
  basedOn: Set<string>;
  partIssuers: string[];
}

const UP = new Set(["part-of", "child-of"]);
const DOWN = new Set(["has-part", "parent-of"]);

export function deriveLinkedPathways(
  credentials: readonly StackCredential[],
  catalog: readonly PathwayDefinition[] = [],
): LinkedPathway[] {
  const groups = new Map<string, Group>();
  const group = (key: string) =>
    groups.get(key) ?? groups.set(key, { parts: new Map(), basedOn: new Set(), partIssuers: [] }).get(key)!;
  const sorted = [...credentials].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const credential of sorted) {
    for (const link of credential.related) {
      if (UP.has(link.relation)) {
        const key = linkKey(link.targetId, link.title);
        if (key === undefined) continue;
        const g = group(key);
        g.targetId ??= link.targetId;
        g.title ??= link.title;
        addPart(g, selfMatcher(credential), credential.title, credential.hours);
        g.basedOn.add(credential.id);
        g.partIssuers.push(credential.issuerName);
      } else if (DOWN.has(link.relation)) {
        const key = linkKey(credential.achievementId, credential.title)!;
        const g = group(key);
        g.targetCredential ??= credential;
        g.targetId ??= credential.achievementId;
        g.title ??= credential.title;
        const match =
          link.targetId !== undefined
            ? { achievementId: link.targetId }
            : link.title !== undefined
              ? { issuerName: credential.issuerName, title: link.title }
              : undefined;
        if (match) addPart(g, match, link.title ?? link.targetId!, undefined);
        g.basedOn.add(credential.id);
      }
    }
  }
  const covered = new Set(
    catalog.flatMap((d) => [linkKey(d.target.achievementId, undefined), linkKey(undefined, d.target.title)]),
  );
  const suggestions: LinkedPathway[] = [];
  for (const [key, g] of groups) {
    if (covered.has(key) || (g.title !== undefined && covered.has(linkKey(undefined, g.title)))) continue;
    const definition = toDefinition(key, g);
    if (definition) suggestions.push({ definition, basedOnCredentialIds: [...g.basedOn].sort(), knownPartsOnly: true });
  }
  return suggestions.sort(
    (a, b) => byText(a.definition.title, b.definition.title) || (a.definition.id < b.definition.id ? -1 : 1),
  );
}

function linkKey(targetId: string | undefined, title: string | undefined): string | undefined {
  if (textKey(targetId) !== "") return `id:${textKey(targetId)}`;
  if (textKey(title) !== "") return `title:${textKey(title)}`;
  return undefined;
}

const selfMatcher = (c: StackCredential): CredentialMatcher =>
  c.achievementId !== undefined && textKey(c.achievementId) !== ""
    ? { achievementId: c.achievementId }
    : { issuerName: c.issuerName, title: c.title };

function addPart(g: Group, match: CredentialMatcher, label: string, hours: number | undefined): void {
  const key = matcherKeys(match)[0];
  if (key === undefined || g.parts.has(key)) return;
  g.parts.set(key, { match, label, ...(hours !== undefined && hours > 0 && { hours }) });
}

function toDefinition(key: string, g: Group): PathwayDefinition | undefined {
  const title = g.title ?? "A credential your badges are part of";
  const issuerName = g.targetCredential?.issuerName ?? mostCommon(g.partIssuers) ?? "Issuer not named";
  const targetKey = matcherKeys({ achievementId: g.targetId, issuerName, title });
  const parts = [...g.parts.values()]
    .filter((p) => !matcherKeys(p.match).some((k) => targetKey.includes(k)))
    .sort((a, b) => byText(a.label, b.label));
  if (parts.length === 0) return undefined;
  const children: CredentialRequirement[] = parts.map((p, i) => ({
    id: `part-${i + 1}`,
    type: "credential",
    label: p.label.slice(0, 200),
    match: p.match,
    ...(p.hours !== undefined && { expectedHours: p.hours }),
  }));
  const candidate: PathwayDefinition = {
    version: 1,
    id: `linked-${slug(title)}-${hash(key)}`,
    title: title.slice(0, 300),
    summary: `Suggested from links in your credentials: ${parts.length} part${parts.length === 1 ? "" : "s"} of “${title}” ${parts.length === 1 ? "is" : "are"} known. The issuer may require more than these.`,
    target: {
      title: title.slice(0, 300),
      kind: g.targetCredential?.kind === "nano-degree" ? "nano-degree" : "micro-credential",
      issuer: { name: issuerName.slice(0, 300) },
      ...(g.targetId !== undefined && { achievementId: g.targetId }),
      eu: { learningOutcomes: [] },
    },
    requirements: { id: "known-parts", type: "all-of", label: "Every part your credentials mention", children },
  };
  const parsed = parsePathwayDefinition(candidate);
  return parsed.ok ? parsed.definition : undefined;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]?.[0];
}

const slug = (text: string) =>
  textKey(text)
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "") || "target";

/** FNV-1a, base 36: a short stable suffix so two targets with similar titles never share an id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
