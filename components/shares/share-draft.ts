/**
 * The new-link form's rules in the browser, so each field says what is wrong before anything is
 * sent. They mirror createShareSchema (lib/shares/schemas.ts), which stays the rule that counts:
 * what the server still refuses is shown as it words it.
 */
import type { ShareScope } from "@/lib/shares/data";
import { DEFAULT_SHARE_DAYS } from "@/lib/shares/expiry";
import { SHARE_CREDENTIALS_MAX, SHARE_HEADLINE_MAX_CHARS } from "@/lib/shares/limits";
import { isLocale } from "@/lib/i18n/locales";
import type { CreateShareInput } from "@/lib/shares/schemas";
import { cleanLabel } from "@/lib/wallet/text-rules";
import { parseExpiryOption } from "./share-text";

export interface ChosenCredential {
  id: string;
  title: string;
  issuerName: string;
}

export const SCOPE_CHOICES: ReadonlyArray<{ value: ShareScope; label: string; hint: string }> = [
  { value: "credential", label: "One credential", hint: "A single credential with its verification checks." },
  { value: "selection", label: "A selection", hint: "The credentials you tick below." },
  {
    value: "collection",
    label: "A collection",
    hint: "Follows the collection: credentials you add to it later appear too.",
  },
  {
    value: "profile",
    label: "Your whole profile",
    hint: "Every credential in your wallet, including any you add later.",
  },
];

export interface ShareDraft {
  scope: ShareScope;
  /** For "One credential". */
  credential: ChosenCredential | null;
  /** For "A selection". */
  selection: ChosenCredential[];
  collectionId: string;
  headline: string;
  /** The expiry select's value: a number of days, or "never". */
  expiry: string;
  showEmail: boolean;
  showEvidence: boolean;
  showNotes: boolean;
  /** The page's language (a locale), or "" for each reader's own. */
  locale: string;
}

/** Field id → message, in the order the fields appear (the first one takes the focus). */
export type ShareDraftErrors = Partial<Record<(typeof SHARE_FIELD_IDS)[keyof typeof SHARE_FIELD_IDS], string>>;

export const SHARE_FIELD_IDS = {
  credential: "share-credential-search",
  selection: "share-selection-search",
  collection: "share-collection",
  headline: "share-headline",
  expiry: "share-expiry",
} as const;

/** The form's first state; ?credential= or ?collection= on the page pre-fills it. */
export function initialShareDraft({
  credential,
  collectionId,
}: { credential?: ChosenCredential | null; collectionId?: string | null } = {}): ShareDraft {
  return {
    scope: credential ? "credential" : collectionId ? "collection" : "credential",
    credential: credential ?? null,
    selection: credential ? [credential] : [],
    collectionId: collectionId ?? "",
    headline: "",
    expiry: String(DEFAULT_SHARE_DAYS),
    showEmail: false,
    showEvidence: false,
    showNotes: false,
    locale: "",
  };
}

/** Moving between "One credential" and "A selection" keeps what was chosen where it fits. */
export function withScope(draft: ShareDraft, scope: ShareScope): ShareDraft {
  if (scope === "selection" && draft.selection.length === 0 && draft.credential)
    return { ...draft, scope, selection: [draft.credential] };
  if (scope === "credential" && !draft.credential && draft.selection.length === 1)
    return { ...draft, scope, credential: draft.selection[0]! };
  return { ...draft, scope };
}

export function checkShareDraft(
  draft: ShareDraft,
): { ok: true; input: CreateShareInput } | { ok: false; errors: ShareDraftErrors } {
  const errors: ShareDraftErrors = {};
  if (draft.scope === "credential" && !draft.credential)
    errors[SHARE_FIELD_IDS.credential] = "Choose the credential to share.";
  if (draft.scope === "selection") {
    if (draft.selection.length === 0) errors[SHARE_FIELD_IDS.selection] = "Choose at least one credential.";
    else if (draft.selection.length > SHARE_CREDENTIALS_MAX)
      errors[SHARE_FIELD_IDS.selection] =
        `A link can name up to ${SHARE_CREDENTIALS_MAX} credentials; remove ${draft.selection.length - SHARE_CREDENTIALS_MAX}.`;
  }
  if (draft.scope === "collection" && !draft.collectionId)
    errors[SHARE_FIELD_IDS.collection] = "Choose the collection to share.";
  const headline = cleanLabel(draft.headline);
  if (headline.length > SHARE_HEADLINE_MAX_CHARS)
    errors[SHARE_FIELD_IDS.headline] = `Keep the headline under ${SHARE_HEADLINE_MAX_CHARS} characters.`;
  const expiry = parseExpiryOption(draft.expiry);
  if (expiry === null) errors[SHARE_FIELD_IDS.expiry] = "Choose how long the link works.";
  if (Object.keys(errors).length > 0 || expiry === null) return { ok: false, errors };

  const common = {
    ...(headline !== "" ? { headline } : {}),
    expiry,
    showEmail: draft.showEmail,
    showEvidence: draft.showEvidence,
    showNotes: draft.showNotes,
    ...(isLocale(draft.locale) ? { locale: draft.locale } : {}),
  };
  switch (draft.scope) {
    case "credential":
      return { ok: true, input: { scope: "credential", credentialId: draft.credential!.id, ...common } };
    case "selection":
      return { ok: true, input: { scope: "selection", credentialIds: draft.selection.map((c) => c.id), ...common } };
    case "collection":
      return { ok: true, input: { scope: "collection", collectionId: draft.collectionId, ...common } };
    case "profile":
      return { ok: true, input: { scope: "profile", ...common } };
  }
}

const SERVER_FIELDS: Record<string, keyof ShareDraftErrors> = {
  credentialId: SHARE_FIELD_IDS.credential,
  credentialIds: SHARE_FIELD_IDS.selection,
  collectionId: SHARE_FIELD_IDS.collection,
  headline: SHARE_FIELD_IDS.headline,
  expiry: SHARE_FIELD_IDS.expiry,
};

/** The server's field messages placed on the form's fields; what fits no field stays in the summary. */
export function serverFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
  scope: ShareScope,
): ShareDraftErrors {
  const errors: ShareDraftErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    let id = SERVER_FIELDS[key];
    if (id === SHARE_FIELD_IDS.credential && scope === "selection") id = SHARE_FIELD_IDS.selection;
    if (id && messages[0]) errors[id] = messages[0];
  }
  return errors;
}
