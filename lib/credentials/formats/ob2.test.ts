import { describe, expect, it } from "vitest";
import { interpretCredential } from "./index";
import { OB2, resolverOf, token } from "@/testkit/credentials/format-tokens";

const assertion = {
  "@context": OB2,
  type: "Assertion",
  id: "https://badges.example.org/assertions/42",
  recipient: {
    type: "email",
    hashed: true,
    salt: "deadsea",
    identity: "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
  },
  badge: "https://badges.example.org/badges/iv-therapy",
  issuedOn: "2024-02-01T09:00:00Z",
  expires: "2026-02-01T09:00:00Z",
  image: "https://badges.example.org/assertions/42/image.png",
  evidence: [{ id: "_:b0", narrative: "Supervised 20 cannulations" }, "https://badges.example.org/evidence/42"],
  narrative: "Completed during the spring rotation.",
  verification: { type: "hosted" },
  endorsement: ["https://board.example.org/endorsements/1"],
};
const badgeClass = {
  "@context": OB2,
  type: "BadgeClass",
  id: "https://badges.example.org/badges/iv-therapy",
  name: "IV Therapy",
  description: "Safe peripheral IV insertion and care.",
  image: "data:image/png;base64,iVBORw0KGgo=",
  criteria: {
    id: "https://badges.example.org/badges/iv-therapy/criteria",
    narrative: "Pass the practical assessment.",
  },
  issuer: "https://badges.example.org/issuer",
  alignment: [
    { targetName: "administer intravenous medication", targetUrl: "http://data.europa.eu/esco/skill/abc" },
    { targetName: "Venepuncture", targetFramework: "NHS Clinical Skills", targetCode: "CS-12" },
    { targetName: "EQF level 5", targetFramework: "EQF", targetCode: "5" },
  ],
  tags: ["nursing", "IV"],
};
const issuer = {
  "@context": OB2,
  type: "Issuer",
  id: "https://badges.example.org/issuer",
  name: "Riverside Nursing School",
  url: "https://riverside.example.org",
  email: "badges@riverside.example.org",
  revocationList: "https://badges.example.org/revocations",
};
const endorsement = {
  "@context": OB2,
  type: "Endorsement",
  id: "https://board.example.org/endorsements/1",
  issuer: "https://board.example.org/issuer",
  issuedOn: "2024-03-01",
  claim: { id: assertion.id, endorsementComment: "Meets the board's IV standard." },
};
const documents = { [badgeClass.id]: badgeClass, [issuer.id]: issuer, [endorsement.id]: endorsement };

describe("OB 2.0 hosted assertion", () => {
  it("fetches BadgeClass and Issuer through the resolver and normalizes field by field", async () => {
    const resolve = resolverOf(documents);
    const result = await interpretCredential({ kind: "json", value: assertion }, { container: "url", resolve });
    const r = result.record;
    expect(r).toMatchObject({
      format: "ob2",
      formatVersion: "2.0",
      securing: "hosted",
      container: "url",
      formatLabel: "Open Badges 2.0 · Hosted",
    });
    expect(r.title).toBe("IV Therapy");
    expect(r.description).toBe("Safe peripheral IV insertion and care.");
    expect(r.credentialId).toBe(assertion.id);
    expect(r.achievementId).toBe(badgeClass.id);
    expect(r.issuer).toEqual({
      id: issuer.id,
      name: "Riverside Nursing School",
      url: "https://riverside.example.org",
      email: "badges@riverside.example.org",
    });
    expect(r.recipient.identifiers).toEqual([
      { type: "email-sha256", value: assertion.recipient.identity, hashed: true, salt: "deadsea" },
    ]);
    expect(r.dates).toEqual({ issued: "2024-02-01T09:00:00.000Z", validUntil: "2026-02-01T09:00:00.000Z" });
    expect(r.image).toEqual({ origin: "remote-url", url: assertion.image });
    expect(r.criteria).toEqual({
      narrative: "Pass the practical assessment.",
      url: "https://badges.example.org/badges/iv-therapy/criteria",
    });
    expect(r.skills).toEqual([
      { name: "administer intravenous medication", framework: "ESCO", url: "http://data.europa.eu/esco/skill/abc" },
      { name: "Venepuncture", framework: "NHS Clinical Skills", code: "CS-12" },
    ]);
    expect(r.level).toEqual({ eqf: 5, framework: "EQF" });
    expect(r.tags).toEqual(["nursing", "IV"]);
    expect(r.evidence).toEqual([
      { narrative: "Supervised 20 cannulations" },
      { url: "https://badges.example.org/evidence/42" },
      { name: "Narrative", narrative: "Completed during the spring rotation." },
    ]);
    expect(r.endorsements).toEqual([
      {
        issuerId: "https://board.example.org/issuer",
        comment: "Meets the board's IV standard.",
        date: "2024-03-01T00:00:00.000Z",
      },
    ]);
    expect(r.status).toEqual([{ type: "RevocationList", id: "https://badges.example.org/revocations" }]);
    expect(r).toMatchObject({
      kind: "badge",
      kindReason: "Neither a workload nor a credential type says otherwise, so it is shown as a badge.",
    });
    expect(r.euElements).toMatchObject({
      learner: true,
      title: true,
      awardingBody: true,
      dateOfIssue: true,
      learningOutcomes: true,
      level: true,
      country: false,
      workload: false,
    });
    expect(result.payload).toBe(assertion);
    expect(result.signed).toBeUndefined();
    expect(Object.keys(result.linked ?? {})).toEqual([badgeClass.id, issuer.id, endorsement.id]);
    expect(resolve.calls).toEqual([badgeClass.id, issuer.id, endorsement.id]);
    expect(result.children).toEqual([]);
  });

  it("uses an embedded BadgeClass and Issuer without fetching; a plain email recipient stays plain", async () => {
    const value = {
      ...assertion,
      badge: { ...badgeClass, issuer },
      recipient: { type: "email", hashed: false, identity: "amara@example.org" },
      endorsement: undefined,
    };
    const resolve = resolverOf({});
    const { record, linked } = await interpretCredential({ kind: "json", value }, { container: "json", resolve });
    expect(resolve.calls).toEqual([]);
    expect(linked).toBeUndefined();
    expect(record.recipient.identifiers).toEqual([{ type: "email", value: "amara@example.org" }]);
    expect(record.image).toEqual({ origin: "remote-url", url: assertion.image });
  });

  it("a baked file is its own image", async () => {
    const { record } = await interpretCredential(
      { kind: "json", value: assertion },
      { container: "png", resolve: resolverOf(documents) },
    );
    expect(record.image).toEqual({ origin: "baked-file", mediaType: "image/png" });
  });

  it("refuses when the BadgeClass cannot be fetched", async () => {
    await expect(
      interpretCredential({ kind: "json", value: assertion }, { container: "json", resolve: resolverOf({}) }),
    ).rejects.toMatchObject({
      reason: "linked_document_unavailable",
      message: expect.stringContaining("badges.example.org"),
    });
    await expect(interpretCredential({ kind: "json", value: assertion }, { container: "json" })).rejects.toMatchObject({
      reason: "linked_document_unavailable",
    });
  });

  it("refuses an assertion without a badge, and documents that are not assertions", async () => {
    const noBadge = { ...assertion, badge: undefined };
    await expect(interpretCredential({ kind: "json", value: noBadge }, { container: "json" })).rejects.toMatchObject({
      reason: "missing_required_field",
    });
    await expect(interpretCredential({ kind: "json", value: badgeClass }, { container: "json" })).rejects.toMatchObject(
      { reason: "definition_not_award" },
    );
    await expect(
      interpretCredential(
        { kind: "json", value: { ...assertion, "@context": "https://w3id.org/openbadges/invalid" } },
        { container: "json" },
      ),
    ).rejects.toMatchObject({ reason: "unsupported_format" });
    await expect(
      interpretCredential({ kind: "json", value: { ...assertion, type: "OtherAssertion" } }, { container: "json" }),
    ).rejects.toMatchObject({ reason: "unsupported_format" });
  });
});

describe("OB 2.0 signed assertion (compact JWS)", () => {
  it("reads the assertion from the payload and keeps the exact token", async () => {
    const payload = { ...assertion, verification: { type: "signed", creator: "https://badges.example.org/key1" } };
    const jws = token({ alg: "RS256", typ: "JWT" }, payload);
    const result = await interpretCredential(
      { kind: "jws", token: `${jws}\n` },
      { container: "jwt", resolve: resolverOf(documents) },
    );
    expect(result.record).toMatchObject({
      format: "ob2",
      securing: "jws",
      proofType: "RS256",
      container: "jwt",
      title: "IV Therapy",
      formatLabel: "Open Badges 2.0 · Signed (RS256)",
    });
    expect(result.signed).toEqual({ kind: "compact-jws", token: jws });
    expect(result.payload).toEqual(payload);
  });

  it("a 'signed' assertion's JSON without its token has nothing left to verify", async () => {
    const value = { ...assertion, verification: { type: "signed" } };
    const { record } = await interpretCredential(
      { kind: "json", value },
      { container: "json", resolve: resolverOf(documents) },
    );
    expect(record.securing).toBe("none");
  });

  it("refuses alg: none before reading anything else", async () => {
    const jws = token({ alg: "none" }, assertion, "");
    await expect(
      interpretCredential({ kind: "jws", token: jws }, { container: "jwt", resolve: resolverOf(documents) }),
    ).rejects.toMatchObject({
      reason: "jwt_alg_none",
      message: "This token is unsigned (alg: none) and cannot be trusted.",
    });
    await expect(
      interpretCredential({ kind: "jws", token: token({ alg: "NONE" }, assertion) }, { container: "jwt" }),
    ).rejects.toMatchObject({ reason: "jwt_alg_none" });
  });
});
