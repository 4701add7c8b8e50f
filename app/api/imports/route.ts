import { z } from "zod";
import { MAX_ARCHIVE_BYTES, MAX_IMPORT_FILE_BYTES } from "@/lib/credentials/detect";
import { DomainError } from "@/lib/errors/domain-error";
import { holderRoute } from "@/lib/http/route";
import { createImportJob, type ImportSource } from "@/lib/import/jobs";
import { nudgeBackgroundWork } from "@/lib/runtime/schedulers";

const MAX_FILES_PER_UPLOAD = 1000;
const MAX_PASTE_CHARS = 2 * 1024 * 1024;
const pasteSchema = z
  .object({
    text: z
      .string()
      .min(1, "Paste a credential, a token or a link first.")
      .max(MAX_PASTE_CHARS, "That is too much text to paste; upload it as a file instead."),
  })
  .strict();

function megabytes(bytes: number) {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

async function sourcesFromMultipart(request: Request): Promise<ImportSource[]> {
  const form = await request.formData().catch(() => null);
  if (!form) throw new DomainError("invalid_input", "The upload could not be read. Try again.");
  const files = form.getAll("files").filter((f): f is File => f instanceof File);
  if (files.length === 0) throw new DomainError("invalid_input", "Choose at least one file to import.");
  if (files.length > MAX_FILES_PER_UPLOAD)
    throw new DomainError(
      "too_large",
      `Upload at most ${MAX_FILES_PER_UPLOAD} files at once, or put them in a zip archive.`,
    );
  const sources: ImportSource[] = [];
  for (const file of files) {
    const isZip = /\.zip$/i.test(file.name) || file.type === "application/zip";
    const cap = isZip ? MAX_ARCHIVE_BYTES : MAX_IMPORT_FILE_BYTES;
    if (file.size > cap)
      throw new DomainError(
        "too_large",
        `"${file.name}" is ${megabytes(file.size)}; Tessera accepts ${isZip ? "archives" : "files"} up to ${megabytes(cap)}. Nothing was imported.`,
      );
    sources.push({ name: file.name.slice(0, 255) || "upload", bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return sources;
}

/** Starts an import: files (multipart), or pasted JSON / JWT / link (JSON body). Answers with the job to poll. */
export const POST = holderRoute({ mutating: true }, async (request, { holder, db }) => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ARCHIVE_BYTES + 1024 * 1024)
    throw new DomainError(
      "too_large",
      `That upload is ${megabytes(declared)}; Tessera accepts up to ${megabytes(MAX_ARCHIVE_BYTES)} at once. Nothing was imported.`,
    );

  let sources: ImportSource[];
  let label: string;
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    sources = await sourcesFromMultipart(request);
    label = "upload";
  } else {
    const parsed = pasteSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success)
      throw new DomainError(
        "invalid_input",
        parsed.error.issues[0]?.message ?? "Paste a credential, a token or a link first.",
      );
    sources = [{ name: "Pasted text", bytes: new TextEncoder().encode(parsed.data.text.trim()) }];
    label = "paste";
  }
  const jobId = await createImportJob(db, holder.id, label, sources);
  nudgeBackgroundWork();
  return Response.json({ jobId }, { status: 202, headers: { "cache-control": "no-store" } });
});
