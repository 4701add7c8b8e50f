import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ShareSummary } from "@/lib/shares/data";
import type { WalletPageView } from "@/lib/wallet/view";

// The first paint of the shares pages, without a browser: names, labels and what is said. Behaviour is covered end to end.
vi.mock("@/app/(wallet)/shares/actions", () => ({
  createShareAction: vi.fn(),
  revokeShareAction: vi.fn(),
  extendShareAction: vi.fn(),
  deleteShareAction: vi.fn(),
  updateShareHeadlineAction: vi.fn(),
  updateShareVisibilityAction: vi.fn(),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

const { ShareForm } = await import("./share-form");
const { ShareCard } = await import("./share-card");
const { ShareCreated } = await import("./share-created");
const { initialShareDraft } = await import("./share-draft");

function render(element: ReactElement): string {
  return renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, element));
}

const NOW = new Date("2026-11-23T10:00:00Z");
const CREDENTIAL = {
  id: "6f1c1f44-8d5e-4a47-9c4b-1c8f0a1b2c3d",
  title: "Basic Life Support <2026>",
  issuerName: "Resus Council",
};
const COLLECTION = { id: "8b3e3a66-0f70-4c69-9e6d-3e0a2c3d4e5f", name: "ICU application", count: 3 };
const PAGE: WalletPageView = {
  items: [
    {
      ...CREDENTIAL,
      kind: "badge",
      issuedAt: null,
      validUntil: "2026-03-03T00:00:00Z",
      hours: null,
      holderHours: null,
      holderEcts: null,
      parentId: null,
      parentTitle: null,
      ects: null,
      selfReported: false,
      hasImage: false,
      verdict: "verified",
      holderTags: [],
    },
  ],
  total: 1,
  page: 1,
  pageSize: 24,
};
const formProps = { collections: [COLLECTION], walletTotal: 1, renderId: NOW.toISOString(), initialPage: PAGE };

const share: ShareSummary = {
  id: "9c4f4b77-1a81-4d7a-8f7e-4f1b3d4e5f60",
  tokenHint: "tsv_Ab3x9Q",
  scope: "collection",
  collection: { id: COLLECTION.id, name: COLLECTION.name },
  headline: "Applying for ICU staff nurse",
  showEmail: false,
  showEvidence: true,
  showNotes: false,
  expiresAt: new Date("2026-12-23T10:00:00Z"),
  revokedAt: null,
  state: "active",
  credentialCount: 3,
  viewCount: 1,
  lastViewedAt: new Date("2026-11-22T09:00:00Z"),
  createdAt: new Date("2026-11-20T09:00:00Z"),
  updatedAt: new Date("2026-11-20T09:00:00Z"),
};

describe("new share link form", () => {
  it("asks what to share as a named radio group, pre-filled from a credential's page", () => {
    const html = render(
      createElement(ShareForm, { ...formProps, initial: initialShareDraft({ credential: CREDENTIAL }) }),
    );
    expect(html).toMatch(
      /<fieldset role="radiogroup" aria-labelledby="([^"]+)"[^>]*><legend id="\1"[^>]*>What to share<\/legend>/,
    );
    for (const label of ["One credential", "A selection", "A collection", "Your whole profile"])
      expect(html).toMatch(new RegExp(`<input type="radio"[^>]*/><span[^>]*>${label}</span></label>`));
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="credential"\/>/);
    expect(html).toContain("Chosen: Basic Life Support &lt;2026&gt;");
    expect(html).toContain("Verified · Expired on 3 March 2026");
    expect(html).not.toContain("<2026>");
  });

  it("labels the headline, the link's expiry (30 days by default) and says it is not the credentials' expiry", () => {
    const html = render(createElement(ShareForm, { ...formProps, initial: initialShareDraft() }));
    expect(html).toMatch(/<label for="share-headline"[^>]*>Headline \(optional\)<\/label>/);
    expect(html).toMatch(/<label for="share-expiry"[^>]*>Link expires after<\/label>/);
    expect(html).toContain("This is when the link stops working — not when your credentials expire.");
    expect(html).toMatch(/<option value="30" selected="">30 days<\/option>/);
    expect(html).toContain('<option value="never">Never (until you revoke it)</option>');
    expect(html).toContain(">Create link</button>");
  });

  it("leaves email, evidence and notes hidden until ticked", () => {
    const html = render(createElement(ShareForm, { ...formProps, initial: initialShareDraft() }));
    for (const label of ["Show my email address", "Show evidence files", "Show my notes"])
      expect(html).toMatch(new RegExp(`<input type="checkbox"(?![^>]*checked)[^>]*/><span>${label}</span>`));
  });

  it("pre-selects the collection from a collection's page, in a select named Collection", () => {
    const html = render(
      createElement(ShareForm, { ...formProps, initial: initialShareDraft({ collectionId: COLLECTION.id }) }),
    );
    expect(html).toMatch(/<label for="share-collection"[^>]*>Collection<\/label>/);
    expect(html).toContain(`<option value="${COLLECTION.id}" selected="">ICU application</option>`);
    expect(html).toContain("3 credentials in it today.");
  });
});

describe("a share card", () => {
  it("is an article named by its heading, with the link's state, views and token hint in words", () => {
    const html = render(createElement(ShareCard, { share, now: NOW }));
    expect(html).toMatch(
      /<article[^>]*aria-labelledby="([^"]+)"[^>]*><div[^>]*><h3 id="\1"[^>]*>Applying for ICU staff nurse<\/h3>/,
    );
    expect(html).toContain("Link expires 23 December 2026");
    expect(html).toContain("Collection “ICU application”: 3 credentials today");
    expect(html).toContain("1 view · Last viewed 22 November 2026");
    expect(html).toContain("Link starting tsv_Ab3x9Q");
    expect(html).toContain(
      "Shows your name, the credentials with their checks and evidence files. Hides your email address and your notes.",
    );
    expect(html).toContain(">Extend</button>");
    expect(html).toContain(">Revoke link</button>");
    expect(html).not.toContain(">Delete link</button>");
    expect(html).not.toContain("Change credentials");
  });

  it("lets the holder change what a selection shows, since its URL cannot be sent again", () => {
    const html = render(
      createElement(ShareCard, { share: { ...share, scope: "selection", collection: null, headline: null }, now: NOW }),
    );
    expect(html).toMatch(/<h3[^>]*>3 credentials<\/h3>/);
    expect(html).toContain(`href="/shares/${share.id}/credentials"`);
  });

  it("offers delete, not revoke, once the link no longer works", () => {
    const expired = render(
      createElement(ShareCard, {
        share: { ...share, state: "expired", expiresAt: new Date("2026-11-01T00:00:00Z") },
        now: NOW,
      }),
    );
    expect(expired).toContain("Link expired on 1 November 2026");
    expect(expired).toContain(">Extend</button>");
    expect(expired).toContain(">Delete link</button>");
    expect(expired).not.toContain(">Revoke link</button>");
    const revoked = render(
      createElement(ShareCard, {
        share: { ...share, state: "revoked", revokedAt: new Date("2026-11-21T00:00:00Z") },
        now: NOW,
      }),
    );
    expect(revoked).toContain("Revoked on 21 November 2026");
    expect(revoked).toContain(">Delete link</button>");
    expect(revoked).not.toContain(">Extend</button>");
    expect(revoked).not.toContain("Change the headline");
  });
});

describe("the created link", () => {
  const url = `http://localhost:3000/v/tsv_${"A".repeat(43)}`;
  const html = render(
    createElement(ShareCreated, {
      url,
      expiresAt: new Date("2026-12-23T10:00:00Z"),
      tokenHint: "tsv_AAAAAA",
      onAnother: () => {},
    }),
  );

  it("shows the URL once, read-only, labelled Share link, with a copy button and the reason to copy it now", () => {
    expect(html).toMatch(
      new RegExp(
        `<label for="share-link-url"[^>]*>Share link</label>[\\s\\S]*<input[^>]*id="share-link-url"[^>]*readOnly=""[^>]*value="${url}"`,
      ),
    );
    expect(html).toContain("Copy link</button>");
    expect(html).toContain(
      "Copy it now: for your security Tessera stores only a fingerprint of it and cannot show it again.",
    );
    expect(html).toContain(
      "The link works until 23 December 2026. That is the link’s own end date, not your credentials’.",
    );
  });

  it("draws the QR code inline, with a name that cannot be mistaken for the link field's label", () => {
    const label = /<svg[^>]*role="img"[^>]*aria-label="([^"]+)"/.exec(html)?.[1];
    expect(label).toBe("QR code of the link");
    expect(label!.toLowerCase()).not.toContain("share link");
    expect(html).toMatch(/<path d="M0 0h1v1h-1z/);
  });

  it("opens the public page in a new tab without passing the wallet as opener or referrer", () => {
    expect(html).toMatch(
      new RegExp(
        `<a href="${url}" target="_blank" rel="noopener noreferrer"[^>]*>Open the page as a recruiter sees it`,
      ),
    );
    expect(html).toContain('href="/shares"');
    expect(html).toContain(">Back to your shares</a>");
  });
});
