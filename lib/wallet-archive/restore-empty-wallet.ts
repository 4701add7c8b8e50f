import "server-only";
import { and, eq } from "drizzle-orm";
import { collections, cpdActivities, cpdCycles, cpdProfiles, credentials, pathways, shares } from "@/db/schema";
import { refuse } from "./errors";
import type { Tx } from "./restore-batches";

/** A restore only fills an empty wallet: anything the holder made here refuses it (docs/decisions/0015). */
export async function refuseUnlessEmpty(tx: Tx, holderId: string): Promise<void> {
  // One after another: a transaction is one connection, which runs one query at a time.
  const held = await tx.$count(credentials, eq(credentials.holderId, holderId));
  const cols = await tx.$count(collections, eq(collections.holderId, holderId));
  const goals = await tx.$count(pathways, and(eq(pathways.holderId, holderId), eq(pathways.source, "goal")));
  const links = await tx.$count(shares, eq(shares.holderId, holderId));
  // CPD profiles and cycles are the holder's content (their slugs and dates would collide); an
  // override needs a credential, so it is counted with them. Reminder settings are a preference,
  // not content: an account whose holder only set them is still empty (docs/decisions/0015).
  const profiles = await tx.$count(cpdProfiles, eq(cpdProfiles.holderId, holderId));
  const cycles = await tx.$count(cpdCycles, eq(cpdCycles.holderId, holderId));
  const overrides = await tx.$count(cpdActivities, eq(cpdActivities.holderId, holderId));
  if (held + cols + goals + links + profiles + cycles + overrides > 0) {
    const what =
      held > 0
        ? `${held.toLocaleString("en")} credential${held === 1 ? "" : "s"}`
        : "collections, goals, share links or CPD profiles and cycles";
    refuse(
      `Your wallet already holds ${what}. A restore only fills an empty wallet, so that nothing you have is mixed up or duplicated; nothing was changed. Restore into a new account, or delete what is here first.`,
    );
  }
}
