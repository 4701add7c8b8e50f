import type { Database } from "./client";
import { holderEmails } from "./schema";

/** The student address Amara used at university: confirmed in the demo, so what was issued to it is hers. */
export const DEMO_UNIVERSITY_ADDRESS = "amara.okafor@students.rivermouth-university.test";
/** Her hospital address, not added yet: a badge issued to it offers "Add this address". */
export const DEMO_UNCONFIRMED_ADDRESS = "amara.okafor@northbridge-hospitals.test";

/** Confirms her university address, as if she had followed the confirmation link in Settings. */
export async function seedDemoAddresses(db: Database, holderId: string): Promise<void> {
  await db
    .insert(holderEmails)
    .values({ holderId, email: DEMO_UNIVERSITY_ADDRESS, confirmedAt: new Date("2026-01-20T10:00:00Z") })
    .onConflictDoNothing();
}
