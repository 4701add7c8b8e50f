import { buildRecord } from "../normalize/build";
import type { RecordDraft } from "../normalize/draft";
import type { NormalizedCredential } from "../record";
import type { Env } from "./types";

/**
 * Every interpreter ends here. Inside a CLR, the CLR's `association[]` links are handed down in
 * `env.associations` (keyed by achievement id) and joined to the draft before the record is
 * built, so they count for the kind rules (a child that has parts) and the EU stackability element.
 */
export function finish(draft: RecordDraft, env: Env): NormalizedCredential {
  const linked =
    env.associations?.get(draft.achievementId ?? "") ?? env.associations?.get(draft.credentialId ?? "") ?? [];
  return buildRecord(linked.length > 0 ? { ...draft, related: [...(draft.related ?? []), ...linked] } : draft);
}
