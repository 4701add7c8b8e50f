/**
 * The wallet's "First steps" (issue 18): what a newcomer does first to get the most from Tessera.
 * Each step is ticked from the holder's own data, never from a click on the checklist. Pure.
 */
export const FIRST_STEPS = [
  {
    key: "add-credential",
    label: "Add a credential",
    hint: "A badge, micro-credential or certificate: Tessera checks it and keeps the original.",
    href: "/import",
  },
  {
    key: "confirm-addresses",
    label: "Confirm your other email addresses",
    hint: "Credentials issued to a work or college address then show they are yours.",
    href: "/settings",
  },
  {
    key: "follow-pathway",
    label: "Follow a pathway",
    hint: "See how your credentials stack toward a qualification, and what is next.",
    href: "/pathways",
  },
  {
    key: "start-cycle",
    label: "Start your regulator's renewal cycle",
    hint: "Your credentials count toward your CPD hours as you add them.",
    href: "/renewal",
  },
  {
    key: "share-link",
    label: "Share a link",
    hint: "A recruiter opens it without an account and sees every check run again.",
    href: "/shares/new",
  },
] as const;

export type FirstStepKey = (typeof FIRST_STEPS)[number]["key"];

export interface FirstStepCounts {
  credentials: number;
  confirmedAddresses: number;
  followedPathways: number;
  cycles: number;
  shares: number;
}

export interface FirstStep {
  key: FirstStepKey;
  label: string;
  hint: string;
  href: string;
  done: boolean;
}

const DONE: Record<FirstStepKey, (counts: FirstStepCounts) => boolean> = {
  "add-credential": (c) => c.credentials > 0,
  "confirm-addresses": (c) => c.confirmedAddresses > 0,
  "follow-pathway": (c) => c.followedPathways > 0,
  "start-cycle": (c) => c.cycles > 0,
  "share-link": (c) => c.shares > 0,
};

export function firstSteps(counts: FirstStepCounts): FirstStep[] {
  return FIRST_STEPS.map((step) => ({ ...step, done: DONE[step.key](counts) }));
}

/** Shown until every step is done or the holder puts it away. */
export function showFirstSteps(steps: readonly FirstStep[], dismissed: boolean): boolean {
  return !dismissed && steps.some((step) => !step.done);
}
