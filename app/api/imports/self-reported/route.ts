import crypto from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { getDb } from "@/db";
import { storeImportedCredential } from "@/lib/credential-store/data";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/credentials/detect";
import { buildSelfReportedCredential, selfReportedSchema } from "@/lib/credentials/self-reported";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";

const EVIDENCE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp"]);

function fieldError(field: string, message: string) {
  return Response.json({ error: message, fieldErrors: { [field]: [message] } }, { status: 400 });
}

/** Adds a paper or PDF certificate the holder describes; always stored as self-reported. */
export async function POST(request: Request) {
  const holder = await requireHolderForRoute(request, { mutating: true });
  if (holder instanceof Response) return holder;
  const form = await request.formData().catch(() => null);
  if (!form) return jsonError(400, "The form could not be read. Try again.");
  const fields = Object.fromEntries(
    ["title", "issuer", "issuedOn", "hours", "validUntil", "notes"]
      .map((k) => [k, form.get(k) ?? undefined])
      .filter(([, v]) => v !== undefined),
  );
  const parsed = selfReportedSchema.safeParse(fields);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return Response.json(
      { error: parsed.error.issues[0]?.message ?? "Check the form.", fieldErrors: flat.fieldErrors },
      { status: 400 },
    );
  }

  let evidence: { filename: string; mediaType: string; bytes: Uint8Array } | undefined;
  const file = form.get("evidence");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_FILE_BYTES)
      return fieldError("evidence", "The file is larger than 10 MB. Choose a smaller scan or PDF.");
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The content decides, not the name or the browser's claim.
    const sniffed = await fileTypeFromBuffer(bytes);
    if (!sniffed || !EVIDENCE_TYPES.has(sniffed.mime))
      return fieldError("evidence", "Attach a PDF, PNG, JPEG or WebP file.");
    evidence = { filename: file.name.slice(0, 255) || `evidence.${sniffed.ext}`, mediaType: sniffed.mime, bytes };
  }

  const entryId = crypto.randomUUID();
  const interpreted = buildSelfReportedCredential(parsed.data, holder, entryId);
  const original = new TextEncoder().encode(JSON.stringify(interpreted.payload, null, 2));
  const stored = await storeImportedCredential(getDb(), holder.id, {
    interpreted,
    original: { bytes: original, mediaType: "application/json", filename: "self-reported.json" },
    ...(evidence ? { evidence } : {}),
  });
  return Response.json({ credentialId: stored.credentialId, title: stored.title }, { status: 201 });
}
