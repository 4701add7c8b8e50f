import "server-only";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdProfiles } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { PROFILE_NOT_FOUND } from "./errors";
import { checkProfile, CPD_PROFILE_VERSION, type CpdProfile } from "./profile-schema";

export interface ProfileRow {
  id: string;
  source: "catalog" | "holder";
  definition: CpdProfile;
}

const columns = { id: cpdProfiles.id, source: cpdProfiles.source, definition: cpdProfiles.definition };
/** The catalog, plus this holder's own profiles: never another holder's. */
const visibleTo = (holderId: string) => or(isNull(cpdProfiles.holderId), eq(cpdProfiles.holderId, holderId));

export async function listProfilesForHolder(db: Database, holderId: string): Promise<ProfileRow[]> {
  return db
    .select(columns)
    .from(cpdProfiles)
    .where(visibleTo(holderId))
    .orderBy(sql`${cpdProfiles.holderId} is null`, asc(cpdProfiles.createdAt), asc(cpdProfiles.slug));
}

export async function getProfileForHolder(
  db: Database,
  holderId: string,
  profileId: string,
): Promise<ProfileRow | null> {
  const [row] = await db
    .select(columns)
    .from(cpdProfiles)
    .where(and(eq(cpdProfiles.id, profileId), visibleTo(holderId)));
  return row ?? null;
}

/** Validates with the same schema as the catalog; the slug is the holder's own id for it. */
export async function createHolderProfile(db: Database, holderId: string, input: unknown): Promise<ProfileRow> {
  const check = checkProfile(input);
  if (!check.ok)
    throw new DomainError("invalid_input", check.errors[0] ?? "Please check the profile.", {
      fieldErrors: { profile: check.errors },
    });
  const [row] = await db
    .insert(cpdProfiles)
    .values({
      holderId,
      slug: check.profile.id,
      source: "holder",
      version: CPD_PROFILE_VERSION,
      definition: check.profile,
    })
    .onConflictDoNothing()
    .returning(columns);
  if (!row)
    throw new DomainError("conflict", "You already have a profile with this name. Choose another name.", {
      fieldErrors: { name: ["You already have a profile with this name."] },
    });
  return row;
}

/** Only the holder's own profiles can be deleted; their cycles on it go with it. */
export async function deleteHolderProfile(db: Database, holderId: string, profileId: string): Promise<boolean> {
  const deleted = await db
    .delete(cpdProfiles)
    .where(and(eq(cpdProfiles.id, profileId), eq(cpdProfiles.holderId, holderId)))
    .returning({ id: cpdProfiles.id });
  return deleted.length > 0;
}

export async function requireProfileForHolder(db: Database, holderId: string, profileId: string): Promise<ProfileRow> {
  const row = await getProfileForHolder(db, holderId, profileId);
  if (!row) throw new DomainError("not_found", PROFILE_NOT_FOUND);
  return row;
}
