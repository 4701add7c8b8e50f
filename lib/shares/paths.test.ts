import { describe, expect, it } from "vitest";
import { isSharePath, sharedCredentialPath, shareTokenFromPath } from "./paths";

describe("share paths", () => {
  it("finds the token in every /v path and nothing else", () => {
    expect(shareTokenFromPath("/v/tsv_abc")).toEqual({ token: "tsv_abc", rest: "" });
    expect(shareTokenFromPath(sharedCredentialPath("tsv_abc", "id-1"))).toEqual({ token: "tsv_abc", rest: "/c/id-1" });
    expect(shareTokenFromPath("/v")).toBeNull();
    expect(shareTokenFromPath("/v/")).toBeNull();
    expect(shareTokenFromPath("/verify")).toBeNull();
    expect(isSharePath("/v")).toBe(true);
    expect(isSharePath("/v/x/presentation.json")).toBe(true);
    expect(isSharePath("/verify")).toBe(false);
    expect(isSharePath("/wallet")).toBe(false);
  });
});
