import "server-only";
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentialOriginals, credentials } from "@/db/schema";
import { personalDataIn, personalDataRules, textFormsOf, withheldReason } from "./personal-data";
import { logWarning } from "@/lib/observability/logger";
import { signAsHolder } from "./holder-proof";
import { buildPresentation, signedFormOf, type BuiltPresentation, type StoredSigned } from "./presentation";
import { isInScope, openShare, sharedCredentialIds, type OpenShare, type ShareUnavailable } from "./resolve";

/**
 * What a visitor may download from a share: each credential's original file, and the whole share
 * as a Verifiable Presentation. Both are the signed credentials exactly as issued; one that names
 * personal data the page does not show is withheld whole (personal-data.ts).
 */

export type SharedDownload =
  | { kind: "file"; bytes: Uint8Array; filename: string; mediaType: string; sha256: string | null }
  | {
      kind: "withheld" | "unavailable";
      /** In English, for logs and the API; the share page says it in the visitor's language by `why`. */
      reason: string;
      why: "no-longer-shared" | "bundled" | "email" | "personal-data";
    };

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/svg+xml": "svg",
  "application/json": "json",
  "application/jwt": "jwt",
  "application/xml": "xml",
};

export function downloadFilename(filename: string | null, mediaType: string): string {
  const base = (filename ?? "credential").replace(/[^\w.-]+/g, "_").slice(0, 100) || "credential";
  return /\.\w+$/.test(base) ? base : `${base}.${EXTENSIONS[mediaType] ?? "bin"}`;
}

async function downloadFor(db: Database, open: OpenShare, credentialId: string): Promise<SharedDownload> {
  const [row] = await db
    .select({
      id: credentials.id,
      title: credentials.title,
      format: credentials.format,
      securing: credentials.securing,
      selfReported: credentials.selfReported,
      record: credentials.record,
      payload: credentials.payload,
      signed: credentials.signed,
      originalId: credentials.originalId,
      bytes: credentialOriginals.bytes,
      mediaType: credentialOriginals.mediaType,
      filename: credentialOriginals.filename,
      sha256: credentialOriginals.sha256,
    })
    .from(credentials)
    .innerJoin(credentialOriginals, eq(credentialOriginals.id, credentials.originalId))
    .where(and(eq(credentials.holderId, open.holderId), eq(credentials.id, credentialId)));
  if (!row) return { kind: "unavailable", reason: "This credential is no longer shared.", why: "no-longer-shared" };
  // The file is this credential's own unless another credential came from the same bytes and is
  // not one of its parts (a CLR part, or one credential of a presentation): that file would
  // reveal credentials the holder did not share, so the credential's own signed form is offered.
  const others = await db.$count(
    credentials,
    and(
      eq(credentials.holderId, open.holderId),
      eq(credentials.originalId, row.originalId),
      ne(credentials.id, row.id),
      or(isNull(credentials.parentId), ne(credentials.parentId, row.id)),
    ),
  );
  let file: Extract<SharedDownload, { kind: "file" }>;
  if (others === 0) {
    file = {
      kind: "file",
      bytes: row.bytes,
      filename: downloadFilename(row.filename, row.mediaType),
      mediaType: row.mediaType,
      sha256: row.sha256,
    };
  } else {
    const form = signedFormOf({ ...row, signed: row.signed as StoredSigned | null });
    if (form.kind === "none")
      return {
        kind: "unavailable",
        why: "bundled",
        reason:
          "This credential arrived inside a file that holds other credentials too, and has no signed form of its own to download.",
      };
    const text = form.kind === "jwt" ? form.token : JSON.stringify(form.credential, null, 2);
    const mediaType = form.kind === "jwt" ? "application/jwt" : "application/json";
    file = {
      kind: "file",
      bytes: new TextEncoder().encode(text),
      filename: downloadFilename(row.title, mediaType),
      mediaType,
      sha256: null,
    };
  }
  const rules = personalDataRules(row.record, open.holderEmail, open.share.showEmail);
  const found = personalDataIn(textFormsOf({ bytes: file.bytes, payload: row.payload, signed: row.signed }), rules);
  return found
    ? { kind: "withheld", reason: withheldReason(found), why: found === "email" ? "email" : "personal-data" }
    : file;
}

/** The download offered for one credential of the share (or why there is none). */
export async function getSharedDownload(
  db: Database,
  token: string,
  credentialId: string,
  now: Date,
): Promise<{ status: "ok"; download: SharedDownload } | ShareUnavailable> {
  const open = await openShare(db, token, now);
  if ("status" in open) return open;
  if (!(await isInScope(db, open, credentialId))) return { status: "not-found" };
  return { status: "ok", download: await downloadFor(db, open, credentialId) };
}

/**
 * The whole share — or, with `credentialId`, one of its credentials — as one unsigned Verifiable
 * Presentation (see presentation.ts for what is left out).
 */
export async function getSharedPresentation(
  db: Database,
  token: string,
  now: Date,
  credentialId?: string,
): Promise<{ status: "ok"; built: BuiltPresentation; holderId: string } | ShareUnavailable> {
  const open = await openShare(db, token, now);
  if ("status" in open) return open;
  if (credentialId !== undefined && !(await isInScope(db, open, credentialId))) return { status: "not-found" };
  const ids = credentialId === undefined ? await sharedCredentialIds(db, open) : [credentialId];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: credentials.id,
            title: credentials.title,
            format: credentials.format,
            securing: credentials.securing,
            selfReported: credentials.selfReported,
            record: credentials.record,
            payload: credentials.payload,
            signed: credentials.signed,
          })
          .from(credentials)
          .where(and(eq(credentials.holderId, open.holderId), inArray(credentials.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const form = signedFormOf({ ...row, signed: row.signed as StoredSigned | null });
    const found =
      form.kind === "none"
        ? null
        : personalDataIn(
            textFormsOf({ payload: row.payload, signed: row.signed }),
            personalDataRules(row.record, open.holderEmail, open.share.showEmail),
          );
    return [{ id, title: row.title, form: found ? { kind: "none" as const, reason: withheldReason(found) } : form }];
  });
  return { status: "ok", built: buildPresentation(items), holderId: open.holderId };
}

/**
 * The shared presentation signed by the holder (holder-proof.ts): `challenge` from the request or
 * fresh, `domain` the share's URL. A revoked or expired link gives nothing, as everywhere else.
 * Should signing fail (a credential whose vocabulary cannot be canonicalized, a key that cannot be
 * opened), the presentation is served unsigned: it then claims no holder, and verifiers say so.
 */
export async function getHolderSignedPresentation(
  db: Database,
  token: string,
  now: Date,
  options: { challenge: string; domain: string; credentialId?: string },
): Promise<{ status: "ok"; presentation: Record<string, unknown>; signed: boolean } | ShareUnavailable> {
  const answer = await getSharedPresentation(db, token, now, options.credentialId);
  if (answer.status !== "ok") return answer;
  // One credential that no presentation can carry (or that is withheld) is not offered on its page.
  if (options.credentialId !== undefined && answer.built.included.length === 0) return { status: "not-found" };
  const unsigned = answer.built.presentation;
  try {
    const presentation = await signAsHolder(db, answer.holderId, unsigned, { ...options, now });
    return { status: "ok", presentation, signed: true };
  } catch (error) {
    logWarning("shares", "presentation served without the holder's proof", {
      reason: error instanceof Error ? error.name : "unknown",
    });
    return { status: "ok", presentation: unsigned, signed: false };
  }
}
