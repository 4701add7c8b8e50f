import { describe, expect, it } from "vitest";
import { interpretCredential } from "./index";
import { OB3, VC2, token } from "@/testkit/credentials/format-tokens";

const CLR = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
const school = { id: "https://college.example/issuer", type: ["Profile"], name: "Riverside College" };

function badge(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    "@context": [VC2, OB3],
    id: `urn:uuid:cred-${id}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: school,
    validFrom: "2023-06-01T00:00:00Z",
    credentialSubject: {
      id: "did:example:learner",
      type: ["AchievementSubject"],
      achievement: { id: `urn:uuid:ach-${id}`, type: ["Achievement"], name, ...extra },
    },
  };
}

const program = badge("program", "Nurse Assistant Program", { achievementType: "Achievement" });
const course = badge("course", "Human Anatomy", { achievementType: "Course" });
const clr = {
  "@context": [VC2, CLR, OB3],
  id: "urn:uuid:clr-1",
  type: ["VerifiableCredential", "ClrCredential"],
  issuer: school,
  validFrom: "2023-07-01T00:00:00Z",
  name: "Nurse Assistant Transcript",
  credentialSubject: {
    id: "did:example:learner",
    type: ["ClrSubject"],
    verifiableCredential: [program, token({ alg: "RS256", typ: "JWT" }, { vc: course, iss: school.id })],
    achievement: [{ id: "urn:uuid:ach-program", type: ["Achievement"], name: "Nurse Assistant Program" }],
    association: [
      {
        type: "Association",
        associationType: "isParentOf",
        sourceId: "urn:uuid:ach-program",
        targetId: "urn:uuid:ach-course",
      },
      {
        type: "Association",
        associationType: "precedes",
        sourceId: "urn:uuid:ach-course",
        targetId: "urn:uuid:ach-exam",
      },
    ],
  },
  proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofValue: "z" },
};

describe("CLR 2.0", () => {
  it("is one record (kind by the structure rule) with every contained credential interpreted as a child", async () => {
    const result = await interpretCredential({ kind: "json", value: clr }, { container: "json" });
    expect(result.record).toMatchObject({
      format: "clr2",
      formatVersion: "2.0",
      securing: "data-integrity",
      proofType: "eddsa-rdfc-2022",
      title: "Nurse Assistant Transcript",
      kind: "nano-degree",
      kindReason:
        "A Comprehensive Learner Record brings several achievements together, so it is shown as a nano-degree or certificate.",
    });
    expect(result.record.issuer).toEqual({ id: school.id, name: "Riverside College" });
    expect(result.record.recipient.identifiers).toEqual([{ type: "did", value: "did:example:learner" }]);
    expect(result.record.related).toEqual([
      { relation: "has-part", targetId: "urn:uuid:ach-program", title: "Nurse Assistant Program" },
      { relation: "has-part", targetId: "urn:uuid:ach-course", title: "Human Anatomy" },
    ]);
    const [first, second] = result.children;
    expect(first!.record).toMatchObject({
      format: "ob3",
      securing: "none",
      container: "json",
      title: "Nurse Assistant Program",
    });
    expect(second!.record).toMatchObject({
      format: "ob3",
      securing: "vc-jwt",
      proofType: "RS256",
      container: "jwt",
      title: "Human Anatomy",
    });
    expect(second!.signed?.kind).toBe("compact-jws");
  });

  it("maps association[] onto the children, both ends, and lets it count for stackability", async () => {
    const { children } = await interpretCredential({ kind: "json", value: clr }, { container: "json" });
    expect(children[0]!.record.related).toEqual([
      { relation: "parent-of", targetId: "urn:uuid:ach-course", title: "Human Anatomy" },
    ]);
    expect(children[1]!.record.related).toEqual([
      { relation: "child-of", targetId: "urn:uuid:ach-program", title: "Nurse Assistant Program" },
      { relation: "precedes", targetId: "urn:uuid:ach-exam" },
    ]);
    expect(children[1]!.record.euElements.stackability).toBe(true);
    expect(children[1]!.record.kind).toBe("micro-credential"); // Course floor; "child-of" is not "has parts"
  });

  it("an isPartOf association gives the whole a has-part link, which makes it a nano-degree", async () => {
    const value = {
      ...clr,
      credentialSubject: {
        ...clr.credentialSubject,
        association: [
          {
            type: "Association",
            associationType: "isPartOf",
            sourceId: "urn:uuid:ach-course",
            targetId: "urn:uuid:ach-program",
          },
        ],
      },
    };
    const { children } = await interpretCredential({ kind: "json", value }, { container: "json" });
    expect(children[0]!.record.related).toEqual([
      { relation: "has-part", targetId: "urn:uuid:ach-course", title: "Human Anatomy" },
    ]);
    expect(children[0]!.record.kind).toBe("nano-degree");
    expect(children[1]!.record.related).toEqual([
      { relation: "part-of", targetId: "urn:uuid:ach-program", title: "Nurse Assistant Program" },
    ]);
  });

  it("reports an unreadable child and keeps the others", async () => {
    const value = {
      ...clr,
      credentialSubject: {
        ...clr.credentialSubject,
        verifiableCredential: [program, token({ alg: "none" }, { vc: course }, "")],
      },
    };
    const result = await interpretCredential({ kind: "json", value }, { container: "json" });
    expect(result.children).toHaveLength(1);
    expect(result.skipped).toEqual([
      { index: 1, reason: "jwt_alg_none", message: "This token is unsigned (alg: none) and cannot be trusted." },
    ]);
  });

  it("shows the CLR's own image, and none when it has none", async () => {
    const image = "https://college.example/transcripts/image.png";
    const withImage = await interpretCredential(
      { kind: "json", value: { ...clr, image: { id: image, type: "Image" } } },
      { container: "json" },
    );
    expect(withImage.record.image).toEqual({ origin: "remote-url", url: image });
    expect(
      (await interpretCredential({ kind: "json", value: clr }, { container: "json" })).record.image,
    ).toBeUndefined();
  });

  it("reads a CLR delivered as a VC-JWT", async () => {
    const jws = token(
      { alg: "RS256" },
      {
        vc: { ...clr, "@context": ["https://www.w3.org/2018/credentials/v1", CLR], proof: undefined },
        iss: school.id,
        nbf: 1262304000,
      },
    );
    const result = await interpretCredential({ kind: "jws", token: jws }, { container: "jwt" });
    expect(result.record).toMatchObject({
      format: "clr2",
      securing: "vc-jwt",
      formatLabel: "CLR 2.0 (VC 1.1) · VC-JWT (RS256)",
    });
    expect(result.children).toHaveLength(2);
  });
});
