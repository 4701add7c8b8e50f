import { describe, expect, it } from "vitest";
import { interpretCredential } from "./index";
import { resolverOf, token } from "@/testkit/credentials/format-tokens";

describe("OB 1.0 assertion (no @context)", () => {
  const instance = {
    uid: "abc123",
    recipient: { identity: "sha256$0123abcd", hashed: true, salt: "pepper", type: "email" },
    badge: "http://school.example/badgeclass",
    issuedOn: 1430352000,
    expires: "2030-04-30",
    evidence: "http://school.example/evidence/1",
    verify: { type: "hosted", url: "http://school.example/instance/abc123" },
  };
  const documents = {
    "http://school.example/badgeclass": {
      name: "Hand Hygiene",
      description: "Basic as it gets. v1.0",
      image: "http://school.example/badge.png",
      criteria: "http://school.example/criteria",
      issuer: "http://school.example/issuer",
      alignment: [{ name: "Infection control", url: "http://standards.example/ic", description: "IC standard" }],
      tags: ["infection"],
    },
    "http://school.example/issuer": {
      name: "School of Nursing",
      url: "http://school.example",
      email: "info@school.example",
    },
  };

  it("upgrades to the OB 2.0 shape: verify.url is the id, Unix timestamps are dates, badge and issuer are fetched", async () => {
    const result = await interpretCredential(
      { kind: "json", value: instance },
      { container: "json", resolve: resolverOf(documents) },
    );
    const r = result.record;
    expect(r).toMatchObject({
      format: "ob2",
      formatVersion: "1.0",
      securing: "hosted",
      formatLabel: "Open Badges 1.0 (legacy) · Hosted",
      title: "Hand Hygiene",
    });
    expect(r.credentialId).toBe("http://school.example/instance/abc123");
    expect(r.issuer).toEqual({ name: "School of Nursing", url: "http://school.example", email: "info@school.example" });
    expect(r.recipient.identifiers).toEqual([
      { type: "email-sha256", value: "sha256$0123abcd", hashed: true, salt: "pepper" },
    ]);
    expect(r.dates).toEqual({ issued: "2015-04-30T00:00:00.000Z", validUntil: "2030-04-30T00:00:00.000Z" });
    expect(r.skills).toEqual([{ name: "Infection control", url: "http://standards.example/ic" }]);
    expect(r.criteria).toEqual({ url: "http://school.example/criteria" });
    expect(r.evidence).toEqual([{ url: "http://school.example/evidence/1" }]);
    expect(Object.keys(result.linked ?? {})).toHaveLength(2);
  });

  it("refuses an instance with no badge, and a 1.0 BadgeClass or Issuer given on its own", async () => {
    const noBadge = { ...instance, badge: undefined };
    await expect(interpretCredential({ kind: "json", value: noBadge }, { container: "json" })).rejects.toMatchObject({
      reason: "missing_required_field",
    });
    await expect(
      interpretCredential(
        { kind: "json", value: documents["http://school.example/badgeclass"] },
        { container: "json" },
      ),
    ).rejects.toMatchObject({ reason: "definition_not_award" });
    await expect(
      interpretCredential({ kind: "json", value: documents["http://school.example/issuer"] }, { container: "json" }),
    ).rejects.toMatchObject({ reason: "definition_not_award" });
  });

  it("reads a signed 1.0 assertion from a JWS", async () => {
    const jws = token(
      { alg: "RS256" },
      { ...instance, verify: { type: "signed", url: "http://school.example/public.pem" } },
    );
    const result = await interpretCredential(
      { kind: "jws", token: jws },
      { container: "jwt", resolve: resolverOf(documents) },
    );
    expect(result.record).toMatchObject({ format: "ob2", formatVersion: "1.0", securing: "jws", proofType: "RS256" });
    expect(result.signed).toEqual({ kind: "compact-jws", token: jws });
  });
});

describe("OB 0.5 assertion", () => {
  it("reads the bare-string recipient, issued_on and the embedded badge with its issuer origin", async () => {
    const value = {
      recipient: "sha256$deadbeef",
      salt: "s4lt",
      badge: {
        version: "0.5.0",
        name: "Basic McBadge",
        image: "http://old.example/images/1",
        description: "A basic badge.",
        criteria: "http://old.example/criteria/1",
        issuer: { origin: "http://old.example", name: "Basic Issuer", contact: "badges@old.example" },
      },
      issued_on: "2011-12-31",
    };
    const { record } = await interpretCredential({ kind: "json", value }, { container: "json" });
    expect(record).toMatchObject({
      format: "ob2",
      formatVersion: "0.5",
      securing: "none",
      title: "Basic McBadge",
      description: "A basic badge.",
    });
    expect(record.issuer).toEqual({ name: "Basic Issuer", url: "http://old.example", email: "badges@old.example" });
    expect(record.recipient.identifiers).toEqual([
      { type: "email-sha256", value: "sha256$deadbeef", hashed: true, salt: "s4lt" },
    ]);
    expect(record.dates.issued).toBe("2011-12-31T00:00:00.000Z");
  });
});
