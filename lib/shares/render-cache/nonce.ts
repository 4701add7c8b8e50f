/**
 * A cached page is rendered once with a placeholder nonce and served many times, each response
 * with a fresh nonce in its CSP header and in the page's script tags (a nonce reused across
 * responses would let an injected script learn it and run). The placeholder is random per
 * process, so it cannot occur in page text by chance or by an attacker's design.
 */
export function withNonce(html: string, placeholder: string, nonce: string): string {
  return html.split(placeholder).join(nonce);
}

/** Only pages whose every script carries the placeholder may be cached (a nonce-less script would be blocked). */
export function everyScriptHasNonce(html: string, placeholder: string): boolean {
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  return scripts.every((tag) => tag.includes(`nonce="${placeholder}"`));
}
