import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import { cleanLabel, cleanNote } from "@/lib/wallet/text-rules";
import { NOTE_MAX_CHARS, TAG_MAX_CHARS, TAGS_PER_CREDENTIAL_MAX } from "@/lib/wallet/limits";

/**
 * The holder's own note and tags on a credential. They live in their own columns: the record,
 * the payload and the original bytes are never touched.
 */

export const noteSchema = z
  .string()
  .transform(cleanNote)
  .pipe(z.string().max(NOTE_MAX_CHARS, `Keep the note under ${NOTE_MAX_CHARS.toLocaleString("en-GB")} characters.`));

export const tagSchema = z
  .string()
  .transform(cleanLabel)
  .pipe(
    z.string().min(1, "A tag cannot be empty.").max(TAG_MAX_CHARS, `Keep each tag under ${TAG_MAX_CHARS} characters.`),
  );

export const tagsSchema = z
  .array(tagSchema)
  .max(TAGS_PER_CREDENTIAL_MAX, `A credential can carry up to ${TAGS_PER_CREDENTIAL_MAX} tags.`)
  // "ICU" and "icu" are one tag; the first spelling wins.
  .transform((tags) =>
    tags.filter((tag, i) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === i),
  );

export async function setHolderNote(
  db: Database,
  holderId: string,
  credentialId: string,
  note: string,
): Promise<boolean> {
  const value = noteSchema.parse(note);
  const rows = await db
    .update(credentials)
    .set({ holderNote: value === "" ? null : value })
    .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)))
    .returning({ id: credentials.id });
  return rows.length === 1;
}

export async function setHolderTags(
  db: Database,
  holderId: string,
  credentialId: string,
  tags: string[],
): Promise<string[] | null> {
  const value = tagsSchema.parse(tags);
  const rows = await db
    .update(credentials)
    .set({ holderTags: value })
    .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)))
    .returning({ holderTags: credentials.holderTags });
  return rows[0]?.holderTags ?? null;
}
