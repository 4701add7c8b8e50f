import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/runtime/database";
import { serverFetch } from "@/lib/runtime/fetch";
import { serverNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { getSharedDownload } from "@/lib/shares/downloads";
import { liveRefresh } from "@/lib/shares/live-verify";
import { resolveShare, resolveSharedCredential } from "@/lib/shares/resolve";

/**
 * One resolution per request, shared by the page and its metadata. Stale verification results
 * are re-checked first (live-verify.ts), so what the page says is as of now.
 */
function refresher(now: Date) {
  return liveRefresh(getDb(), { maxAgeMinutes: env.verifyMaxAgeMinutes, fetch: serverFetch(), now });
}

export const loadShare = cache(async (token: string) => {
  const now = serverNow();
  return { now, resolution: await resolveShare(getDb(), token, now, { refresh: refresher(now) }) };
});

export const loadSharedCredential = cache(async (token: string, credentialId: string) => {
  const now = serverNow();
  const resolution = await resolveSharedCredential(getDb(), token, credentialId, now, { refresh: refresher(now) });
  const download = resolution.status === "ok" ? await getSharedDownload(getDb(), token, credentialId, now) : null;
  return { now, resolution, download: download?.status === "ok" ? download.download : null };
});
