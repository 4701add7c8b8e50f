import { describe, expect, it } from "vitest";
import { SHARE_EXPIRY_CHOICES } from "@/lib/shares/expiry";
import {
  credentialStatusLine,
  expiryOptionValue,
  linkStatus,
  parseExpiryOption,
  scopeLine,
  shareProblem,
  shareTitle,
  tokenHintLine,
  viewsLine,
  visibilityLine,
  worksUntilLine,
} from "./share-text";

const NOW = new Date("2026-11-23T10:00:00Z");
const base = {
  scope: "profile" as const,
  collection: null,
  headline: null,
  showEmail: false,
  showEvidence: false,
  showNotes: false,
  expiresAt: new Date("2026-12-23T10:00:00Z"),
  revokedAt: null,
  state: "active" as const,
  credentialCount: 12,
  viewCount: 0,
  lastViewedAt: null,
};

describe("share card text", () => {
  it("names a link by its headline, else by what it shows", () => {
    expect(shareTitle({ ...base, headline: "Applying for ICU staff nurse" })).toBe("Applying for ICU staff nurse");
    expect(shareTitle(base)).toBe("Whole profile");
    expect(shareTitle({ ...base, scope: "collection", collection: { id: "c", name: "ICU application" } })).toBe(
      "Collection: ICU application",
    );
    expect(shareTitle({ ...base, scope: "collection" })).toBe("A deleted collection");
    expect(shareTitle({ ...base, scope: "credential", credentialCount: 1 })).toBe("One credential");
    expect(shareTitle({ ...base, scope: "selection", credentialCount: 3 })).toBe("3 credentials");
  });

  it("says what the link names and that collections and profiles follow the wallet", () => {
    expect(scopeLine(base)).toBe("Your whole profile: 12 credentials today, and any you add later");
    expect(
      scopeLine({ ...base, scope: "collection", collection: { id: "c", name: "ICU application" }, credentialCount: 1 }),
    ).toBe("Collection “ICU application”: 1 credential today, and any you add to it later");
    expect(scopeLine({ ...base, scope: "selection", credentialCount: 3 })).toBe("A selection of 3 credentials");
    expect(scopeLine({ ...base, scope: "credential", credentialCount: 1 })).toBe("One credential");
  });

  it("says when a working link shows nothing, so it never dies silently", () => {
    expect(shareProblem(base)).toBeNull();
    expect(shareProblem({ ...base, scope: "collection" })).toMatch(/collection was deleted/);
    expect(
      shareProblem({ ...base, scope: "collection", collection: { id: "c", name: "x" }, credentialCount: 0 }),
    ).toMatch(/collection is empty/);
    expect(shareProblem({ ...base, scope: "selection", credentialCount: 0 })).toMatch(/were deleted from your wallet/);
    expect(shareProblem({ ...base, scope: "selection", credentialCount: 0, state: "revoked" })).toBeNull();
  });

  it("words the link's own expiry as the link's, never the credentials'", () => {
    expect(linkStatus(base, NOW)).toEqual({ tone: "active", text: "Link expires 23 December 2026" });
    expect(linkStatus({ ...base, expiresAt: new Date("2026-11-26T10:00:00Z") }, NOW)).toEqual({
      tone: "soon",
      text: "Link expires 26 November 2026 (in 3 days)",
    });
    expect(linkStatus({ ...base, expiresAt: new Date("2026-11-23T20:00:00Z") }, NOW).text).toBe(
      "Link expires 23 November 2026 (within a day)",
    );
    expect(linkStatus({ ...base, expiresAt: null }, NOW)).toEqual({ tone: "never", text: "Link never expires" });
    expect(linkStatus({ ...base, state: "expired", expiresAt: new Date("2026-11-01T00:00:00Z") }, NOW)).toEqual({
      tone: "expired",
      text: "Link expired on 1 November 2026",
    });
    expect(linkStatus({ ...base, state: "revoked", revokedAt: new Date("2026-11-20T00:00:00Z") }, NOW)).toEqual({
      tone: "revoked",
      text: "Revoked on 20 November 2026",
    });
    expect(worksUntilLine(new Date("2026-12-23T10:00:00Z"))).toBe(
      "The link works until 23 December 2026. That is the link’s own end date, not your credentials’.",
    );
    expect(worksUntilLine(null)).toBe("The link works until you revoke it.");
  });

  it("counts views without saying who viewed", () => {
    expect(viewsLine(base)).toBe("No views yet");
    expect(viewsLine({ viewCount: 1, lastViewedAt: new Date("2026-11-22T09:00:00Z") })).toBe(
      "1 view · Last viewed 22 November 2026",
    );
    expect(viewsLine({ viewCount: 1234, lastViewedAt: new Date("2026-11-22T09:00:00Z") })).toBe(
      "1,234 views · Last viewed 22 November 2026",
    );
  });

  it("says what the page shows and what it hides", () => {
    expect(visibilityLine(base)).toBe(
      "Shows your name and the credentials with their checks. Hides your email address, evidence files and your notes.",
    );
    expect(visibilityLine({ ...base, showEvidence: true })).toBe(
      "Shows your name, the credentials with their checks and evidence files. Hides your email address and your notes.",
    );
    expect(visibilityLine({ showEmail: true, showEvidence: true, showNotes: true })).toBe(
      "Shows your name, the credentials with their checks, your email address, evidence files and your notes.",
    );
  });

  it("shows only the token's hint", () => {
    expect(tokenHintLine("tsv_Ab3x9Q")).toBe("Link starting tsv_Ab3x9Q");
  });

  it("round-trips every expiry choice through the select's string value", () => {
    for (const choice of SHARE_EXPIRY_CHOICES)
      expect(parseExpiryOption(expiryOptionValue(choice.value))).toBe(choice.value);
    for (const bad of ["", "forever", "1.5", "-1", "1e3"]) expect(parseExpiryOption(bad)).toBeNull();
  });

  it("shows a credential's verdict and its own expiry in the picker, without hiding it", () => {
    expect(credentialStatusLine({ selfReported: false, verdict: "verified", validUntil: null }, NOW)).toBe("Verified");
    expect(
      credentialStatusLine({ selfReported: false, verdict: "not-verified", validUntil: "2027-01-01T00:00:00Z" }, NOW),
    ).toBe("Not verified");
    expect(credentialStatusLine({ selfReported: false, verdict: null, validUntil: "2026-03-03T00:00:00Z" }, NOW)).toBe(
      "Not checked yet · Expired on 3 March 2026",
    );
    expect(credentialStatusLine({ selfReported: true, verdict: null, validUntil: null }, NOW)).toBe("Self-reported");
  });
});
