/**
 * Imported URLs are hostile (docs/architecture.md convention 6): only an absolute https: URL without
 * embedded credentials ("https://trusted.example@evil.example") is ever used as a link.
 */
export function safeHttpsUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "" || url.hostname === "") return null;
  return url.href;
}
