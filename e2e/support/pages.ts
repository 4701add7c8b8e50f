/** Every page of the foundation, with the heading that shows it rendered. */
export interface PageUnderTest {
  path: string;
  heading: string;
  status?: number;
}

export const PUBLIC_PAGES: PageUnderTest[] = [
  { path: "/", heading: "Every credential you have earned, in one wallet you own." },
  { path: "/sign-in", heading: "Sign in to Tessera" },
  { path: "/sign-in?error=Verification", heading: "Sign in to Tessera" },
  { path: "/check-email?email=nurse%40example.org", heading: "Check your email" },
  { path: "/sign-in/confirm", heading: "This sign-in link is not valid" },
  { path: `/sign-in/confirm?token=${"0".repeat(64)}&email=nurse%40example.org`, heading: "Sign in to Tessera" },
  { path: "/sign-in/error?error=Verification", heading: "We could not sign you in" },
  { path: "/account-deleted", heading: "Your account was deleted" },
  { path: "/no-such-page", heading: "Page not found", status: 404 },
];

export const WALLET_PAGES: PageUnderTest[] = [
  { path: "/wallet", heading: "Your wallet" },
  { path: "/wallet/collections", heading: "Collections" },
  { path: "/pathways", heading: "Pathways" },
  { path: "/renewal", heading: "CPD and renewal" },
  { path: "/shares", heading: "Shares" },
  { path: "/portfolio", heading: "Portfolio" },
  { path: "/settings", heading: "Settings" },
];

/** Chromium logs every 404 document load as a console error; only the 404 pages may cause it. */
export const NOT_FOUND_CONSOLE_ERROR = /Failed to load resource: the server responded with a status of 404/;
