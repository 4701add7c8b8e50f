import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials, holderWorkloads } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { countedHolderWorkload, type CreditUnit, type HolderWorkloadInput } from "./counted";
import { mentionedHoursOf } from "./mentioned-hours";

/**
 * The holder-set workload of one credential (issue 18). Every function is scoped by the holder:
 * another holder's credential is "not found". The credential's record and original bytes are
 * never written; what the holder confirmed lives in `holder_workloads` and undoing it deletes it.
 */

export interface HolderWorkload extends HolderWorkloadInput {
  /** What counts toward totals: null where the credential states the figure itself. */
  hours: number | null;
  ects: number | null;
}

const NOT_FOUND = "That credential was not found.";

async function ownRecord(db: Database, holderId: string, credentialId: string) {
  const [row] = await db
    .select({ record: credentials.record })
    .from(credentials)
    .where(and(eq(credentials.id, credentialId), eq(credentials.holderId, holderId)));
  if (!row) throw new DomainError("not_found", NOT_FOUND);
  return row.record;
}

export async function getHolderWorkload(
  db: Database,
  holderId: string,
  credentialId: string,
): Promise<HolderWorkload | null> {
  const [row] = await db
    .select({
      mentionedHours: holderWorkloads.mentionedHours,
      creditUnit: holderWorkloads.creditUnit,
      hours: holderWorkloads.hours,
      ects: holderWorkloads.ects,
    })
    .from(holderWorkloads)
    .where(and(eq(holderWorkloads.holderId, holderId), eq(holderWorkloads.credentialId, credentialId)));
  return row ?? null;
}

/** Writes the holder's choices, or deletes the row when nothing is left set: nothing half-stored. */
async function save(db: Database, holderId: string, credentialId: string, input: HolderWorkloadInput) {
  const record = await ownRecord(db, holderId, credentialId);
  const where = and(eq(holderWorkloads.holderId, holderId), eq(holderWorkloads.credentialId, credentialId));
  if (input.mentionedHours === null && input.creditUnit === null) {
    await db.delete(holderWorkloads).where(where);
    return null;
  }
  const counted = countedHolderWorkload(record.workload ?? {}, input);
  const values = { ...input, ...counted, updatedAt: new Date() };
  await db
    .insert(holderWorkloads)
    .values({ holderId, credentialId, ...values })
    .onConflictDoUpdate({ target: [holderWorkloads.holderId, holderWorkloads.credentialId], set: values });
  return { ...input, ...counted };
}

async function current(db: Database, holderId: string, credentialId: string): Promise<HolderWorkloadInput> {
  const row = await getHolderWorkload(db, holderId, credentialId);
  return { mentionedHours: row?.mentionedHours ?? null, creditUnit: row?.creditUnit ?? null };
}

/**
 * Counts the hours the credential's text mentions. The figure is found again here from the stored
 * record, never taken from the browser: the holder confirms what the credential says, nothing else.
 */
export async function confirmMentionedHours(
  db: Database,
  holderId: string,
  credentialId: string,
): Promise<HolderWorkload> {
  const mentioned = mentionedHoursOf(await ownRecord(db, holderId, credentialId));
  if (!mentioned)
    throw new DomainError("conflict", "This credential's text does not mention a number of hours Tessera can count.");
  const saved = await save(db, holderId, credentialId, {
    ...(await current(db, holderId, credentialId)),
    mentionedHours: mentioned.hours,
  });
  return saved!;
}

/** Says what the credential's unit-less credit figure is; "other" records it without counting it. */
export async function setCreditUnit(
  db: Database,
  holderId: string,
  credentialId: string,
  unit: CreditUnit,
): Promise<HolderWorkload> {
  const record = await ownRecord(db, holderId, credentialId);
  const credits = record.workload?.credits;
  if (credits === undefined)
    throw new DomainError("conflict", "This credential states no credit figure without a unit.");
  // The same bounds the table checks, refused in words rather than as a failed write.
  if ((unit === "hours" && credits > 2000) || (unit === "ects" && credits > 300))
    throw new DomainError(
      "invalid_input",
      `${credits} is more than Tessera counts as ${unit === "ects" ? "ECTS" : "hours"}.`,
    );
  const saved = await save(db, holderId, credentialId, {
    ...(await current(db, holderId, credentialId)),
    creditUnit: unit,
  });
  return saved!;
}

/** Undo: back to what the credential itself states. */
export async function undoHolderWorkload(
  db: Database,
  holderId: string,
  credentialId: string,
  what: "mentioned-hours" | "credit-unit",
): Promise<HolderWorkload | null> {
  const now = await current(db, holderId, credentialId);
  return save(db, holderId, credentialId, {
    mentionedHours: what === "mentioned-hours" ? null : now.mentionedHours,
    creditUnit: what === "credit-unit" ? null : now.creditUnit,
  });
}
