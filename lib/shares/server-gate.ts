import "server-only";
import { getDb } from "@/db";
import { serverNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { createShareGate, type ShareGate } from "./gate";
import { createShareViewLimiter } from "./view-limit";

const globalForGate = globalThis as unknown as { tesseraShareGate?: ShareGate };

/** The gate of this server process (proxy.ts loads it for /v paths only). */
export function gateShareRequest(...args: Parameters<ShareGate>): ReturnType<ShareGate> {
  globalForGate.tesseraShareGate ??= createShareGate({
    db: getDb(),
    limiter: createShareViewLimiter(getDb(), { perMinute: env.shareViewLimitPerMinute, secret: env.authSecret }),
    trustedProxyHops: env.trustedProxyHops,
  });
  const [request, pathname, now = serverNow(), options] = args;
  return globalForGate.tesseraShareGate(request, pathname, now, options);
}

export { internalRenderNonce, cacheablePage, isInternalRender, sharePageFromCache } from "./render-cache/serve";
