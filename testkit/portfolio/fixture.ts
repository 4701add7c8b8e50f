import type { Portfolio, PortfolioItem } from "@/lib/portfolio/model";
import { linkedInAddToProfileUrl } from "@/lib/portfolio/linkedin";
import { portfolioVerification } from "@/lib/portfolio/verification-text";

/** Test helper: a portfolio model without a database, for the PDF and print-view tests. */
export const FIXTURE_ORIGIN = "http://localhost:3000";
export const FIXTURE_TOKEN = "tsv_TESTtokenTESTtokenTESTtokenTESTtokenTESTtok";

export function fixtureItem(n: number, overrides: Partial<PortfolioItem> = {}): PortfolioItem {
  const id = `0b9c7f3e-5d7a-4a8e-9a51-${String(n).padStart(12, "0")}`;
  const verifyUrl = `${FIXTURE_ORIGIN}/v/${FIXTURE_TOKEN}/c/${id}`;
  const item: PortfolioItem = {
    id,
    title: `Advanced Life Support ${n}`,
    issuerName: "Resuscitation Council",
    kind: "micro-credential",
    kindLabel: "Micro-credential",
    issuedAt: new Date("2026-03-14T00:00:00Z"),
    validUntil: new Date("2028-03-14T00:00:00Z"),
    expired: false,
    hours: 12,
    ects: 1,
    holderSetHours: null,
    holderSetEcts: null,
    eqfLevel: 5,
    outcomes: ["Lead a resuscitation team", "Recognise the deteriorating patient"],
    skills: ["CPR", "Defibrillation"],
    verification: portfolioVerification("verified", false, new Date("2026-11-20T09:00:00Z")),
    verifyUrl,
    linkedInUrl: "",
    ...overrides,
  };
  return {
    ...item,
    linkedInUrl: linkedInAddToProfileUrl({
      name: item.title,
      organizationName: item.issuerName,
      issuedAt: item.issuedAt,
      validUntil: item.validUntil,
      certUrl: item.verifyUrl,
    }),
  };
}

export function fixturePortfolio(items: PortfolioItem[], overrides: Partial<Portfolio> = {}): Portfolio {
  return {
    header: {
      name: "Amara Okafor",
      profession: "Registered nurse",
      headline: "Applying for ICU staff nurse",
      email: null,
    },
    summary: {
      total: items.length,
      byKind: [{ kind: "micro-credential", label: "Micro-credential", count: items.length }],
      hours: 12 * items.length,
      ects: items.length,
      holderSetHours: 0,
      holderSetEcts: 0,
      pathwaysCompleted: [],
    },
    groups: [{ title: "Micro-credential", note: null, items }],
    layout: { grouping: "kind", paper: "A4", showEmail: false },
    link: { url: `${FIXTURE_ORIGIN}/v/${FIXTURE_TOKEN}`, expiresAt: null },
    omitted: 0,
    generatedAt: new Date("2026-12-01T10:00:00Z"),
    ...overrides,
  };
}
