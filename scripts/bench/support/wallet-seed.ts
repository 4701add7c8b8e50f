import crypto from "node:crypto";
import sharp from "sharp";
import type { Database } from "@/db/client";
import {
  collectionItems,
  collections,
  credentialImages,
  credentialOriginals,
  credentials,
  sessions,
  users,
} from "@/db/schema";
import { credentialDedupeKey, sha256Hex } from "@/lib/credentials/dedupe";
import type { NormalizedCredential } from "@/lib/credentials/record";
import type { Check, Verdict, VerificationResult } from "@/lib/verification/types";
import { testInterpretedCredential } from "@/testkit/wallet/test-credentials";
import { BENCH_HOLDER, CORPUS_COLLECTIONS, CORPUS_FORMATS, DAY, type CorpusItem } from "./wallet-corpus";

/**
 * Writes a generated wallet (support/wallet-corpus.ts) into a benchmark database: the holder, then
 * the credentials in bulk straight into the real schema (credential_originals → credentials →
 * credential_images, collections, collection_items), with the same column values the import store
 * derives from a record (lib/credential-store/data.ts rowValues), so search_text and every index are the
 * database's own. Also a signed-in session for the holder.
 */

export interface SeededWallet {
  holderId: string;
  items: CorpusItem[];
  collectionIds: string[];
  counts: Record<string, number>;
}

// ---------------------------------------------------------------- rows

function recordOf(item: CorpusItem): NormalizedCredential {
  const spec = {
    title: item.title,
    issuer: item.issuer,
    kind: item.kind,
    issued: item.issuedAt.toISOString(),
    ...(item.validUntil ? { validUntil: item.validUntil.toISOString() } : {}),
    hours: item.hours,
    ...(item.ects !== null ? { ects: item.ects } : {}),
    skills: item.skills,
    outcomes: item.outcomes,
    description: item.description,
    selfReported: item.selfReported,
  };
  const base = testInterpretedCredential(spec).record;
  const format = CORPUS_FORMATS.find((f) => f[0] === item.format)!;
  return {
    ...base,
    format: item.format,
    securing: format[1],
    container: format[2],
    formatLabel: format[3],
    ...(format[4] ? { proofType: format[4] } : {}),
    kindReason: `${item.hours} hours of notional workload (benchmark corpus)`,
    recipient: { name: BENCH_HOLDER.name, identifiers: [{ type: "email", value: BENCH_HOLDER.email }] },
    issuer: {
      name: item.issuer,
      id: `did:web:${slug(item.issuer)}.example`,
      url: `https://${slug(item.issuer)}.example`,
    },
    criteria: { narrative: "Attend all sessions, complete the workbook and pass the observed practical assessment." },
    level: item.kind === "badge" ? {} : { eqf: item.kind === "micro-credential" ? 5 : 6 },
    tags: item.skills.slice(0, 2),
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function payloadOf(item: CorpusItem, index: number): Record<string, unknown> {
  if (item.selfReported) {
    return {
      type: "SelfReportedCertificate",
      entryId: `bench-${index}`,
      title: item.title,
      issuer: item.issuer,
      issuedOn: item.issuedAt.toISOString().slice(0, 10),
      hours: item.hours,
    };
  }
  const issuerId = `did:web:${slug(item.issuer)}.example`;
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuerId, type: ["Profile"], name: item.issuer, url: `https://${slug(item.issuer)}.example` },
    validFrom: item.issuedAt.toISOString(),
    ...(item.validUntil ? { validUntil: item.validUntil.toISOString() } : {}),
    name: item.title,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityHash: `sha256$${sha256Hex(`${BENCH_HOLDER.email}bench-salt`)}`,
          identityType: "emailAddress",
          hashed: true,
          salt: "bench-salt",
        },
      ],
      achievement: {
        id: `https://${slug(item.issuer)}.example/achievements/${index}`,
        type: ["Achievement"],
        name: item.title,
        description: item.description,
        criteria: {
          narrative: "Attend all sessions, complete the workbook and pass the observed practical assessment.",
        },
        alignment: item.skills.map((skill) => ({
          type: ["Alignment"],
          targetName: skill,
          targetUrl: `http://data.europa.eu/esco/skill/${sha256Hex(skill).slice(0, 32)}`,
          targetFramework: "ESCO",
        })),
      },
    },
    proof: {
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      created: item.issuedAt.toISOString(),
      verificationMethod: `${issuerId}#key-1`,
      proofPurpose: "assertionMethod",
      proofValue: `z${crypto.randomBytes(64).toString("base64url")}`,
    },
  };
}

function verificationOf(verdict: Verdict, now: Date): VerificationResult {
  const status = (ok: boolean): Check["status"] => (ok ? "passed" : verdict === "not-verified" ? "failed" : "unknown");
  return {
    verdict,
    checkedAt: now.toISOString(),
    proofFromCache: false,
    checks: [
      { id: "proof", status: "passed", reason: "The issuer's signature is intact." },
      { id: "issuer", status: "passed", reason: "The signing key belongs to the named issuer." },
      {
        id: "validity",
        status: status(verdict !== "not-verified"),
        reason:
          verdict === "not-verified" ? "The credential has expired." : "The credential is within its validity dates.",
      },
      {
        id: "status",
        status: status(verdict === "verified"),
        reason: verdict === "verified" ? "The issuer has not revoked it." : "The status list could not be reached.",
      },
    ],
  };
}

// ---------------------------------------------------------------- seeding

const CHUNK = 250;

/**
 * Creates the holder and writes `items` in bulk, in one transaction per chunk of 250 credentials.
 * Returns the holder id and collection ids.
 */
export async function seedWallet(db: Database, items: CorpusItem[], now: Date): Promise<SeededWallet> {
  const [holder] = await db
    .insert(users)
    .values({ ...BENCH_HOLDER, emailVerified: now })
    .returning({ id: users.id });
  const holderId = holder!.id;
  const png = await sharp({ create: { width: 128, height: 128, channels: 4, background: "#0b6a5e" } })
    .png()
    .toBuffer();
  const image = { png: new Uint8Array(png), width: 128, height: 128 };
  const collectionRows = await db
    .insert(collections)
    .values(CORPUS_COLLECTIONS.map((c) => ({ holderId, name: c.name, description: c.description })))
    .returning({ id: collections.id });
  const collectionIds = collectionRows.map((r) => r.id);

  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    await db.transaction(async (tx) => {
      const prepared = chunk.map((item, offset) => {
        const index = start + offset;
        const payload = payloadOf(item, index);
        const bytes = new TextEncoder().encode(JSON.stringify(payload));
        return { item, payload, bytes, sha256: sha256Hex(bytes), record: recordOf(item) };
      });
      const originals = await tx
        .insert(credentialOriginals)
        .values(
          prepared.map((p, offset) => ({
            holderId,
            sha256: p.sha256,
            mediaType: "application/json",
            filename: `credential-${start + offset}.json`,
            byteSize: p.bytes.byteLength,
            bytes: p.bytes,
          })),
        )
        .returning({ id: credentialOriginals.id, sha256: credentialOriginals.sha256 });
      const originalIds = new Map(originals.map((o) => [o.sha256, o.id]));
      const rows = await tx
        .insert(credentials)
        .values(
          prepared.map(({ item, payload, sha256, record }) => ({
            holderId,
            originalId: originalIds.get(sha256)!,
            parentId: null,
            dedupeKey: credentialDedupeKey(payload),
            format: record.format,
            securing: record.securing,
            kind: record.kind,
            title: record.title,
            issuerName: record.issuer.name,
            issuedAt: item.issuedAt,
            validUntil: item.validUntil,
            hours: record.workload.hours ?? null,
            ects: record.workload.ects ?? null,
            eqfLevel: record.level.eqf ?? null,
            selfReported: record.selfReported,
            record,
            payload,
            signed: null,
            linked: null,
            holderTags: item.holderTags,
            ...(item.verdict
              ? { verdict: item.verdict, verification: verificationOf(item.verdict, now), verifiedAt: now }
              : {}),
          })),
        )
        .returning({ id: credentials.id });
      if (rows.length !== chunk.length)
        throw new Error(`seeding: stored ${rows.length} of ${chunk.length} credentials`);
      const images = rows.flatMap((row, offset) =>
        chunk[offset]!.hasImage ? [{ credentialId: row.id, ...image }] : [],
      );
      if (images.length > 0) await tx.insert(credentialImages).values(images);
      const members = rows.flatMap((row, offset) =>
        chunk[offset]!.collections.map((c) => ({ collectionId: collectionIds[c]!, credentialId: row.id, holderId })),
      );
      if (members.length > 0) await tx.insert(collectionItems).values(members);
    });
  }

  const counts: Record<string, number> = {};
  const bump = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const item of items) {
    bump(item.kind);
    bump(item.selfReported ? "self-reported" : (item.verdict ?? "unchecked"));
    if (item.validUntil && item.validUntil <= now) bump("expired");
    else if (item.validUntil && item.validUntil.getTime() - now.getTime() <= 90 * DAY) bump("expiring");
    if (item.holderTags.length > 0) bump("tagged");
    if (item.hasImage) bump("with image");
  }
  counts.issuers = new Set(items.map((i) => i.issuer)).size;
  counts.skills = new Set(items.flatMap((i) => i.skills)).size;
  return { holderId, items, collectionIds, counts };
}

/** A database session for the holder (what Auth.js stores after sign-in); the cookie carries the token. */
export async function createSession(db: Database, holderId: string, now: Date): Promise<string> {
  const sessionToken = crypto.randomUUID();
  // Expires a full session lifetime away, so Auth.js does not rewrite the row on every request.
  await db.insert(sessions).values({ sessionToken, userId: holderId, expires: new Date(now.getTime() + 30 * DAY) });
  return sessionToken;
}
