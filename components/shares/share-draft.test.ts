import { describe, expect, it } from "vitest";
import { SHARE_HEADLINE_MAX_CHARS } from "@/lib/shares/limits";
import { createShareSchema } from "@/lib/shares/schemas";
import { checkShareDraft, initialShareDraft, serverFieldErrors, SHARE_FIELD_IDS, withScope } from "./share-draft";

const A = { id: "6f1c1f44-8d5e-4a47-9c4b-1c8f0a1b2c3d", title: "Basic Life Support", issuerName: "Resus Council" };
const B = { id: "7a2d2f55-9e6f-4b58-8d5c-2d9f1b2c3d4e", title: "ICD-11 module 1", issuerName: "WHO Academy" };
const COLLECTION = "8b3e3a66-0f70-4c69-9e6d-3e0a2c3d4e5f";

describe("new share draft", () => {
  it("starts private: 30 days, nothing extra shown, and pre-filled from the page's query", () => {
    expect(initialShareDraft()).toMatchObject({
      scope: "credential",
      credential: null,
      expiry: "30",
      showEmail: false,
      showEvidence: false,
      showNotes: false,
    });
    expect(initialShareDraft({ credential: A })).toMatchObject({ scope: "credential", credential: A, selection: [A] });
    expect(initialShareDraft({ collectionId: COLLECTION })).toMatchObject({
      scope: "collection",
      collectionId: COLLECTION,
    });
  });

  it("carries the chosen credential between one and a selection", () => {
    const one = { ...initialShareDraft(), credential: A };
    expect(withScope(one, "selection").selection).toEqual([A]);
    const many = { ...initialShareDraft(), scope: "selection" as const, selection: [B] };
    expect(withScope(many, "credential").credential).toEqual(B);
    expect(withScope({ ...many, selection: [A, B] }, "credential").credential).toBeNull();
  });

  it("asks for what each scope needs, on the field that needs it", () => {
    expect(checkShareDraft(initialShareDraft())).toEqual({
      ok: false,
      errors: { [SHARE_FIELD_IDS.credential]: "Choose the credential to share." },
    });
    expect(checkShareDraft({ ...initialShareDraft(), scope: "selection" })).toEqual({
      ok: false,
      errors: { [SHARE_FIELD_IDS.selection]: "Choose at least one credential." },
    });
    expect(checkShareDraft({ ...initialShareDraft(), scope: "collection" })).toEqual({
      ok: false,
      errors: { [SHARE_FIELD_IDS.collection]: "Choose the collection to share." },
    });
    const long = checkShareDraft({
      ...initialShareDraft(),
      scope: "profile",
      headline: "x".repeat(SHARE_HEADLINE_MAX_CHARS + 1),
      expiry: "forever",
    });
    expect(long.ok ? null : Object.keys(long.errors)).toEqual([SHARE_FIELD_IDS.headline, SHARE_FIELD_IDS.expiry]);
  });

  it("builds input the server's schema accepts, for every scope", () => {
    const drafts = [
      {
        ...initialShareDraft({ credential: A }),
        headline: "  Applying for   ICU \u202E ",
        expiry: "never",
        showEvidence: true,
      },
      { ...initialShareDraft(), scope: "selection" as const, selection: [A, B], expiry: "365" },
      { ...initialShareDraft({ collectionId: COLLECTION }), showEmail: true },
      { ...initialShareDraft(), scope: "profile" as const, showNotes: true },
    ];
    const inputs = drafts.map((draft) => {
      const checked = checkShareDraft(draft);
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      expect(createShareSchema.safeParse(checked.input).success).toBe(true);
      return checked.input;
    });
    expect(inputs[0]).toEqual({
      scope: "credential",
      credentialId: A.id,
      headline: "Applying for ICU",
      expiry: "never",
      showEmail: false,
      showEvidence: true,
      showNotes: false,
    });
    expect(inputs[1]).toMatchObject({ scope: "selection", credentialIds: [A.id, B.id], expiry: 365 });
    expect(inputs[2]).toMatchObject({ scope: "collection", collectionId: COLLECTION, expiry: 30, showEmail: true });
    expect(inputs[3]).not.toHaveProperty("headline");
  });

  it("places the server's field messages on the form's fields", () => {
    expect(serverFieldErrors({ headline: ["Too long"], credentialId: ["Gone"] }, "credential")).toEqual({
      [SHARE_FIELD_IDS.headline]: "Too long",
      [SHARE_FIELD_IDS.credential]: "Gone",
    });
    expect(serverFieldErrors({ credentialIds: ["Gone"], holderId: ["nope"] }, "selection")).toEqual({
      [SHARE_FIELD_IDS.selection]: "Gone",
    });
    expect(serverFieldErrors(undefined, "profile")).toEqual({});
  });
});
