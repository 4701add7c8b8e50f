/**
 * A cached page is rendered once with a placeholder nonce and served many times, each response
 * with a fresh nonce in its CSP header and in the page's script tags (a nonce reused across
 * responses would let an injected script learn it and run). The placeholder is random per
 * process, so it cannot occur in page text by chance or by an attacker's design.
 *
 * The page is kept as UTF-8 bytes cut at each placeholder: a response is those bytes joined with
 * the new nonce, with no re-encoding of the whole page per view (that encoding was a tenth of
 * the server's time under load).
 */
export interface NonceTemplate {
  segments: Buffer[];
  byteLength: number;
}

export function nonceTemplate(html: string, placeholder: string): NonceTemplate {
  const segments = html.split(placeholder).map((part) => Buffer.from(part, "utf8"));
  return { segments, byteLength: segments.reduce((sum, part) => sum + part.length, 0) };
}

export function withNonce(template: NonceTemplate, nonce: string): Buffer {
  const nonceBytes = Buffer.from(nonce, "utf8");
  const parts: Buffer[] = [];
  template.segments.forEach((segment, index) => {
    if (index > 0) parts.push(nonceBytes);
    parts.push(segment);
  });
  return Buffer.concat(parts, template.byteLength + nonceBytes.length * (template.segments.length - 1));
}

/** Only pages whose every script carries the placeholder may be cached (a nonce-less script would be blocked). */
export function everyScriptHasNonce(html: string, placeholder: string): boolean {
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  return scripts.every((tag) => tag.includes(`nonce="${placeholder}"`));
}
