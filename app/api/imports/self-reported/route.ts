import crypto from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { storeImportedCredential } from "@/lib/credential-store/data";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/credentials/detect";
import { buildSelfReportedCredential, selfReportedSchema } from "@/lib/credentials/self-reported";
import { DomainError } from "@/lib/errors/domain-error";
import { holderRoute } from "@/lib/http/route";

const EVIDENCE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp"]);

function fieldError(field: string, message: string) {
  return new DomainError("invalid_input", message, { fieldErrors: { [field]: [message] } });
}

/** Adds a paper or PDF certificate the holder describes; always stored as self-reported. */
export const POST = holderRoute({ mutating: true }, async (request, { holder, db }) => {
  const form = await request.formData().catch(() => null);
  if (!form) throw new DomainError("invalid_input", "The form could not be read. Try again.");
  const fields = Object.fromEntries(
    ["title", "issuer", "issuedOn", "hours", "validUntil", "notes"]
      .map((k) => [k, form.get(k) ?? undefined])
      .filter(([, v]) => v !== undefined),
  );
  const parsed = selfReportedSchema.safeParse(fields);
  if (!parsed.success) {
    throw new DomainError("invalid_input", parsed.error.issues[0]?.message ?? "Check the form.", {
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    });
  }

  let evidence: { filename: string; mediaType: string; bytes: Uint8Array } | undefined;
  const file = form.get("evidence");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_FILE_BYTES)
      throw fieldError("evidence", "The file is larger than 10 MB. Choose a smaller scan or PDF.");
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The content decides, not the name or the browser's claim.
    const sniffed = await fileTypeFromBuffer(bytes);
    if (!sniffed || !EVIDENCE_TYPES.has(sniffed.mime))
      throw fieldError("evidence", "Attach a PDF, PNG, JPEG or WebP file.");
    evidence = { filename: file.name.slice(0, 255) || `evidence.${sniffed.ext}`, mediaType: sniffed.mime, bytes };
  }

  const entryId = crypto.randomUUID();
  const interpreted = buildSelfReportedCredential(parsed.data, holder, entryId);
  const original = new TextEncoder().encode(JSON.stringify(interpreted.payload, null, 2));
  const stored = await storeImportedCredential(db, holder.id, {
    interpreted,
    original: { bytes: original, mediaType: "application/json", filename: "self-reported.json" },
    ...(evidence ? { evidence } : {}),
  });
  return Response.json({ credentialId: stored.credentialId, title: stored.title }, { status: 201 });
});
