import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { badgeArtwork, badgePng, certificateScan, initialsOf, strokedText } from "./artwork";

describe("generated badge artwork", () => {
  it("takes up to three initials of the significant words, accents and punctuation dropped", () => {
    expect(initialsOf("Safe Medication Administration")).toBe("SMA");
    expect(initialsOf("Care of the Mechanically Ventilated Patient")).toBe("CMV");
    expect(initialsOf("Infection Prevention and Control in Critical Care")).toBe("IPC");
    expect(initialsOf("Évaluation clinique")).toBe("EC");
    expect(initialsOf("ICD-11 Clinical Coding")).toBe("I1C");
    expect(initialsOf("—")).toBe("?");
  });

  it("is the same picture for the same title and a different one for another title", () => {
    const a = badgeArtwork("Sepsis Recognition and Escalation");
    expect(badgeArtwork("Sepsis Recognition and Escalation")).toEqual(a);
    const b = badgeArtwork("SBAR Clinical Handover");
    expect(b.svg).not.toBe(a.svg);
    expect([b.colour, b.shape, b.initials]).not.toEqual([a.colour, a.shape, a.initials]);
    expect(a.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>$/);
    expect(a.svg).not.toContain("<text"); // stroked letters: no font needed to render it
  });

  it("gives every letter and digit strokes, and nothing for other characters", () => {
    for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") expect(strokedText(char, 0, 0, 6)).toMatch(/^M/);
    expect(strokedText("-", 0, 0, 6)).toBe("");
  });

  it("renders a square PNG of the requested size, and a certificate photo", async () => {
    const png = await badgePng("Safe Medication Administration", 128);
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 128, height: 128 });
    const stats = await sharp(png).stats();
    expect(stats.isOpaque).toBe(false); // the shape sits on a transparent square
    const scan = await certificateScan(["Certificate", "Amara Okafor"]);
    expect(await sharp(scan).metadata()).toMatchObject({ format: "png", width: 800, height: 560 });
  });
});
