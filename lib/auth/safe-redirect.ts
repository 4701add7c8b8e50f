/**
 * Turns an untrusted `callbackUrl`/`next` value into a path on our own origin (docs/threat-model.md A4).
 * Only same-origin absolute URLs and plain "/path" values survive; "//evil", "/\evil",
 * "https:evil", "javascript:" and undecodable input fall back to the default.
 */
export const DEFAULT_AFTER_SIGN_IN = "/wallet";

export function safeRedirectPath(value: unknown, appOrigin: string, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded) || decoded.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = value.startsWith("/") && !value.startsWith("//") ? new URL(value, appOrigin) : new URL(value);
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
