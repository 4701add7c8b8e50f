import { describe, expect, it } from "vitest";
import { durationToHours } from "./duration";
import { eqfLevel, isEqfFramework } from "./eqf";
import { isLanguageMap, pickText } from "./language";
import { typologyFromHours } from "./typology";

describe("pickText (language maps)", () => {
  it("prefers English, then the first language given", () => {
    expect(pickText({ fr: "Couture", en: "Sewing" })).toBe("Sewing");
    expect(pickText({ "en-GB": "Nursing", de: "Pflege" })).toBe("Nursing");
    expect(pickText({ nl: "Verpleegkunde", de: "Pflege" })).toBe("Verpleegkunde");
  });

  it("reads JSON-LD value objects and lists of them", () => {
    expect(
      pickText([
        { "@value": "Chien", "@language": "fr" },
        { "@value": "Dog", "@language": "en" },
      ]),
    ).toBe("Dog");
    expect(pickText({ "@value": "Hund" })).toBe("Hund");
  });

  it("does not mistake a node for a language map", () => {
    expect(isLanguageMap({ id: "urn:x", type: "Concept" })).toBe(false);
    expect(pickText({ id: "urn:x", type: "Concept" })).toBeUndefined();
    expect(pickText({ id: "Keperawatan" })).toBe("Keperawatan"); // "id" is also Indonesian
  });
});

describe("durationToHours", () => {
  it.each([
    ["PT60H", 60],
    ["PT1H30M", 1.5],
    ["PT90M", 1.5],
    ["PT1.5H", 1.5],
    ["pt45h", 45],
  ])("%s is %d hours", (value, hours) => {
    expect(durationToHours(value)).toBe(hours);
  });

  it("does not turn calendar spans into effort", () => {
    expect(durationToHours("P60M")).toBeUndefined(); // sixty months, as an ELM sample really says
    expect(durationToHours("P2D")).toBeUndefined();
    expect(durationToHours("P1DT2H")).toBeUndefined();
    expect(durationToHours("PT")).toBeUndefined();
    expect(durationToHours("60 hours")).toBeUndefined();
  });
});

describe("eqfLevel", () => {
  it("reads URIs, codes and labels", () => {
    expect(eqfLevel("http://data.europa.eu/snb/eqf/6")).toBe(6);
    expect(eqfLevel("4")).toBe(4);
    expect(eqfLevel(undefined, "EQF level 5")).toBe(5);
    expect(eqfLevel("Level 7")).toBe(7);
    expect(eqfLevel(8)).toBe(8);
  });

  it("refuses anything outside 1–8", () => {
    expect(eqfLevel("9")).toBeUndefined();
    expect(eqfLevel("http://data.europa.eu/snb/eqf/25831c2")).toBeUndefined();
    expect(eqfLevel("RQF Level 6 and more")).toBeUndefined();
  });

  it("recognises EQF framework names", () => {
    expect(isEqfFramework("European Qualifications Framework")).toBe(true);
    expect(isEqfFramework("EQF")).toBe(true);
    expect(isEqfFramework("ESCO")).toBe(false);
  });
});

describe("typologyFromHours", () => {
  it.each([
    [0.5, undefined],
    [1, "skill-credential"],
    [8, "skill-credential"],
    [24.99, "skill-credential"],
    [25, "module"],
    [149, "module"],
    [150, "short-programme"],
    [1500, "short-programme"],
    [1501, undefined],
    [undefined, undefined],
  ])("%s h → %s", (hours, typology) => {
    expect(typologyFromHours(hours)).toBe(typology);
  });
});
