import { checkCycleDates, type CycleSpan } from "@/lib/cpd/cycle-rules";
import { checkProfile, type CpdProfile } from "@/lib/cpd/profile-schema";
import { credentialDedupeKey } from "@/lib/credentials/dedupe";
import { parsePathwayDefinition } from "@/lib/stacking/parse-definition";
import { refuse } from "./errors";
import { evidenceEntry, imageEntry, originalEntry } from "./format";
import type { WalletArchive } from "./read-archive";
import type { CpdDocument } from "./schemas";

const NOTHING = "Nothing was restored.";

export interface CheckedArchive {
  /** The holder's own CPD profiles as the CPD profile schema parsed them, in archive order. */
  cpdProfiles: CpdProfile[];
}

/**
 * Every row of the archive may only point at rows of the same archive, by archive key: a
 * database id (this holder's or anyone's) resolves to nothing and refuses the archive, so a
 * restore can never link to another holder's rows (docs/threat-model.md G2). Also refuses what the
 * database would otherwise accept but the app never produces: duplicate keys, parent cycles, a
 * dedupe key that is not the credential's own, and CPD profiles or cycles the Renewal pages would
 * refuse. Catalog profiles a cycle names are looked up later, in the restore's transaction.
 */
export function checkArchiveReferences({ credentials, wallet, files }: WalletArchive): CheckedArchive {
  const keys = new Set<string>();
  const dedupe = new Set<string>();
  const originals = new Set(wallet.originals.map((o) => o.sha256));
  if (originals.size !== wallet.originals.length) refuse(`wallet.json lists an original file twice. ${NOTHING}`);
  for (const original of wallet.originals) {
    const bytes = files.get(originalEntry(original.sha256));
    if (!bytes || bytes.byteLength !== original.byteSize)
      refuse(
        `The original file ${original.sha256.slice(0, 12)}… is missing from the archive or has the wrong size. ${NOTHING}`,
      );
  }
  const usedFiles = new Set(wallet.originals.map((o) => originalEntry(o.sha256)));

  for (const [index, line] of credentials.entries()) {
    const where = `Credential ${index + 1} (“${line.record.title.slice(0, 80)}”)`;
    if (keys.has(line.key)) refuse(`${where} reuses the key ${line.key}. ${NOTHING}`);
    keys.add(line.key);
    if (!originals.has(line.original))
      refuse(`${where} refers to an original file the archive does not hold. ${NOTHING}`);
    if (dedupe.has(line.dedupeKey)) refuse(`${where} appears twice in the archive. ${NOTHING}`);
    dedupe.add(line.dedupeKey);
    const signed = line.signed;
    const expected = credentialDedupeKey(
      signed?.kind === "jades" ? signed.jws : line.payload,
      signed?.kind === "compact-jws" ? signed.token : undefined,
    );
    if (expected !== line.dedupeKey)
      refuse(`${where} does not match its own content (its identity hash differs). ${NOTHING}`);
  }
  const parentOf = new Map(credentials.map((c) => [c.key, c.parent]));
  for (const line of credentials) {
    const seen = new Set([line.key]);
    for (let parent = line.parent; parent !== null; parent = parentOf.get(parent) ?? null) {
      if (!parentOf.has(parent))
        refuse(`A credential names a parent (${parent.slice(0, 20)}) that is not in the archive. ${NOTHING}`);
      if (seen.has(parent)) refuse(`Credentials in the archive contain each other in a loop. ${NOTHING}`);
      seen.add(parent);
    }
  }
  const credential = (key: string, what: string) => {
    if (!keys.has(key))
      refuse(`${what} refers to a credential (${key.slice(0, 20)}) that is not in the archive. ${NOTHING}`);
  };

  for (const evidence of wallet.evidence) {
    credential(evidence.credential, "An evidence file");
    const bytes = files.get(evidenceEntry(evidence.sha256));
    if (!bytes || bytes.byteLength !== evidence.byteSize)
      refuse(`An evidence file is missing from the archive or has the wrong size. ${NOTHING}`);
    usedFiles.add(evidenceEntry(evidence.sha256));
  }
  const imaged = new Set<string>();
  for (const image of wallet.images) {
    credential(image.credential, "An image");
    if (imaged.has(image.credential)) refuse(`A credential has two images in the archive. ${NOTHING}`);
    imaged.add(image.credential);
    if (!files.has(imageEntry(image.sha256))) refuse(`A credential image is missing from the archive. ${NOTHING}`);
    usedFiles.add(imageEntry(image.sha256));
  }
  for (const name of files.keys())
    if (!usedFiles.has(name)) refuse(`The archive holds a file no row refers to (${name.slice(0, 30)}…). ${NOTHING}`);

  const collectionKeys = new Set<string>();
  const names = new Set<string>();
  for (const collection of wallet.collections) {
    if (collectionKeys.has(collection.key) || names.has(collection.name.toLowerCase()))
      refuse(`The collection “${collection.name.slice(0, 80)}” appears twice. ${NOTHING}`);
    collectionKeys.add(collection.key);
    names.add(collection.name.toLowerCase());
    const members = new Set<string>();
    for (const item of collection.items) {
      credential(item.credential, `The collection “${collection.name.slice(0, 80)}”`);
      if (members.has(item.credential))
        refuse(`The collection “${collection.name.slice(0, 80)}” lists a credential twice. ${NOTHING}`);
      members.add(item.credential);
    }
  }

  const slugs = new Set<string>();
  for (const goal of wallet.goals) {
    if (slugs.has(goal.slug)) refuse(`Two goals share the name ${goal.slug.slice(0, 60)}. ${NOTHING}`);
    slugs.add(goal.slug);
    const definition = parsePathwayDefinition(goal.definition);
    if (!definition.ok || definition.definition.id !== goal.slug)
      refuse(`The goal ${goal.slug.slice(0, 60)} is not a valid pathway definition. ${NOTHING}`);
    for (const key of goalCredentialKeys(goal.goal)) credential(key, `The goal ${goal.slug.slice(0, 60)}`);
  }
  if (new Set(wallet.follows.map((f) => f.slug)).size !== wallet.follows.length)
    refuse(`A followed pathway is listed twice. ${NOTHING}`);

  for (const share of wallet.shares) {
    if (share.collection !== null && !collectionKeys.has(share.collection))
      refuse(`A share link refers to a collection that is not in the archive. ${NOTHING}`);
    if (share.scope === "collection" && share.collection === null)
      refuse(`A collection share link names no collection. ${NOTHING}`);
    if (new Set(share.credentials).size !== share.credentials.length)
      refuse(`A share link lists a credential twice. ${NOTHING}`);
    for (const key of share.credentials) credential(key, "A share link");
  }

  return { cpdProfiles: checkCpd(wallet.cpd, credential) };
}

/**
 * The holder's CPD as the Renewal pages would have stored it: each profile passes the CPD profile
 * schema (the one the catalog and the holder's form use) under its own slug; each cycle is on
 * exactly one profile, this archive's or the catalog's, with real dates, a sensible length and no
 * overlap with another cycle on the same profile (lib/cpd/cycle-rules.ts); each override is on a
 * credential of the archive, once.
 */
function checkCpd(cpd: CpdDocument | undefined, credential: (key: string, what: string) => void): CpdProfile[] {
  if (!cpd) return [];
  const keys = new Set<string>();
  const slugs = new Set<string>();
  const parsed = cpd.profiles.map((profile) => {
    const name = profile.slug.slice(0, 60);
    if (keys.has(profile.key)) refuse(`Two CPD profiles in the archive share the key ${profile.key}. ${NOTHING}`);
    keys.add(profile.key);
    if (slugs.has(profile.slug)) refuse(`Two of your CPD profiles in the archive are both named ${name}. ${NOTHING}`);
    slugs.add(profile.slug);
    const check = checkProfile(profile.definition);
    if (!check.ok)
      return refuse(
        `Your CPD profile ${name} in the archive is not valid (${check.errors[0]?.slice(0, 300) ?? "invalid"}); Tessera would not accept it. ${NOTHING}`,
      );
    if (check.profile.id !== profile.slug)
      refuse(
        `Your CPD profile ${name} in the archive does not carry its own name (its definition says ${check.profile.id.slice(0, 60)}). ${NOTHING}`,
      );
    return check.profile;
  });

  const spans = new Map<string, CycleSpan[]>();
  for (const [index, cycle] of cpd.cycles.entries()) {
    const where = `A CPD cycle (${cycle.startsOn.slice(0, 10)} to ${cycle.endsOn.slice(0, 10)})`;
    if ((cycle.profile === null) === (cycle.catalogProfile === null))
      refuse(`${where} must name exactly one profile: your own or one from the catalog. ${NOTHING}`);
    if (cycle.profile !== null && !keys.has(cycle.profile))
      refuse(`${where} refers to a CPD profile (${cycle.profile.slice(0, 20)}) that is not in the archive. ${NOTHING}`);
    const profile = cycle.profile !== null ? `archive:${cycle.profile}` : `catalog:${cycle.catalogProfile}`;
    const others = spans.get(profile) ?? [];
    // Every span needs an id: checkCycleDates skips the one whose id matches the cycle's own (both undefined would match).
    const span = { id: String(index), startsOn: cycle.startsOn, endsOn: cycle.endsOn };
    const errors = checkCycleDates(span, others);
    const first = Object.values(errors)[0]?.[0];
    if (first) refuse(`${where} is not valid: ${first} ${NOTHING}`);
    spans.set(profile, [...others, span]);
  }

  const overridden = new Set<string>();
  for (const activity of cpd.activities) {
    credential(activity.credential, "A CPD activity override");
    if (overridden.has(activity.credential))
      refuse(`The archive holds two CPD overrides for one credential (${activity.credential}). ${NOTHING}`);
    overridden.add(activity.credential);
  }
  return parsed;
}

/** The credential keys a stored goal names (its held components); refuses a goal of the wrong shape. */
export function goalCredentialKeys(goal: unknown): string[] {
  if (goal === null) return [];
  const components =
    typeof goal === "object" && goal !== null ? (goal as { components?: unknown }).components : undefined;
  if (!Array.isArray(components)) return refuse(`A goal in the archive has no components. ${NOTHING}`);
  return components.flatMap((component: unknown) => {
    if (typeof component !== "object" || component === null)
      return refuse(`A goal in the archive has a malformed component. ${NOTHING}`);
    const id = (component as { credentialId?: unknown }).credentialId;
    if (id === undefined) return [];
    if (typeof id !== "string") return refuse(`A goal in the archive has a malformed component. ${NOTHING}`);
    return [id];
  });
}
