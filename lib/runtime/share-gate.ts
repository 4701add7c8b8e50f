import "server-only";
import { serverNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { createShareGate, type ShareGate } from "@/lib/shares/gate";
import { createShareViewLimiter } from "@/lib/shares/view-limit";
import { getDb } from "./database";
import { remember } from "./remember";

/** The share-link gate of this server process (proxy.ts loads it for /v paths only). */
export function gateShareRequest(...args: Parameters<ShareGate>): ReturnType<ShareGate> {
  const gate = remember("share-gate", () =>
    createShareGate({
      db: getDb(),
      limiter: createShareViewLimiter(getDb(), { perMinute: env.shareViewLimitPerMinute, secret: env.authSecret }),
      trustedProxyHops: env.trustedProxyHops,
    }),
  );
  const [request, pathname, now = serverNow(), options] = args;
  return gate(request, pathname, now, options);
}

export {
  internalRenderNonce,
  cacheablePage,
  isInternalRender,
  sharePageFromCache,
} from "@/lib/shares/render-cache/serve";
