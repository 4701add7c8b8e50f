/** What a restore brought back, counted for the holder. */
export interface RestoreSummary {
  credentials: number;
  originals: number;
  evidence: number;
  images: number;
  collections: number;
  goals: number;
  follows: number;
  /** Followed catalog pathways this Tessera does not have (another instance's catalog). */
  followsSkipped: number;
  shares: number;
  /** The holder's own CPD profiles, cycles and per-credential overrides. */
  cpdProfiles: number;
  cpdCycles: number;
  cpdActivities: number;
  /**
   * "restored": the archive's reminder settings were written; "kept": this account already had
   * its own, which a restore does not overwrite; "none": the archive has none (defaults apply).
   */
  reminderSettings: "restored" | "kept" | "none";
  identities: IdentitiesRestored;
}

/** What became of the archive's identities (lib/wallet-archive/restore-identities.ts). */
export interface IdentitiesRestored {
  /** Addresses a confirmation link was sent to: they count once the holder opens it. */
  emailsSent: string[];
  /** Addresses another Tessera account has: skipped, never said whose. */
  emailsAnother: number;
  /** Addresses no link could be sent to now (a limit, the mail server): add them in Settings. */
  emailsNotSent: string[];
  /** Wallet DIDs restored with their keys (an export under a passphrase). */
  dids: number;
  /** DIDs another account has: skipped. */
  didsAnother: number;
  /** DIDs listed without keys (an export without passphrase): not restored, nothing proves them the holder's. */
  didsWithoutKey: number;
}

export const NO_IDENTITIES: IdentitiesRestored = {
  emailsSent: [],
  emailsAnother: 0,
  emailsNotSent: [],
  dids: 0,
  didsAnother: 0,
  didsWithoutKey: 0,
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** One sentence for the holder (UI and CLI): what came back, and what did not. */
export function describeRestore(summary: RestoreSummary): string {
  const parts = [
    plural(summary.credentials, "credential"),
    plural(summary.collections, "collection"),
    plural(summary.goals, "goal"),
    plural(summary.shares, "share link setting"),
  ];
  if (summary.follows > 0) parts.push(plural(summary.follows, "followed pathway"));
  if (summary.cpdProfiles > 0) parts.push(plural(summary.cpdProfiles, "CPD profile"));
  if (summary.cpdCycles > 0) parts.push(plural(summary.cpdCycles, "CPD cycle"));
  if (summary.cpdActivities > 0) parts.push(plural(summary.cpdActivities, "CPD activity setting"));
  let text = `Restored ${parts.join(", ")}, with ${plural(summary.originals, "original file")}${summary.evidence > 0 ? ` and ${plural(summary.evidence, "evidence file")}` : ""}.`;
  if (summary.shares > 0) text += " Old share links do not carry over: create a new link from Shares to send one.";
  if (summary.followsSkipped > 0)
    text += ` ${plural(summary.followsSkipped, "followed pathway is", "followed pathways are")} not offered by this Tessera and ${summary.followsSkipped === 1 ? "was" : "were"} skipped.`;
  if (summary.reminderSettings === "kept")
    text += " Your reminder settings in this account were kept; the archive's were not applied.";
  return text + describeIdentities(summary.identities);
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

function describeIdentities(restored: IdentitiesRestored): string {
  let text = "";
  if (restored.dids > 0)
    text += ` Restored ${plural(restored.dids, "wallet DID")} with ${restored.dids === 1 ? "its key" : "their keys"}.`;
  if (restored.didsWithoutKey > 0)
    text += ` ${plural(restored.didsWithoutKey, "wallet DID was", "wallet DIDs were")} not restored: the export had no passphrase, so it carried no keys, and without the key nothing shows a DID is yours. Credentials issued to ${restored.didsWithoutKey === 1 ? "it" : "them"} show as issued to someone else here; export again with a passphrase to bring ${restored.didsWithoutKey === 1 ? "it" : "them"}.`;
  if (restored.didsAnother > 0)
    text += ` ${plural(restored.didsAnother, "wallet DID belongs", "wallet DIDs belong")} to another Tessera account and ${restored.didsAnother === 1 ? "was" : "were"} not restored.`;
  if (restored.emailsSent.length > 0)
    text += ` A confirmation link was sent to ${list(restored.emailsSent)}: ${restored.emailsSent.length === 1 ? "the address counts" : "each address counts"} as yours once you open its link.`;
  if (restored.emailsAnother > 0)
    text += ` ${plural(restored.emailsAnother, "address", "addresses")} from the archive ${restored.emailsAnother === 1 ? "belongs" : "belong"} to another Tessera account and ${restored.emailsAnother === 1 ? "was" : "were"} not added.`;
  if (restored.emailsNotSent.length > 0)
    text += ` No confirmation link could be sent to ${list(restored.emailsNotSent)} now; add ${restored.emailsNotSent.length === 1 ? "it" : "them"} in Settings later.`;
  return text;
}
