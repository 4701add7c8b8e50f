import { createHash } from "node:crypto";
import { base64url } from "jose";
import { describe, expect, it } from "vitest";
import { interpretCredential } from "./index";
import { OB3, VC1, VC2, token } from "@/testkit/credentials/format-tokens";

const alumni = {
  "@context": [VC2, "https://www.w3.org/ns/credentials/examples/v2"],
  id: "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
  type: ["VerifiableCredential", "AlumniCredential"],
  name: [
    { "@value": "Diplôme d'ancien élève", "@language": "fr" },
    { "@value": "Alumni Credential", "@language": "en" },
  ],
  description: "A minimum viable example.",
  issuer: "https://vc.example/issuers/5678",
  validFrom: "2023-01-01T00:00:00Z",
  credentialSubject: { id: "did:example:abcdefgh", alumniOf: "The School of Examples" },
  credentialStatus: {
    id: "https://vc.example/status/3#94567",
    type: "BitstringStatusListEntry",
    statusPurpose: "revocation",
    statusListIndex: 94567,
    statusListCredential: "https://vc.example/status/3",
  },
  proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-jcs-2022", proofValue: "z" },
};

describe("generic W3C Verifiable Credential", () => {
  it("takes the title from name (English picked), the issuer from its URL, and keeps status refs", async () => {
    const { record } = await interpretCredential({ kind: "json", value: alumni }, { container: "json" });
    expect(record).toMatchObject({
      format: "vc",
      formatVersion: "2.0",
      securing: "data-integrity",
      proofType: "eddsa-jcs-2022",
      title: "Alumni Credential",
      description: "A minimum viable example.",
      formatLabel: "W3C Verifiable Credential 2.0 · Data Integrity (eddsa-jcs-2022)",
      kind: "badge",
    });
    expect(record.issuer).toEqual({ id: "https://vc.example/issuers/5678", name: "vc.example" });
    expect(record.recipient).toEqual({ identifiers: [{ type: "did", value: "did:example:abcdefgh" }] });
    expect(record.dates).toEqual({ validFrom: "2023-01-01T00:00:00.000Z" });
    expect(record.status).toEqual([
      {
        type: "BitstringStatusListEntry",
        id: "https://vc.example/status/3#94567",
        statusListCredential: "https://vc.example/status/3",
        statusListIndex: "94567",
        statusPurpose: "revocation",
      },
    ]);
  });

  it("falls back to a subject credential name, then to the type in words", async () => {
    const dcc = {
      "@context": [VC1],
      type: ["VerifiableCredential"],
      issuer: { id: "did:key:z6Mk", name: "Your friendly issuer." },
      issuanceDate: "2021-09-06T00:00:00.000Z",
      credentialSubject: { name: "Ya Ya Na", hasCredential: { name: "GT Guide" } },
    };
    const first = await interpretCredential({ kind: "json", value: dcc }, { container: "json" });
    expect(first.record).toMatchObject({ title: "GT Guide", formatVersion: "1.1", securing: "none" });
    expect(first.record.recipient).toEqual({ name: "Ya Ya Na", identifiers: [] });
    expect(first.record.dates).toEqual({ issued: "2021-09-06T00:00:00.000Z", validFrom: "2021-09-06T00:00:00.000Z" });
    const typed = await interpretCredential(
      {
        kind: "json",
        value: {
          ...alumni,
          name: undefined,
          type: ["VerifiableCredential", "EmploymentAuthorizationDocumentCredential"],
        },
      },
      { container: "json" },
    );
    expect(typed.record.title).toBe("Employment Authorization Document Credential");
    const bare = await interpretCredential(
      { kind: "json", value: { ...alumni, name: undefined, type: ["VerifiableCredential"] } },
      { container: "json" },
    );
    expect(bare.record.title).toBe("Verifiable credential");
    expect(bare.record.euElements.title).toBe(false);
  });

  it("refuses the VCDM structural errors", async () => {
    const refuse = (value: unknown) => interpretCredential({ kind: "json", value }, { container: "json" });
    await expect(refuse({ ...alumni, credentialSubject: undefined })).rejects.toMatchObject({
      reason: "missing_required_field",
    });
    await expect(refuse({ ...alumni, credentialSubject: {} })).rejects.toMatchObject({
      reason: "missing_required_field",
    });
    await expect(refuse({ ...alumni, issuer: {} })).rejects.toMatchObject({ reason: "invalid_field" });
    await expect(refuse({ ...alumni, credentialSchema: { id: "did:example:schemas/1" } })).rejects.toMatchObject({
      reason: "invalid_field",
    });
    await expect(refuse({ ...alumni, "@context": undefined })).rejects.toMatchObject({ reason: "unsupported_format" });
    await expect(refuse({ ...alumni, credentialSubject: { achievement: { name: "x" } } })).rejects.toMatchObject({
      reason: "unsupported_format",
    });
  });
});

describe("VerifiablePresentation", () => {
  const vp = (entries: unknown[], context = VC2) => ({
    "@context": [context],
    type: ["VerifiablePresentation"],
    holder: "did:example:holder",
    verifiableCredential: entries,
  });

  it("is a wrapper: minimal record, presentation flag, contained credentials as children", async () => {
    const ob3 = {
      "@context": [VC2, OB3],
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "https://x.example", name: "X" },
      credentialSubject: { id: "did:example:holder", achievement: { id: "urn:a", name: "CPR" } },
    };
    const result = await interpretCredential({ kind: "json", value: vp([alumni, ob3]) }, { container: "json" });
    expect(result.presentation).toBe(true);
    expect(result.record).toMatchObject({
      format: "vc",
      title: "Presentation of 2 credentials",
      kind: "badge",
      kindReason: "A presentation only wraps other credentials; each one inside is imported on its own.",
    });
    expect(result.record.issuer).toEqual({ id: "did:example:holder", name: "did:example:holder" });
    expect(result.children.map((c) => [c.record.format, c.record.title])).toEqual([
      ["vc", "Alumni Credential"],
      ["ob3", "CPR"],
    ]);
    expect(result.payload).toEqual(vp([alumni, ob3]));
  });

  it("unwraps an EnvelopedVerifiableCredential (data: URL with a VC-JWT)", async () => {
    const jwt = token({ alg: "ES256" }, { ...alumni, proof: undefined });
    const enveloped = {
      "@context": VC2,
      type: "EnvelopedVerifiableCredential",
      id: `data:application/vc-ld+jwt;base64url,${jwt}`,
    };
    const result = await interpretCredential({ kind: "json", value: vp([enveloped]) }, { container: "json" });
    expect(result.children[0]!.record).toMatchObject({
      title: "Alumni Credential",
      securing: "vc-jwt",
      proofType: "ES256",
      container: "jwt",
    });
    expect(result.children[0]!.signed).toEqual({ kind: "compact-jws", token: jwt });
  });

  it("unwraps a vc+sd-jwt, showing only what was disclosed", async () => {
    const disclosure = base64url.encode(JSON.stringify(["salt1", "name", "Paramedic Licence Level 2"]));
    const hidden = base64url.encode(JSON.stringify(["salt2", "description", "never shown"]));
    const digest = (d: string) => base64url.encode(createHash("sha256").update(d).digest());
    const claims = {
      ...alumni,
      name: undefined,
      description: undefined,
      proof: undefined,
      _sd: [digest(disclosure), digest(hidden)],
      _sd_alg: "sha-256",
    };
    const sdJwt = `${token({ alg: "ES256", typ: "vc+sd-jwt" }, claims)}~${disclosure}~`;
    const enveloped = { type: "EnvelopedVerifiableCredential", id: `data:application/vc+sd-jwt,${sdJwt}` };
    const result = await interpretCredential({ kind: "json", value: vp([enveloped]) }, { container: "json" });
    const child = result.children[0]!;
    expect(child.record.title).toBe("Paramedic Licence Level 2");
    expect(child.record.description).toBeUndefined();
    expect(child.signed).toEqual({ kind: "sd-jwt", token: sdJwt });
  });

  it("accepts bare JWT strings in a VC 1.1 presentation but not in a VC 2.0 one", async () => {
    const jwt = token(
      { alg: "RS256" },
      { vc: { ...alumni, "@context": [VC1], proof: undefined }, iss: "https://vc.example/issuers/5678" },
    );
    const v1 = await interpretCredential({ kind: "json", value: vp([jwt], VC1) }, { container: "json" });
    expect(v1.children).toHaveLength(1);
    await expect(interpretCredential({ kind: "json", value: vp([jwt]) }, { container: "json" })).rejects.toMatchObject({
      reason: "invalid_field",
    });
  });

  it("reads a VP-JWT (vp claim, holder from iss)", async () => {
    const inner = token(
      { alg: "RS256" },
      { vc: { ...alumni, "@context": [VC1], proof: undefined }, iss: "https://vc.example/issuers/5678" },
    );
    const jws = token(
      { alg: "ES256K" },
      {
        iss: "did:example:holder",
        vp: { "@context": [VC1], type: ["VerifiablePresentation"], verifiableCredential: [inner] },
      },
    );
    const result = await interpretCredential({ kind: "jws", token: jws }, { container: "jwt" });
    expect(result.presentation).toBe(true);
    expect(result.record).toMatchObject({
      securing: "vc-jwt",
      proofType: "ES256K",
      title: "Presentation of 1 credential",
    });
    expect(result.children[0]!.record.title).toBe("Alumni Credential");
  });

  it("refuses a presentation with nothing inside, or nothing readable", async () => {
    await expect(interpretCredential({ kind: "json", value: vp([]) }, { container: "json" })).rejects.toMatchObject({
      reason: "empty_presentation",
      message: "This presentation contains no credentials to import.",
    });
    await expect(
      interpretCredential(
        { kind: "json", value: { ...vp([]), verifiableCredential: undefined } },
        { container: "json" },
      ),
    ).rejects.toMatchObject({ reason: "empty_presentation" });
    await expect(
      interpretCredential({ kind: "json", value: vp([{ foo: 1 }, { bar: 2 }]) }, { container: "json" }),
    ).rejects.toMatchObject({ reason: "empty_presentation" });
  });

  it("stops at absurd nesting", async () => {
    let value: unknown = alumni;
    for (let i = 0; i < 6; i++) value = vp([value]);
    await expect(interpretCredential({ kind: "json", value }, { container: "json" })).rejects.toMatchObject({
      reason: "too_deeply_nested",
    });
  });
});
