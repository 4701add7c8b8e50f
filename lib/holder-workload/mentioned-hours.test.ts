import { describe, expect, it } from "vitest";
import type { NormalizedCredential } from "@/lib/credentials/record";
import { testInterpretedCredential } from "@/testkit/wallet/test-credentials";
import { findMentionedHours, mentionedHoursOf } from "./mentioned-hours";

const hoursIn = (...texts: string[]) => findMentionedHours(texts)?.hours ?? null;

describe("hours a credential's text mentions", () => {
  it("finds the notional workload the way issuers write it", () => {
    expect(findMentionedHours(["Notional workload: 30 hours (1 ECTS)"])).toEqual({ hours: 30, quote: "30 hours" });
    expect(hoursIn("Complete this 12-hour course on sepsis.")).toBe(12);
    expect(hoursIn("A 30 hour CPD programme")).toBe(30);
    expect(hoursIn("Study time 7.5 hrs")).toBe(7.5);
    expect(hoursIn("Duration: 1 hour")).toBe(1);
    expect(hoursIn("CPD: 90 minutes of e-learning")).toBe(1.5);
    expect(hoursIn("Approx. 2,5 hours of reading")).toBe(2.5);
  });

  it("takes the lower end of a range, a cautious claim", () => {
    expect(findMentionedHours(["Workload: 20–25 hours"])).toEqual({ hours: 20, quote: "20–25 hours" });
    expect(hoursIn("between 10 to 12 hours of study")).toBe(10);
  });

  it("reads German, French, Spanish and Ukrainian", () => {
    expect(hoursIn("Arbeitsaufwand: 30 Stunden")).toBe(30);
    expect(hoursIn("Charge de travail : 25 heures")).toBe(25);
    expect(hoursIn("Carga de trabajo: 40 horas")).toBe(40);
    expect(hoursIn("Обсяг: 30 годин")).toBe(30);
  });

  it("does not mistake clock time for learning", () => {
    expect(hoursIn("Nurses provide care 24 hours a day, 7 days a week.")).toBeNull();
    expect(hoursIn("Report incidents within 48 hours.")).toBeNull();
    expect(hoursIn("Observations every 4 hours.")).toBeNull();
    expect(hoursIn("Works on a 24-hour care unit.")).toBeNull();
    expect(hoursIn("8 hours per shift")).toBeNull();
    expect(hoursIn("Support is available 24/7 hours")).toBeNull();
    expect(hoursIn("Assessed 72 hours after the session")).toBeNull();
    expect(hoursIn("Fluids held for the first 6 hours")).toBeNull();
  });

  it("finds nothing in text without hours, or with impossible figures", () => {
    expect(hoursIn("Recognises sepsis and escalates care.")).toBeNull();
    expect(hoursIn("Logged 9000 hours of practice")).toBeNull();
    expect(hoursIn("0 hours")).toBeNull();
    expect(hoursIn("thirty hours")).toBeNull();
  });

  it("prefers the figure named as workload, and gives up when figures disagree", () => {
    expect(hoursIn("Notional workload: 30 hours.", "Includes a 2 hours simulation.")).toBe(30);
    expect(hoursIn("Part one takes 10 hours.", "Part two takes 20 hours.")).toBeNull();
    expect(hoursIn("30 hours of learning.", "Total 30 hours.")).toBe(30);
    expect(hoursIn("Notional workload: 30 hours.", "Learning time 12 hours.")).toBeNull();
  });

  it("offers nothing when the credential states its hours in its data", () => {
    const base = testInterpretedCredential({ title: "Sepsis", description: "Notional workload: 30 hours" }).record;
    expect(mentionedHoursOf(base)).toEqual({ hours: 30, quote: "30 hours" });
    const stated: NormalizedCredential = { ...base, workload: { hours: 6 } };
    expect(mentionedHoursOf(stated)).toBeNull();
    const inCriteria: NormalizedCredential = {
      ...base,
      description: undefined,
      criteria: { narrative: "A 4-hour workshop" },
    };
    expect(mentionedHoursOf(inCriteria)?.hours).toBe(4);
  });
});
