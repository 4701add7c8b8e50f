import type { NormalizedCredential } from "@/lib/credentials/record";

/**
 * The record as a shared page may show it: the recipient keeps only the name the credential
 * states (identifiers such as emails, hashes or national ids are dropped), and evidence is
 * dropped when the share hides it.
 */
export function publicRecord(
  record: NormalizedCredential,
  { showEvidence }: { showEvidence: boolean },
): NormalizedCredential {
  return {
    ...record,
    recipient: { ...(record.recipient?.name ? { name: record.recipient.name } : {}), identifiers: [] },
    evidence: showEvidence ? (record.evidence ?? []) : [],
  };
}
