/**
 * The address our own HTTP server saw on the socket (scripts/start/http-server.ts sets it on every
 * request and overwrites whatever a client sent under this name). Next's own server only fills
 * `x-forwarded-for` with the socket address when a client did not send one, so that header alone
 * cannot tell a proxy's entry from a visitor's invention.
 */
export const PEER_ADDRESS_HEADER = "x-tessera-peer-address";

/**
 * The client address for per-client rate limits (docs/threat-model.md A5).
 *
 * - `trustedProxyHops` 0 (no proxy): only the socket's address counts; any `X-Forwarded-For` is
 *   the visitor's own claim and is ignored.
 * - N: each trusted proxy appends the address it saw, so the Nth entry from the right is the one
 *   our outermost trusted proxy saw. A chain shorter than N did not come through all N proxies
 *   (someone reached the instance directly), so the socket's address counts then too.
 *
 * Without our server in front (plain `next dev`) there is no socket address and every client
 * shares the one "unknown" allowance: stricter, never looser.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedProxyHops <= 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return chain.length >= trustedProxyHops ? chain[chain.length - trustedProxyHops]! : peer;
}
