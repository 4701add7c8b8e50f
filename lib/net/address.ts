import ipaddr from "ipaddr.js";
import { FetchRefusedError } from "./errors";

/**
 * TEST ONLY: lets `http://127.0.0.1:<port>` and `http://localhost:<port>` play a public issuer.
 * Production code must never pass it; the app wires it to a test flag that lib/env.ts rejects
 * when NODE_ENV=production.
 */
export interface LoopbackAllowance {
  port: number;
}

export interface CheckedTarget {
  url: URL;
  /** The host as the socket layer sees it: lower case, IPv6 without brackets. */
  host: string;
  /** The one address to connect to when no DNS lookup is needed (IP literal, loopback allowance). */
  pinned?: string;
}

const IPV4_COMPATIBLE = ipaddr.IPv6.parse("::");

/** True only for public unicast addresses; everything ipaddr.js classifies otherwise is refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() unmaps ::ffff:a.b.c.d, so mapped loopback/private addresses are classified as IPv4.
  const parsed = ipaddr.process(address);
  if (parsed.range() !== "unicast") return false;
  // Deprecated IPv4-compatible ::a.b.c.d is "unicast" to ipaddr.js but embeds IPv4 space.
  if (parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE, 96)) return false;
  return true;
}

// RFC 6761/6762/8375 and common internal-only suffixes; single-label names hit resolver search lists.
const PRIVATE_SUFFIXES = ["localhost", "local", "internal", "home.arpa", "localdomain", "lan"];

function isPrivateName(host: string): boolean {
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  if (!name.includes(".")) return true;
  return PRIVATE_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

function stripBrackets(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

function isAllowedLoopback(url: URL, allowance: LoopbackAllowance | undefined): boolean {
  return (
    allowance !== undefined &&
    url.protocol === "http:" &&
    (url.hostname === "127.0.0.1" || url.hostname === "localhost") &&
    url.port === String(allowance.port)
  );
}

/**
 * Validates a URL before any I/O. The WHATWG parser canonicalises odd IPv4 forms (127.1,
 * 2130706433, 0x7f000001, 0177.0.0.1) to dotted decimal, so ipaddr.js sees one form only.
 */
export function checkTarget(raw: string, allowance?: LoopbackAllowance): CheckedTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError("invalid_url");
  }
  if (url.username !== "" || url.password !== "") throw new FetchRefusedError("credentials");
  if (isAllowedLoopback(url, allowance)) return { url, host: url.hostname, pinned: "127.0.0.1" };
  if (url.protocol !== "https:") throw new FetchRefusedError("scheme");
  if (url.port !== "") throw new FetchRefusedError("port");

  const host = stripBrackets(url.hostname).toLowerCase();
  if (ipaddr.isValid(host)) {
    if (!isPublicAddress(host)) throw new FetchRefusedError("private_address");
    return { url, host, pinned: host };
  }
  if (isPrivateName(host)) {
    throw new FetchRefusedError("private_address", {
      message: "That name only works inside a private network, so Tessera will not fetch it.",
    });
  }
  return { url, host };
}

/** The canonical form used as the key of the document bundle and the cache. */
export function normalizeHref(raw: string): string | undefined {
  try {
    return new URL(raw).href;
  } catch {
    return undefined;
  }
}
