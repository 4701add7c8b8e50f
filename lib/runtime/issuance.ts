import "server-only";
import { setGlobalConfig } from "@openid4vc/openid4vci";
import { env } from "@/lib/env";
import type { FetchLike } from "@/lib/net";
import { serverFetch } from "./fetch";

/**
 * The fetcher for "Add from an issuer". The OpenID4VCI library refuses plain http URLs unless its
 * global `allowInsecureUrls` is set (ADR 0029); it is set only when the test-only loopback issuer
 * allowance is on, which lib/env refuses unless this server's own origin is localhost. lib/net
 * still opens plain http to that one loopback port only. It is set on every call, not once per
 * process: Next bundles the library once per layer (server actions, route handlers), each copy
 * with a global config of its own, so setting it once left the sign-in callback's copy refusing
 * the loopback issuer.
 */
export function issuanceFetch(): FetchLike {
  if (env.testLoopbackIssuerPort) setGlobalConfig({ allowInsecureUrls: true });
  return serverFetch();
}
