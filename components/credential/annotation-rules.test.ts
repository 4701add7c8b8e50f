import { describe, expect, it } from "vitest";
import { NOTE_MAX_CHARS, TAGS_PER_CREDENTIAL_MAX } from "@/lib/wallet/limits";
import { addTag, cleanNote, noteCountText, noteProblem } from "./annotation-rules";

describe("note rules in the browser", () => {
  it("cleans a note as the server does and counts what the holder typed", () => {
    expect(cleanNote("  For the ICU post\r\n<script>x</script>\u202E ")).toBe("For the ICU post\n<script>x</script>");
    expect(noteCountText("abc")).toBe("3 of 2,000 characters");
    expect(noteCountText("x".repeat(NOTE_MAX_CHARS + 12))).toBe("12 characters too many");
  });

  it("refuses a note past the limit, but not trailing spaces the server trims", () => {
    expect(noteProblem("x".repeat(NOTE_MAX_CHARS))).toBeNull();
    expect(noteProblem(`${"x".repeat(NOTE_MAX_CHARS)}   `)).toBeNull();
    expect(noteProblem("x".repeat(NOTE_MAX_CHARS + 1))).toMatch(/under 2,000 characters \(1 too many\)/);
  });
});

describe("addTag", () => {
  it("adds a cleaned tag", () => {
    expect(addTag(["ICU"], "  Mandatory   training ")).toEqual({
      ok: true,
      tags: ["ICU", "Mandatory training"],
      tag: "Mandatory training",
    });
  });

  it("refuses empty, too long, duplicate (whatever the case) and one tag too many", () => {
    expect(addTag([], "   ")).toMatchObject({ ok: false, message: "Type a tag first." });
    expect(addTag([], "y".repeat(41))).toMatchObject({ ok: false, message: "Keep each tag under 40 characters." });
    expect(addTag(["ICU"], "icu")).toMatchObject({ ok: false, message: expect.stringMatching(/already tagged/) });
    const full = Array.from({ length: TAGS_PER_CREDENTIAL_MAX }, (_, i) => `t${i}`);
    expect(addTag(full, "one more")).toMatchObject({ ok: false, message: expect.stringMatching(/up to 20 tags/) });
  });
});
