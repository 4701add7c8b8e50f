import { describe, expect, it } from "vitest";
import { buildRecord } from "./build";
import type { RecordDraft } from "./draft";
import { mandatoryCount } from "./eu-elements";

const base: RecordDraft = {
  format: "ob3",
  formatVersion: "3.0",
  formatName: "Open Badges 3.0",
  securing: "none",
  container: "json",
  titleFallback: "Open Badge",
  issuer: { id: "https://hospital.example/issuer", name: "St Mary's Hospital" },
};

describe("buildRecord", () => {
  it("falls back to a generic title, and does not count it as the EU 'title' element", () => {
    const record = buildRecord({ ...base, title: " \u202E \u200B " });
    expect(record.title).toBe("Open Badge");
    expect(record.euElements.title).toBe(false);
  });

  it("names an unnamed issuer by its web host, and does not count that as an awarding body", () => {
    const record = buildRecord({ ...base, title: "CPR", issuer: { id: "https://training.example.org/issuers/1" } });
    expect(record.issuer).toEqual({ id: "https://training.example.org/issuers/1", name: "training.example.org" });
    expect(record.euElements.awardingBody).toBe(false);
    expect(buildRecord({ ...base, issuer: {} }).issuer.name).toBe("Issuer not named");
  });

  it("cleans every text field, drops unsafe links and empty entries", () => {
    const record = buildRecord({
      ...base,
      title: "  Basic\nLife   Support ",
      description: "Line one\r\n\r\n\r\nLine two",
      criteria: { narrative: "  ", url: "javascript:alert(1)" },
      evidence: [{ url: "file:///etc/passwd" }, { name: " Video ", url: "https://evidence.example/v.mp4" }],
      skills: [
        { name: "CPR", framework: "ESCO", url: "http://data.europa.eu/esco/skill/x" },
        { name: "  " },
        { name: "cpr", framework: "ESCO", url: "http://data.europa.eu/esco/skill/x" },
      ],
      tags: ["ICU", "icu", " "],
    });
    expect(record.title).toBe("Basic Life Support");
    expect(record.description).toBe("Line one\n\nLine two");
    expect(record.criteria).toBeUndefined();
    expect(record.evidence).toEqual([{ name: "Video", url: "https://evidence.example/v.mp4" }]);
    expect(record.skills).toEqual([{ name: "CPR", framework: "ESCO", url: "http://data.europa.eu/esco/skill/x" }]);
    expect(record.tags).toEqual(["ICU"]);
  });

  it("normalizes dates, derives typology from hours only, and labels the format", () => {
    const record = buildRecord({
      ...base,
      title: "Wound care",
      dates: { issued: "2024-03-01", validUntil: "not a date" },
      workload: { hours: 40, ects: 2 },
      securing: "data-integrity",
      proofType: "eddsa-rdfc-2022",
    });
    expect(record.dates).toEqual({ issued: "2024-03-01T00:00:00.000Z", validUntil: "not a date" });
    expect(record.typology).toBe("module");
    expect(buildRecord({ ...base, workload: { ects: 2 } }).typology).toBeUndefined(); // ECTS are never converted
    expect(record.formatLabel).toBe("Open Badges 3.0 · Data Integrity (eddsa-rdfc-2022)");
  });

  it("computes EU elements and lets all 11 mandatory ones lift the kind to micro-credential", () => {
    const complete: RecordDraft = {
      ...base,
      title: "Sepsis recognition",
      issuer: { id: "urn:org:1", name: "Nursing Academy", country: "IE" },
      recipient: { name: "Amara Okafor", identifiers: [] },
      dates: { validFrom: "2024-01-01" },
      skills: [{ name: "recognise sepsis", framework: "ESCO" }],
      workload: { hours: 10 },
      level: { eqf: 5 },
      assessment: { type: "Written exam", grade: "Pass" },
      participation: "Online",
      qualityAssurance: ["Accredited by the Nursing Board"],
    };
    const record = buildRecord(complete);
    expect(mandatoryCount(record.euElements)).toEqual({ present: 11, total: 11 });
    expect(record.euElements).toMatchObject({
      grade: true,
      prerequisites: false,
      identityVerification: false,
      stackability: false,
    });
    expect(record.kind).toBe("micro-credential");
    expect(record.kindReason).toMatch(/all 11 mandatory elements/);
    const missingQa = buildRecord({ ...complete, qualityAssurance: [] });
    expect(mandatoryCount(missingQa.euElements)).toEqual({ present: 10, total: 11 });
    expect(missingQa.kind).toBe("badge"); // 10 hours, and not every mandatory element
  });

  it("treats listed parts as the structure rule", () => {
    const record = buildRecord({
      ...base,
      title: "Critical care pathway",
      related: [{ relation: "has-part", targetId: "urn:uuid:a" }],
    });
    expect(record.kind).toBe("nano-degree");
    expect(record.euElements.stackability).toBe(true);
  });
});
