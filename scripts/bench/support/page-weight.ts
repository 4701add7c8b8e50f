import zlib from "node:zlib";

/** Gzipped size as a server compressing at zlib's default level sends it (Next's `compress`), in bytes. */
export const gzipBytes = (body: string | Buffer) => zlib.gzipSync(body).length;

export interface PageWeight {
  html_bytes: number;
  html_gz_bytes: number;
  /** The inline React Server Components payload (`self.__next_f.push(…)` scripts): what the client hydrates from. */
  rsc_payload_bytes: number;
  /** First-load JavaScript: every script the HTML loads itself, gzipped, summed. */
  js_gz_bytes: number;
  js_files: number;
}

const KB = 1024;
export const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;

/**
 * The weight of one page as its first visit loads it: the HTML (as served, and gzipped), the inline
 * RSC payload within it, and the JavaScript files its <script src> tags load, each fetched and
 * gzipped here, so the figure does not depend on whether the server compressed it (`nomodule`
 * scripts are left out: browsers that run modules never fetch them). Prefetches a
 * page makes later (links in view) are not first-load JavaScript and are not counted.
 */
export async function measurePageWeight(url: string, headers: Record<string, string> = {}): Promise<PageWeight> {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${new URL(url).pathname}: status ${response.status}`);
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .filter((body) => body.includes("self.__next_f"));
  // A `nomodule` script (Next's polyfills) is never fetched by a browser that runs modules: not first-load JavaScript.
  const sources = [
    ...new Set(
      [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)]
        .filter((m) => !/\bnomodule\b/i.test(`${m[1]} ${m[3]}`))
        .map((m) => m[2]!.replace(/&amp;/g, "&")),
    ),
  ];
  let jsGz = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source, url), { headers, signal: AbortSignal.timeout(30_000) });
    if (!script.ok) throw new Error(`GET ${source}: status ${script.status}`);
    jsGz += gzipBytes(Buffer.from(await script.arrayBuffer()));
  }
  return {
    html_bytes: Buffer.byteLength(html),
    html_gz_bytes: gzipBytes(html),
    rsc_payload_bytes: inline.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
    js_gz_bytes: jsGz,
    js_files: sources.length,
  };
}
