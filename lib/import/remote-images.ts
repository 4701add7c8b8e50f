import "server-only";
import { credentialImages } from "@/db/schema";
import type { Database } from "@/db/client";
import { rasterizeBadgeImage, type RasterizedImage } from "@/lib/hostile-input/image";
import type { ImportDeps } from "./pipeline";

export interface PendingImage {
  credentialId: string;
  url: string;
}

const CONCURRENCY = 4;

/**
 * Fetches the https images credentials link to, after their import has finished, through the
 * guarded fetcher; each distinct URL once (a bulk import often repeats one issuer image). A
 * failure only means the card shows the placeholder.
 */
export async function attachRemoteImages(db: Database, pending: PendingImage[], deps: ImportDeps): Promise<number> {
  const byUrl = new Map<string, Promise<RasterizedImage | null>>();
  const load = (url: string) => {
    if (!byUrl.has(url)) {
      byUrl.set(
        url,
        deps
          .fetch(url, { accept: "image/png, image/svg+xml, image/*" })
          .then((response) => rasterizeBadgeImage(response.body, response.headers["content-type"]))
          .catch(() => null),
      );
    }
    return byUrl.get(url)!;
  };
  let attached = 0;
  const queue = [...pending];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const image = await load(next.url);
      if (!image) continue;
      await db
        .insert(credentialImages)
        .values({ credentialId: next.credentialId, png: image.png, width: image.width, height: image.height })
        .onConflictDoNothing();
      attached += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return attached;
}
