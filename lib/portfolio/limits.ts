/** Limits of the portfolio PDF and print view (issue 8). */

/** A portfolio lists at most this many credentials; the share page behind it shows the rest. */
export const PORTFOLIO_CREDENTIALS_MAX = 150;
/** Key learning outcomes and skills printed per credential: a CV line, not the whole record. */
export const OUTCOMES_PER_CREDENTIAL = 3;
export const SKILLS_PER_CREDENTIAL = 8;

/** Caps on printed text, in characters: a 10,000-character title must not fill pages (docs/threat-model.md G1). */
export const TEXT_CAPS = {
  name: 120,
  profession: 120,
  headline: 200,
  title: 200,
  issuer: 160,
  outcome: 200,
  skill: 60,
  pathway: 160,
} as const;

/** PDF downloads per holder per minute: each one renders every page on the server. */
export const PDF_DOWNLOADS_PER_MINUTE = 10;
