import { describe, expect, it } from "vitest";
import { buildRecord } from "@/lib/credentials/normalize/build";
import { isExpired, nextExpiry, toStackCredential } from "./credential";
import { computeProgress } from "./progress";
import { credential, definition, NOW } from "@/testkit/stacking/builders";

const record = buildRecord({
  format: "ob3",
  formatName: "Open Badges 3.0",
  securing: "data-integrity",
  container: "json",
  titleFallback: "Open Badge",
  title: "Working with Interpreters",
  achievementId: "https://demo-issuer.tessera.test/achievements/working-with-interpreters",
  issuer: { id: "https://demo-issuer.tessera.test/issuer", name: "Tessera Demo Academy of Health Workforce Learning" },
  workload: { hours: 8, ects: 0.3 },
  level: { eqf: 6 },
  skills: [{ name: "work with interpreters", framework: "ESCO", url: "http://data.europa.eu/esco/skill/example" }],
  dates: { issued: "2025-05-01", validUntil: "2028-05-01" },
  related: [
    {
      relation: "part-of",
      targetId: "https://demo-issuer.tessera.test/achievements/refugee-migrant-health",
      title: "Interprofessional Refugee and Migrant Health",
    },
  ],
});

describe("toStackCredential", () => {
  it("keeps what stacking needs from the stored record, stated figures only", () => {
    expect(toStackCredential(record, "cred-1")).toEqual({
      id: "cred-1",
      achievementId: "https://demo-issuer.tessera.test/achievements/working-with-interpreters",
      title: "Working with Interpreters",
      issuerName: "Tessera Demo Academy of Health Workforce Learning",
      issuerId: "https://demo-issuer.tessera.test/issuer",
      hours: 8,
      ects: 0.3,
      eqf: 6,
      skills: [{ name: "work with interpreters", framework: "ESCO", code: "http://data.europa.eu/esco/skill/example" }],
      validUntil: "2028-05-01T00:00:00.000Z",
      related: record.related,
      kind: record.kind,
    });
    expect(toStackCredential(record, "cred-1", { revoked: true }).revoked).toBe(true);
  });

  it("meets the catalog requirement for the same achievement", () => {
    const interpreters = {
      id: "i",
      type: "credential" as const,
      label: "Interpreters",
      match: { achievementId: record.achievementId! },
    };
    expect(
      computeProgress([definition("p", interpreters)], [toStackCredential(record, "cred-1")], { now: NOW })[0]!
        .complete,
    ).toBe(true);
  });
});

describe("expiry", () => {
  it("is expired from validUntil on, and never for a missing or unreadable date", () => {
    expect(isExpired({ validUntil: "2026-03-01T11:59:59Z" }, NOW)).toBe(true);
    expect(isExpired({ validUntil: "2026-03-01T12:00:00Z" }, NOW)).toBe(true);
    expect(isExpired({ validUntil: "2026-03-01T12:00:01Z" }, NOW)).toBe(false);
    expect(isExpired({}, NOW)).toBe(false);
    expect(isExpired({ validUntil: "31/02/2027" }, NOW)).toBe(false);
  });

  it("tells when progress must next be recomputed", () => {
    const wallet = [
      credential("a", { validUntil: "2027-01-01T00:00:00Z" }),
      credential("b", { validUntil: "2026-06-01T00:00:00Z" }),
      credential("c", { validUntil: "2020-01-01" }),
      credential("d"),
    ];
    expect(nextExpiry(wallet, NOW)).toBe("2026-06-01T00:00:00.000Z");
    expect(nextExpiry([credential("d")], NOW)).toBeUndefined();
  });
});
