import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The islands' first paint, without a browser: labels, names and escaping. Behaviour is covered end to end.
vi.mock("@/app/(wallet)/credentials/actions", () => ({
  saveNoteAction: vi.fn(),
  saveTagsAction: vi.fn(),
  deleteCredentialAction: vi.fn(),
}));
vi.mock("@/app/(wallet)/wallet/collections/actions", () => ({
  createCollectionAction: vi.fn(),
  addToCollectionAction: vi.fn(),
  removeFromCollectionAction: vi.fn(),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

const { NoteEditor } = await import("./note-editor");
const { TagEditor } = await import("./tag-editor");
const { CollectionsPicker } = await import("./collections-picker");
const { DeleteCredential } = await import("./delete-credential");

function render(element: ReactElement): string {
  return renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, element));
}

const ID = "6f1c1f44-8d5e-4a47-9c4b-1c8f0a1b2c3d";

describe("credential page islands", () => {
  it("labels the note and shows its count, escaping what the holder wrote", () => {
    const html = render(createElement(NoteEditor, { credentialId: ID, initialNote: "<script>alert(1)</script>" }));
    expect(html).toMatch(/<label for="([^"]+)"[^>]*>Your note<\/label>[\s\S]*<textarea id="\1"/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("25 of 2,000 characters");
    expect(html).toContain(">Save note</button>");
  });

  it("shows each tag as a link to the filtered wallet with a named remove button", () => {
    const html = render(createElement(TagEditor, { credentialId: ID, initialTags: ["ICU", "<b>x</b> & y"] }));
    expect(html).toContain('href="/wallet?tag=ICU"');
    expect(html).toContain('href="/wallet?tag=%3Cb%3Ex%3C%2Fb%3E%20%26%20y"');
    expect(html).toContain('aria-label="Remove tag ICU"');
    expect(html).toContain('aria-label="Remove tag &lt;b&gt;x&lt;/b&gt; &amp; y"');
    expect(html).toMatch(/>New tag<\/label>/);
    expect(html).toContain(">Add tag</button>");
  });

  it("labels each collection checkbox by its name and ticks the ones holding the credential", () => {
    const html = render(
      createElement(CollectionsPicker, {
        credentialId: ID,
        collections: [
          { id: "a", name: "ICU application" },
          { id: "b", name: "Revalidation" },
        ],
        memberOf: ["b"],
      }),
    );
    expect(html).toMatch(/<label[^>]*><input type="checkbox"[^>]*\/><span[^>]*>ICU application<\/span><\/label>/);
    expect(html).toMatch(/<input type="checkbox"[^>]*checked=""[^>]*\/><span[^>]*>Revalidation<\/span>/);
    expect(html).toMatch(/>New collection name<\/label>/);
    expect(html).toContain(">Create and add</button>");
  });

  it("says what deleting takes with it, before anything is deleted", () => {
    const html = render(
      createElement(DeleteCredential, {
        credentialId: ID,
        title: "BLS <i>2026</i>",
        collectionCount: 2,
        childCount: 3,
      }),
    );
    expect(html).toContain("Delete credential</button>");
    expect(html).toContain(">Delete permanently</button>");
    expect(html).toContain("<li>its place in 2 collections</li>");
    expect(html).toContain("The 3 credentials that came inside it stay in your wallet.");
    expect(html).toContain("BLS &lt;i&gt;2026&lt;/i&gt;");
  });
});
