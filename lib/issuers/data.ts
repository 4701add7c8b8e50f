import "server-only";
import type { Database } from "@/db/client";
import { knownIssuers } from "@/db/schema";
import type { KnownIssuer } from "@/lib/verification/types";

/** The issuer registry: verification says when a credential's issuer is one of these. */
export async function listKnownIssuers(db: Database): Promise<KnownIssuer[]> {
  return db.select({ id: knownIssuers.id, name: knownIssuers.name }).from(knownIssuers);
}
