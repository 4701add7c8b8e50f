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
}

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
  return text;
}
