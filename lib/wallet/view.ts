import type { CredentialKind } from "@/lib/credentials/record";

/**
 * A wallet card as it crosses to the browser (dates as ISO strings): the same shape whether it
 * was rendered on the server or fetched by the live search island.
 */
export interface WalletCardView {
  id: string;
  title: string;
  issuerName: string;
  kind: CredentialKind;
  issuedAt: string | null;
  validUntil: string | null;
  hours: number | null;
  ects: number | null;
  holderHours: number | null;
  holderEcts: number | null;
  selfReported: boolean;
  hasImage: boolean;
  verdict: "verified" | "not-verified" | "unknown" | null;
  holderTags: string[];
  parentId: string | null;
  parentTitle: string | null;
  parts?: WalletCardView[];
}

export interface WalletPageView {
  items: WalletCardView[];
  total: number;
  page: number;
  pageSize: number;
}

type WithDates = Omit<WalletCardView, "issuedAt" | "validUntil" | "parts"> & {
  issuedAt: Date | null;
  validUntil: Date | null;
  parts?: WithDates[];
};

function toCardView({ parts, ...item }: WithDates): WalletCardView {
  return {
    ...item,
    issuedAt: item.issuedAt?.toISOString() ?? null,
    validUntil: item.validUntil?.toISOString() ?? null,
    ...(parts ? { parts: parts.map(toCardView) } : {}),
  };
}

export function toWalletPageView(page: {
  items: WithDates[];
  total: number;
  page: number;
  pageSize: number;
}): WalletPageView {
  return {
    ...page,
    items: page.items.map(toCardView),
  };
}
