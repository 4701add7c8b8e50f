/** What a share page can show besides the holder's name and the credentials: each hidden unless ticked (docs/product-notes.md request 12). */
export type VisibilityKey = "showEmail" | "showEvidence" | "showNotes";
export type Visibility = Record<VisibilityKey, boolean>;

export const VISIBILITY_CHOICES: ReadonlyArray<{ key: VisibilityKey; label: string; short: string; hint: string }> = [
  {
    key: "showEmail",
    label: "Show my email address",
    short: "your email address",
    hint: "Lets a recruiter contact you. While it is hidden, a credential file that names your email is not offered for download.",
  },
  {
    key: "showEvidence",
    label: "Show evidence files",
    short: "evidence files",
    hint: "Files you attached, such as a logbook or a certificate scan.",
  },
  { key: "showNotes", label: "Show my notes", short: "your notes", hint: "The notes you wrote on each credential." },
];
