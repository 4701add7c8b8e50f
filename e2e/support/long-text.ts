import { createEd25519Issuer, issueClr, issueOpenBadge } from "@/test-issuer";
import type { TestCredentialSpec } from "@/testkit/wallet/test-credentials";

/**
 * Text with no break opportunity, as real credentials carry it: German compound titles, issuer
 * names without spaces, long URLs and identifiers. Each is wider than a 320 px phone on its own.
 */
export const LONG = {
  title: "Intensivpflegefachweiterbildungsabschlusszertifikatsnachweisfürdieerweitertepflegepraxis",
  issuer: "NorthbridgeUniversityHospitalsNHSFoundationTrustClinicalEducationAndProfessionalDevelopmentUnit",
  url: `https://education.northbridge-university-hospitals-foundation-trust.example.org/credentials/${"a1b2c3d4e5f6".repeat(6)}`,
  word: "Antidisestablishmentarianism".repeat(4),
};

const url = (path: string) => `${LONG.url}/${path}`;

/** Signed OB 3.0 and CLR documents whose every field a page may show is unbroken and long. */
export async function longTextDocuments(recipient: { email: string; name: string }): Promise<string[]> {
  const issuer = await createEd25519Issuer();
  const options = {
    recipientEmail: recipient.email,
    recipientName: recipient.name,
    issuerProfile: { name: LONG.issuer, url: LONG.url, email: `${LONG.word.toLowerCase()}@example.org` },
  };
  const achievement = {
    id: url("achievement"),
    name: LONG.title,
    description: `${LONG.word} ${LONG.url}`,
    criteria: `See ${url("criteria")} ${LONG.word}`,
    humanCode: LONG.word.slice(0, 60),
    fieldOfStudy: LONG.word,
    tags: [LONG.word],
    skills: [{ name: LONG.word, uri: url("skill") }],
    learningOutcomes: [LONG.word],
    qualityAssurance: LONG.word,
    prerequisites: LONG.url,
    grade: LONG.word,
  };
  const badge = await issueOpenBadge(issuer, { ...options, achievement });
  const clr = await issueClr(issuer, {
    ...options,
    achievements: [
      { ...achievement, id: url("pathway"), name: `${LONG.title}Pathway`, achievementType: "LearningProgram" },
      { ...achievement, id: url("part-one"), name: `${LONG.title}PartOne` },
      { ...achievement, id: url("part-two"), name: `${LONG.title}PartTwo` },
    ],
  });
  return [badge, clr].map((document) => JSON.stringify(document));
}

/** Wallet rows with long unbroken text, stored directly (no signature needed for layout). */
export const LONG_TEXT_ROWS: TestCredentialSpec[] = [
  {
    title: `${LONG.title}Microcredential`,
    issuer: LONG.issuer,
    kind: "micro-credential",
    issued: "2026-03-01",
    validUntil: new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString(),
    hours: 30,
    ects: 1,
    skills: [LONG.word],
    outcomes: [LONG.url],
    description: `${LONG.word} ${LONG.url}`,
    verdict: "verified",
  },
  {
    title: `${LONG.title}SelfReported`,
    issuer: LONG.issuer,
    issued: "2025-02-01",
    hours: 12,
    selfReported: true,
  },
];
