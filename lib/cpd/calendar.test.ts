import { describe, expect, it } from "vitest";
import { renewalCalendar } from "./calendar";

const NOW = new Date("2026-12-06T10:00:00Z");
const APP = "https://wallet.example.org";

/** Unfolds RFC 5545 continuation lines, so a test reads each property whole. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
const count = (ics: string, line: string) => ics.split("\r\n").filter((l) => l === line).length;

describe("renewal calendar", () => {
  it("has one all-day event per expiry and cycle end, each with alarms 90, 30 and 7 days before", () => {
    const ics = unfold(
      renewalCalendar({
        credentials: [
          {
            id: "c1",
            title: "Basic Life Support",
            issuerName: "Resuscitation Council",
            validUntil: new Date("2027-03-14T23:30:00Z"),
          },
        ],
        cycles: [{ id: "y1", profileName: "NMC revalidation", endsOn: "2028-07-31" }],
        appUrl: APP,
        now: NOW,
      }),
    );
    expect(count(ics, "BEGIN:VEVENT")).toBe(2);
    expect(ics).toContain("DTSTART;VALUE=DATE:20270314");
    expect(ics).toContain("DTSTART;VALUE=DATE:20280731");
    expect(ics).toContain("SUMMARY:Basic Life Support expires");
    expect(ics).toContain("SUMMARY:NMC revalidation: cycle ends");
    expect(ics).toContain("UID:credential-c1@wallet.example.org");
    expect(ics).toContain("UID:cpd-cycle-y1@wallet.example.org");
    expect(ics).toContain(`URL;VALUE=URI:${APP}/credentials/c1`);
    for (const trigger of ["TRIGGER:-P90D", "TRIGGER:-P30D", "TRIGGER:-P7D"]) expect(count(ics, trigger)).toBe(2);
  });

  it("keeps imported text inside its property: no injected events, properties or alarms", () => {
    const hostile = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected; a, b\\ c";
    const ics = renewalCalendar({
      credentials: [
        {
          id: "c2",
          title: hostile,
          issuerName: "Issuer\nATTACH:file:///etc/passwd",
          validUntil: new Date("2027-01-01T00:00:00Z"),
        },
      ],
      cycles: [],
      appUrl: APP,
      now: NOW,
    });
    expect(count(ics, "BEGIN:VEVENT")).toBe(1);
    expect(count(ics, "END:VEVENT")).toBe(1);
    expect(ics.split("\r\n").some((line) => line.startsWith("SUMMARY:Injected"))).toBe(false);
    expect(ics.split("\r\n").some((line) => line.startsWith("ATTACH"))).toBe(false);
    expect(unfold(ics)).toContain("Injected\\; a\\, b\\\\ c");
  });

  it("is an empty calendar when nothing expires", () => {
    const ics = renewalCalendar({ credentials: [], cycles: [], appUrl: APP, now: NOW });
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).not.toContain("BEGIN:VEVENT");
  });
});
