/**
 * The client address for rate limiting. Next's server fills `x-forwarded-for` with the socket
 * address only when the header is absent, so the value is only as trustworthy as the proxies in
 * front of us: with TRUSTED_PROXY_HOPS=N we take the Nth entry from the right (the address our
 * outermost trusted proxy saw). With 0 (no proxy) a client can claim any address, which is why
 * the per-email limit never depends on this value.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const index = Math.max(chain.length - 1 - Math.max(trustedProxyHops - 1, 0), 0);
  return chain[index] ?? "unknown";
}
