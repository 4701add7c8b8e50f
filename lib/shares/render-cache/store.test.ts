import { describe, expect, it } from "vitest";
import { everyScriptHasNonce, nonceTemplate, withNonce } from "./nonce";
import { RenderCache } from "./store";

const page = (html: string) => ({ html, byteLength: html.length });

describe("RenderCache", () => {
  it("serves a page only under the same key and within the TTL", () => {
    const cache = new RenderCache<{ html: string; byteLength: number }>({ ttlMs: 1000 });
    cache.set("share-1", "k1", page("<p>one</p>"), 0);
    expect(cache.get("share-1", "k1", 999)?.html).toBe("<p>one</p>");
    expect(cache.get("share-1", "k2", 10)).toBeNull();
    // The changed key dropped the entry: the old key no longer answers either.
    expect(cache.get("share-1", "k1", 10)).toBeNull();
    cache.set("share-1", "k1", page("<p>one</p>"), 0);
    expect(cache.get("share-1", "k1", 1000)).toBeNull();
  });

  it("drops the oldest pages beyond its entry and byte bounds", () => {
    const cache = new RenderCache<{ html: string; byteLength: number }>({
      ttlMs: 10_000,
      maxEntries: 2,
      maxBytes: 100,
    });
    cache.set("a", "k", page("a"), 0);
    cache.set("b", "k", page("b"), 1);
    cache.set("c", "k", page("c"), 2);
    expect(cache.get("a", "k", 3)).toBeNull();
    expect(cache.get("c", "k", 3)?.html).toBe("c");
    cache.set("big", "k", page("x".repeat(80)), 4);
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    cache.set("huge", "k", page("x".repeat(500)), 5);
    expect(cache.get("huge", "k", 6)).toBeNull();
  });

  it("renders once for concurrent misses of the same page", async () => {
    const cache = new RenderCache<{ html: string; byteLength: number }>({ ttlMs: 1000 });
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return page("<p>shared</p>");
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.shared("s", "k", render)));
    expect(renders).toBe(1);
    expect(results.every((r) => r?.html === "<p>shared</p>")).toBe(true);
    await cache.shared("s", "k", render);
    expect(renders).toBe(2);
  });
});

describe("nonces in a cached page", () => {
  it("puts a fresh nonce wherever the placeholder was", () => {
    const html = '<script nonce="PH">é</script><script nonce="PH" src="/x.js"></script>';
    expect(withNonce(nonceTemplate(html, "PH"), "n2").toString("utf8")).toBe(
      '<script nonce="n2">é</script><script nonce="n2" src="/x.js"></script>',
    );
    expect(withNonce(nonceTemplate("no placeholder", "PH"), "n2").toString("utf8")).toBe("no placeholder");
  });

  it("refuses a page with a script that lacks the placeholder", () => {
    expect(everyScriptHasNonce('<script nonce="PH">a</script>', "PH")).toBe(true);
    expect(everyScriptHasNonce('<script nonce="PH">a</script><script>b</script>', "PH")).toBe(false);
  });
});
