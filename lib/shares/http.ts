import { attachmentResponse } from "@/lib/http/attachment";
import { SHARE_RESPONSE_HEADERS } from "./problems";

/**
 * Files from a share always arrive as downloads with a sandboxing CSP, like the wallet's own
 * originals (app/api/credentials/[id]/original): a hostile SVG or HTML-looking JSON is never
 * rendered from our origin (docs/threat-model.md D6). Never cached: a revoked link must not live on in a
 * cache (docs/threat-model.md F3).
 */
export function sharedFileResponse(
  bytes: Uint8Array,
  { filename, mediaType, sha256 }: { filename: string; mediaType?: string; sha256?: string | null },
): Response {
  return attachmentResponse(bytes, {
    filename,
    mediaType: mediaType ?? "application/octet-stream",
    sha256,
    fallbackName: "download",
    headers: SHARE_RESPONSE_HEADERS,
  });
}

/** Our own sanitized PNG raster of a badge image. */
export function sharedImageResponse(png: Uint8Array): Response {
  return new Response(Buffer.from(png), {
    headers: {
      ...SHARE_RESPONSE_HEADERS,
      "content-type": "image/png",
      "content-security-policy": "default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
}
