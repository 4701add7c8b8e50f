import { describe, expect, it } from "vitest";
import { qrCodePath } from "@/lib/shares/qr";
import { qrRunsPath } from "./qr-runs";
import { createPortfolioSchema, portfolioPdfRequestSchema } from "./schemas";
import { printableLine } from "./text";
import { portfolioVerification } from "./verification-text";

function darkCells(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)/g))
    for (let i = 0; i < Number(w); i++) cells.add(`${Number(x) + i},${y}`);
  return cells;
}

describe("printed text", () => {
  it("removes bidi and zero-width characters, keeps brackets and backslashes, collapses whitespace", () => {
    expect(printableLine("  a (b) \\ c\u202Egnp.exe\u200B\u2066x\u2069\n\tnext ", 100)).toBe("a (b) \\ cgnp.exex next");
  });
  it("cuts at a whole character with an ellipsis", () => {
    expect(printableLine("😀".repeat(10), 5)).toBe("😀😀😀😀…");
    expect(printableLine("N".repeat(10_000), 120)).toHaveLength(120);
    expect(printableLine(null, 10)).toBe("");
  });
});

describe("verdict wording", () => {
  it("says verified only for the verdict verified, never for self-reported entries", () => {
    const checked = new Date("2026-11-20T09:00:00Z");
    expect(portfolioVerification("verified", false, checked).line).toBe("Verified, checked 20 Nov 2026");
    expect(portfolioVerification("verified", true, checked).line).toBe("Self-reported, not verified");
    expect(portfolioVerification("unknown", false, checked).line).toBe("Could not fully check, checked 20 Nov 2026");
    expect(portfolioVerification("not-verified", false, checked).label).toBe("Not verified");
    expect(portfolioVerification(null, false, null).line).toBe("Not checked yet");
  });
});

describe("QR runs", () => {
  it("draws exactly the modules of the share page's QR code", () => {
    const url =
      "https://wallet.example.org/v/tsv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/c/0b9c7f3e-5d7a-4a8e-9a51-0c8f6f0e1d2a";
    const runs = qrRunsPath(url);
    const squares = qrCodePath(url);
    expect(runs.size).toBe(squares.size);
    expect(darkCells(runs.path)).toEqual(darkCells(squares.path));
    expect(runs.path.length).toBeLessThan(squares.path.length);
  });
});

describe("portfolio inputs", () => {
  it("defaults to a link that never expires, grouping by pathway on A4, email hidden", () => {
    const parsed = createPortfolioSchema.parse({
      source: "selection",
      credentialIds: ["0b9c7f3e-5d7a-4a8e-9a51-0c8f6f0e1d2a"],
    });
    expect(parsed).toMatchObject({ expiry: "never", layout: { grouping: "pathway", paper: "A4", showEmail: false } });
  });
  it("refuses extra keys, unknown layouts and expiries past a year", () => {
    const id = "0b9c7f3e-5d7a-4a8e-9a51-0c8f6f0e1d2a";
    expect(createPortfolioSchema.safeParse({ source: "selection", credentialIds: [id], holderId: "x" }).success).toBe(
      false,
    );
    expect(
      createPortfolioSchema.safeParse({ source: "selection", credentialIds: [id], layout: { paper: "A3" } }).success,
    ).toBe(false);
    expect(createPortfolioSchema.safeParse({ source: "selection", credentialIds: [id], expiry: 400 }).success).toBe(
      false,
    );
    expect(createPortfolioSchema.safeParse({ source: "profile" }).success).toBe(false);
    expect(portfolioPdfRequestSchema.safeParse({ token: "tsv_x", holderId: "x" }).success).toBe(false);
  });
  it("reads the PDF form's strings", () => {
    expect(
      portfolioPdfRequestSchema.parse({
        token: "tsv_x",
        grouping: "kind",
        paper: "LETTER",
        showEmail: "true",
        name: "",
      }),
    ).toMatchObject({ grouping: "kind", paper: "LETTER", showEmail: true, name: "" });
  });
});
