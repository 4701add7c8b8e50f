import type { ChosenCredential } from "@/components/shares/share-draft";
import type { CreatePortfolioInput } from "@/lib/portfolio/schemas";

/** The portfolio form's state and the checks the browser makes before asking the server. */
export interface PortfolioDraft {
  source: "selection" | "collection";
  selection: ChosenCredential[];
  collectionId: string;
  grouping: "pathway" | "kind";
  paper: "A4" | "LETTER";
  name: string;
  profession: string;
  headline: string;
  showEmail: boolean;
  /** "never" or a number of days, as the select's value. */
  expiry: string;
}

export const PORTFOLIO_FIELD_IDS = {
  selection: "portfolio-credentials",
  collection: "share-collection",
} as const;

export function initialPortfolioDraft(): PortfolioDraft {
  return {
    source: "selection",
    selection: [],
    collectionId: "",
    grouping: "pathway",
    paper: "A4",
    name: "",
    profession: "",
    headline: "",
    showEmail: false,
    expiry: "never",
  };
}

/** What the layout part of the form sends to the PDF route and the print view. */
export function layoutFields(draft: PortfolioDraft): Record<string, string> {
  return {
    grouping: draft.grouping,
    paper: draft.paper,
    name: draft.name,
    profession: draft.profession,
    headline: draft.headline,
    showEmail: draft.showEmail ? "true" : "false",
  };
}

export function checkPortfolioDraft(
  draft: PortfolioDraft,
): { ok: true; input: CreatePortfolioInput } | { ok: false; field: string; message: string } {
  const layout = {
    grouping: draft.grouping,
    paper: draft.paper,
    name: draft.name,
    profession: draft.profession,
    headline: draft.headline,
    showEmail: draft.showEmail,
  };
  const expiry = draft.expiry === "never" ? "never" : Number(draft.expiry);
  if (draft.source === "selection") {
    if (draft.selection.length === 0)
      return {
        ok: false,
        field: PORTFOLIO_FIELD_IDS.selection,
        message: "Choose at least one credential for the portfolio.",
      };
    return {
      ok: true,
      input: { source: "selection", credentialIds: draft.selection.map((c) => c.id), expiry, layout },
    };
  }
  if (!draft.collectionId) return { ok: false, field: PORTFOLIO_FIELD_IDS.collection, message: "Choose a collection." };
  return { ok: true, input: { source: "collection", collectionId: draft.collectionId, expiry, layout } };
}
