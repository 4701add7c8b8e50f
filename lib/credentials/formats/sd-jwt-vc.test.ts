/**
 * Reading an SD-JWT VC (sd-jwt-vc.ts, jws.ts#decodeSdJwt): the normalized record holds exactly the
 * disclosed claims; a disclosure no digest references, a digest listed twice and `_sd_alg: none`
 * are refused with words a health worker understands.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { detectInput } from "../detect";
import { interpretCredential, NotACredentialError } from "./index";

const NOW = new Date("2026-06-01T09:00:00Z");
let issuer: Awaited<ReturnType<typeof T.createJoseIssuer>>;

beforeAll(async () => {
  issuer = await T.createJoseIssuer({ iss: "https://academy.example", alg: "ES256" });
});

const read = (token: string) => interpretCredential({ kind: "jws", token }, { container: "jwt" });

function keep(issued: T.IssuedSdJwtVc, names: string[]): string {
  const [jwt] = issued.token.split("~");
  return `${jwt}~${issued.disclosures
    .filter((d) => names.includes(d.name))
    .map((d) => `${d.encoded}~`)
    .join("")}`;
}

describe("SD-JWT VC interpretation", () => {
  it("reads title, issuer, dates, workload, EQF level and outcomes from the disclosed claims", async () => {
    const issued = await T.issueSdJwtVc(issuer, { now: NOW, expiresInSeconds: 365 * 86_400 });
    const result = await read(issued.token);
    expect(result.signed).toEqual({ kind: "sd-jwt", token: issued.token });
    expect(result.record).toMatchObject({
      format: "sd-jwt-vc",
      securing: "sd-jwt",
      proofType: "ES256",
      title: "Sepsis recognition and escalation",
      issuer: { id: "https://academy.example", name: "Northbridge Clinical Skills Academy" },
      recipient: { name: "Aoife Byrne" },
      dates: { issued: "2026-06-01T09:00:00.000Z", validUntil: "2027-06-01T09:00:00.000Z" },
      workload: { hours: 6, ects: 0.25 },
      level: { eqf: 5 },
      learningOutcomes: [{ title: "Recognise red-flag sepsis" }, { title: "Start the Sepsis Six within an hour" }],
      assessment: { type: "Supervised simulation" },
    });
    expect(result.record.formatLabel).toMatch(/SD-JWT VC/);
  });

  it("reads the EU Digital Identity Wallet's Learning Credential claims", async () => {
    const claims = {
      achievement_title: "Infection Prevention and Control",
      achievement_description: "Standard and transmission-based precautions in acute care.",
      issuing_authority: "Northbridge University Hospital",
      issuing_country: "IE",
      date_of_issuance: "2026-05-20",
      learning_outcomes: ["Select PPE for the transmission route"],
      assessment_grade: "Pass with merit",
      ects_points: 2,
    };
    const issued = await T.issueSdJwtVc(issuer, {
      now: NOW,
      claims,
      vct: "urn:eu.europa.ec.eudi:learning:credential:1",
    });
    expect((await read(issued.token)).record).toMatchObject({
      title: "Infection Prevention and Control",
      description: "Standard and transmission-based precautions in acute care.",
      issuer: { name: "Northbridge University Hospital", country: "IE" },
      dates: { issued: "2026-05-20T00:00:00.000Z" },
      workload: { ects: 2 },
      assessment: { grade: "Pass with merit" },
      learningOutcomes: [{ title: "Select PPE for the transmission route" }],
    });
  });

  it("shows only what was disclosed: an undisclosed title falls back to the credential type", async () => {
    const issued = await T.issueSdJwtVc(issuer, { now: NOW });
    const result = await read(keep(issued, ["issuer_name"]));
    expect(result.record.title).toBe("Micro credential");
    expect(result.record.learningOutcomes).toEqual([]);
    expect(result.record.issuer.name).toBe("Northbridge Clinical Skills Academy");
  });

  it("is detected when pasted, with or without a key-binding JWT", async () => {
    const issued = await T.issueSdJwtVc(issuer, { now: NOW });
    const bytes = new TextEncoder().encode(`  ${issued.token}\n`);
    expect(await detectInput(bytes)).toEqual({ kind: "jws", token: issued.token });
  });

  it.each([
    [{ unreferenced: true }, "One of the disclosed parts of this credential is not covered by the issuer's signature."],
    [
      { duplicateDigest: true },
      "This credential lists the same disclosed part twice, which a genuine issuer never does.",
    ],
    [
      { sdAlg: "none" },
      "This selectively disclosed credential uses a digest Tessera does not accept, so its claims prove nothing.",
    ],
  ] as const)("refuses %o", async (options, message) => {
    const issued = await T.issueSdJwtVc(issuer, { now: NOW, ...options });
    const error = await read(issued.token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotACredentialError);
    expect((error as Error).message).toBe(message);
  });

  it("refuses an SD-JWT VC that does not name its type (no vct)", async () => {
    const issued = await T.issueSdJwtVc(issuer, { now: NOW, vct: "" });
    await expect(read(issued.token)).rejects.toThrow(/does not say what type of credential it is/);
  });
});
