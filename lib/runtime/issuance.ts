import "server-only";
import { setGlobalConfig } from "@openid4vc/openid4vci";
import { env } from "@/lib/env";
import type { FetchLike } from "@/lib/net";
import { serverFetch } from "./fetch";
import { remember } from "./remember";

/**
 * The fetcher for "Add from an issuer". The OpenID4VCI library refuses plain http URLs unless its
 * global `allowInsecureUrls` is set (ADR 0029); it is set only when the test-only loopback issuer
 * allowance is on, which lib/env refuses unless this server's own origin is localhost. lib/net
 * still opens plain http to that one loopback port only.
 */
export function issuanceFetch(): FetchLike {
  if (env.testLoopbackIssuerPort)
    remember("openid4vci-loopback-http", () => {
      setGlobalConfig({ allowInsecureUrls: true });
      return true;
    });
  return serverFetch();
}
