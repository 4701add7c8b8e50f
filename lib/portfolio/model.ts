import type { CredentialKind } from "@/lib/credentials/record";
import type { PortfolioLayout } from "./schemas";
import type { PortfolioVerification } from "./verification-text";

/** The portfolio as data: what the PDF and the print view both draw, already cleaned and capped. */

export interface PortfolioHeader {
  name: string;
  profession: string | null;
  headline: string | null;
  /** Only when the holder chose to show it. */
  email: string | null;
}

export interface PortfolioSummary {
  total: number;
  byKind: Array<{ kind: CredentialKind; label: string; count: number }>;
  /** Stated plus holder-set; the holder-set part is also given on its own. */
  hours: number;
  ects: number;
  holderSetHours: number;
  holderSetEcts: number;
  /** Titles of the pathways these credentials complete. */
  pathwaysCompleted: string[];
}

export interface PortfolioItem {
  id: string;
  title: string;
  issuerName: string;
  kind: CredentialKind;
  kindLabel: string;
  issuedAt: Date | null;
  validUntil: Date | null;
  expired: boolean;
  hours: number | null;
  ects: number | null;
  /** What the holder set where the credential states none (issue 18). */
  holderSetHours: number | null;
  holderSetEcts: number | null;
  eqfLevel: number | null;
  outcomes: string[];
  skills: string[];
  verification: PortfolioVerification;
  /** The credential's page on the portfolio's share link, where it is checked live. */
  verifyUrl: string;
  linkedInUrl: string;
}

export interface PortfolioGroup {
  title: string;
  /** "Completed" or "In progress, 60%" for a pathway; null for a kind. */
  note: string | null;
  items: PortfolioItem[];
}

export interface Portfolio {
  header: PortfolioHeader;
  summary: PortfolioSummary;
  groups: PortfolioGroup[];
  layout: PortfolioLayout;
  link: { url: string; expiresAt: Date | null };
  /** Credentials on the link beyond what the portfolio lists (PORTFOLIO_CREDENTIALS_MAX). */
  omitted: number;
  generatedAt: Date;
}
