/**
 * CLR 2.0 ClrCredential (docs/formats/ob3.md#clr-20): a signed container of separately signed OB 3.0
 * AchievementCredentials plus the achievement definitions and the `association` stacking graph.
 */
import { OB_V3P0_CONTEXT_303 } from "@/lib/verification/contexts";
import {
  DEFAULT_ACHIEVEMENT,
  resolveCommon,
  saltedSha256,
  type AchievementDetails,
  type CommonOptions,
} from "./defaults";
import type { TestIssuer } from "./keys";
import { buildAchievement, buildProfile, issueOpenBadge } from "./ob3";
import { VC_V2, signCredential, type SignedCredential } from "./sign";

export const CLR_V2P0_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
export const OB_V3P0_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

export type AssociationType =
  "exactMatchOf" | "isChildOf" | "isParentOf" | "isPartOf" | "isPeerOf" | "isRelatedTo" | "precedes" | "replacedBy";

export interface Association {
  associationType: AssociationType;
  sourceId: string;
  targetId: string;
}

const BASE = "https://northbridge-nursing.test/achievements";

/** A pathway (index 0) and the two courses that stack into it. */
export const DEFAULT_CLR_ACHIEVEMENTS: Array<Partial<AchievementDetails>> = [
  {
    id: `${BASE}/clinical-coding-pathway`,
    name: "Clinical Coding Pathway",
    description: "Stackable pathway in clinical coding for nurses and health records staff.",
    achievementType: "LearningProgram",
    humanCode: "NSN-CCP",
    hours: 75,
    ects: 3,
  },
  { ...DEFAULT_ACHIEVEMENT },
  {
    id: `${BASE}/clinical-documentation-improvement`,
    name: "Clinical Documentation Improvement",
    description: "Reviews clinical documentation for completeness and coding accuracy, and writes compliant queries.",
    humanCode: "NSN-CDI-102",
    hours: 50,
    ects: 2,
  },
];

export interface ClrOptions extends CommonOptions {
  /** 2–3 achievements; each gets its own signed AchievementCredential. Default: pathway + 2 courses. */
  achievements?: Array<Partial<AchievementDetails>>;
  /** Default: course 1 isPartOf pathway, course 2 isChildOf pathway, course 1 precedes course 2. */
  associations?: Association[];
  partial?: boolean;
  /** The CLR's own image URL (ClrCredential.image); none by default. */
  image?: string;
}

function defaultAssociations(ids: string[]): Association[] {
  const [pathway, first, second] = ids;
  if (!pathway || !first) return [];
  const out: Association[] = [{ associationType: "isPartOf", sourceId: first, targetId: pathway }];
  if (second) {
    out.push({ associationType: "isChildOf", sourceId: second, targetId: pathway });
    out.push({ associationType: "precedes", sourceId: first, targetId: second });
  }
  return out;
}

export async function issueClr(issuer: TestIssuer, options: ClrOptions = {}): Promise<SignedCredential> {
  const r = resolveCommon(options);
  const specs = (options.achievements ?? DEFAULT_CLR_ACHIEVEMENTS).map((a) => ({ ...r.achievement, ...a }));
  const profile = buildProfile(issuer.did, r.issuer);
  const nested: SignedCredential[] = [];
  for (const achievement of specs) {
    nested.push(
      await issueOpenBadge(issuer, {
        ...options,
        id: undefined,
        status: undefined,
        type: "AchievementCredential",
        achievement,
      }),
    );
  }
  const ids = specs.map((a) => a.id);
  const unsigned = {
    "@context": [VC_V2, CLR_V2P0_CONTEXT, OB_V3P0_CONTEXT_303, OB_V3P0_EXTENSIONS],
    id: r.id,
    type: ["VerifiableCredential", "ClrCredential"],
    issuer: profile,
    validFrom: r.validFrom,
    ...(r.validUntil ? { validUntil: r.validUntil } : {}),
    name: `${r.issuer.name}: ${specs[0]?.name ?? "learner record"}`,
    ...(options.image ? { image: { id: options.image, type: "Image" } } : {}),
    ...(options.partial === undefined ? {} : { partial: options.partial }),
    credentialSubject: {
      type: ["ClrSubject"],
      ...(r.recipient.id ? { id: r.recipient.id } : {}),
      identifier: [
        {
          type: "IdentityObject",
          identityHash: saltedSha256(r.recipient.email, r.recipient.salt),
          identityType: "emailAddress",
          hashed: true,
          salt: r.recipient.salt,
        },
      ],
      verifiableCredential: nested,
      achievement: specs.map((a) => buildAchievement(a, profile)),
      association: (options.associations ?? defaultAssociations(ids)).map((a) => ({ type: "Association", ...a })),
    },
    ...(r.status.length ? { credentialStatus: r.status.length === 1 ? r.status[0] : r.status } : {}),
  };
  return signCredential(unsigned, issuer, { now: options.now });
}
