/**
 * Imported bytes (originals, evidence) leave Tessera only as downloads: never rendered by the
 * browser from our origin, whatever they hold (a hostile SVG, HTML-looking JSON; docs/threat-model.md D6).
 */
const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/svg+xml": "svg",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "application/json": "json",
  "application/jwt": "jwt",
  "application/xml": "xml",
};

/** A filename safe for a header, with an extension that matches what the file is. */
export function attachmentFilename(filename: string | null | undefined, mediaType: string, fallback: string): string {
  const base = (filename ?? "").replace(/[^\w.-]+/g, "_").slice(0, 100) || fallback;
  return /\.\w+$/.test(base) ? base : `${base}.${EXTENSIONS[mediaType] ?? "bin"}`;
}

export function attachmentResponse(
  bytes: Uint8Array,
  {
    filename,
    mediaType,
    sha256,
    fallbackName,
    headers = {},
  }: {
    filename: string | null | undefined;
    mediaType: string;
    sha256?: string | null;
    fallbackName: string;
    headers?: Record<string, string>;
  },
): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "cache-control": "private, no-store",
      ...headers,
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${attachmentFilename(filename, mediaType, fallbackName)}"`,
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
      ...(sha256 ? { "x-content-sha256": sha256 } : {}),
    },
  });
}
