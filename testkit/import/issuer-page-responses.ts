/**
 * What each badge platform answers at its Open Badges data address (lib/import/issuer-pages.ts),
 * written in the shape the platforms document and serve — Credly's OBI v2 hosted assertions
 * (api.credly.com "OBI specified endpoints"), Accredible's `/v1/obi/badge_assertions/`, Badgr's
 * `/public/assertions/<id>?v=2_0`, VerifierPlus's `{ vp, credential, … }` — so import tests run
 * with no network. Every document is an OB 2.0 hosted badge whose BadgeClass and Issuer live on
 * the platform's own host, as on the real platforms.
 */
const OB2 = "https://w3id.org/openbadges/v2";

export interface RecordedPlatform {
  pageUrl: string;
  dataUrl: string;
  title: string;
  /** URL → response body, for the offline fetcher's document bundle. */
  documents: Record<string, unknown>;
}

function hostedBadge(options: {
  assertionId: string;
  badgeClassId: string;
  issuerId: string;
  title: string;
  issuerName: string;
}): Record<string, unknown> {
  return {
    [options.assertionId]: {
      "@context": OB2,
      type: "Assertion",
      id: options.assertionId,
      badge: options.badgeClassId,
      issuedOn: "2026-03-14T10:00:00.000Z",
      recipient: {
        type: "email",
        hashed: true,
        salt: "deadsea",
        identity: "sha256$5bd9e8c0d6e8f0cc1fc43c6cf0d4f2a5b8f5f4e1c0a9b8c7d6e5f4a3b2c1d0e9",
      },
      verification: { type: "HostedBadge" },
    },
    [options.badgeClassId]: {
      "@context": OB2,
      type: "BadgeClass",
      id: options.badgeClassId,
      name: options.title,
      description: `${options.title}, assessed in practice.`,
      image: `${new URL(options.badgeClassId).origin}/images/badge.png`,
      criteria: { narrative: "Completed the course and a supervised practical assessment." },
      issuer: options.issuerId,
    },
    [options.issuerId]: {
      "@context": OB2,
      type: "Issuer",
      id: options.issuerId,
      name: options.issuerName,
      url: "https://www.northbridge-skills.example",
      email: "badges@northbridge-skills.example",
    },
  };
}

const CREDLY_ID = "54a07c5c-89f9-4c33-9731-e1b0d34f88b9";
const credlyAssertion = `https://api.credly.com/v1/obi/v2/badge_assertions/${CREDLY_ID}`;

export const CREDLY: RecordedPlatform = {
  pageUrl: `https://www.credly.com/badges/${CREDLY_ID}/public_url`,
  dataUrl: credlyAssertion,
  title: "Immediate Life Support",
  documents: hostedBadge({
    assertionId: credlyAssertion,
    badgeClassId:
      "https://api.credly.com/v1/obi/v2/issuers/12b808a7-249d-42fe-a63d-30ffba7bb1fb/badge_classes/670dcefd-e914-4707-9691-80496ee60360",
    issuerId: "https://api.credly.com/v1/obi/v2/issuers/12b808a7-249d-42fe-a63d-30ffba7bb1fb",
    title: "Immediate Life Support",
    issuerName: "Northbridge Resuscitation Council",
  }),
};

const badgrAssertion = "https://api.badgr.io/public/assertions/8bLUrJhgSMyWKF-I7xOosQ";
export const BADGR: RecordedPlatform = {
  pageUrl: "https://badgr.com/public/assertions/8bLUrJhgSMyWKF-I7xOosQ?identity__email=aoife%40example.org",
  dataUrl: `${badgrAssertion}?v=2_0`,
  title: "Safeguarding Adults Level 2",
  documents: Object.fromEntries(
    Object.entries(
      hostedBadge({
        assertionId: badgrAssertion,
        badgeClassId: "https://api.badgr.io/public/badges/Qm9vQmFkZ2VDbGFzcw",
        issuerId: "https://api.badgr.io/public/issuers/SXNzdWVyMQ",
        title: "Safeguarding Adults Level 2",
        issuerName: "Northbridge Community Health Trust",
      }),
    ).map(([url, doc]) => [url === badgrAssertion ? `${url}?v=2_0` : url, doc]),
  ),
};
// The hosted check refetches the assertion at its own id, so serve it there too.
BADGR.documents[badgrAssertion] = BADGR.documents[`${badgrAssertion}?v=2_0`];

const accredibleAssertion = "https://api.accredible.com/v1/obi/badge_assertions/10000005";
export const ACCREDIBLE: RecordedPlatform = {
  pageUrl: "https://www.credential.net/10000005",
  dataUrl: accredibleAssertion,
  title: "Medicines Management for Care Assistants",
  documents: hostedBadge({
    assertionId: accredibleAssertion,
    badgeClassId: "https://api.accredible.com/v1/obi/issuer_badge_classes/qOeq",
    issuerId: "https://api.accredible.com/v1/obi/issuers/4897",
    title: "Medicines Management for Care Assistants",
    issuerName: "Northbridge Care Academy",
  }),
};

/** VerifierPlus answers with the holder's stored presentation; `credential` is supplied for display. */
export function verifierPlusResponse(id: string, credential: Record<string, unknown>): RecordedPlatform {
  const vp = {
    "@context": ["https://www.w3.org/2018/credentials/v1"],
    type: ["VerifiablePresentation"],
    holder: "did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH",
    verifiableCredential: [credential],
  };
  const dataUrl = `https://verifierplus.org/api/credentials/${id}`;
  return {
    pageUrl: `https://verifierplus.org/credentials/${id}`,
    dataUrl,
    title: String((credential as { name?: unknown }).name ?? ""),
    documents: { [dataUrl]: { vp, id, controller: vp.holder, credential: [credential], shared: true } },
  };
}
