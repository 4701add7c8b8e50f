import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/testkit/each-database";
import { openAnotherInstance } from "@/testkit/test-database";
import { consumeFrom, createSignInLimiters, tooManyRequestsMessage } from "./rate-limit";

describeEachDatabase("sign-in rate limits", (ctx) => {
  it("limits one address after N emails without affecting other addresses (docs/threat-model.md A5)", async () => {
    const limiters = createSignInLimiters(ctx().db, { perEmail: 3, perIp: 1000 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeFrom(limiters, "flood@example.org", `198.51.100.${i}`));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results[3]).toMatchObject({ ok: false });
    expect(await consumeFrom(limiters, "other@example.org", "198.51.100.9")).toEqual({ ok: true });
  });

  it("limits one client across many addresses", async () => {
    const limiters = createSignInLimiters(ctx().db, { perEmail: 100, perIp: 4 });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await consumeFrom(limiters, `user${i}@example.org`, "203.0.113.50"));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    const refused = results[5];
    expect(refused?.ok).toBe(false);
    if (refused && !refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("shares one allowance between server instances on one database, also when they race (ADR 0027)", async () => {
    const other = openAnotherInstance(ctx());
    try {
      const a = createSignInLimiters(ctx().db, { perEmail: 1000, perIp: 6 });
      const b = createSignInLimiters(other, { perEmail: 1000, perIp: 6 });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => consumeFrom(i % 2 ? a : b, `racer${i}@example.org`, "203.0.113.77")),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(6);
      expect(await consumeFrom(a, "late@example.org", "203.0.113.77")).toMatchObject({ ok: false });
      expect(await consumeFrom(b, "late@example.org", "203.0.113.78")).toEqual({ ok: true });
    } finally {
      await other.$client.end();
    }
  });

  it("keeps its counters in an unlogged table (migration 0007: no write-ahead log per request)", async () => {
    const result = await ctx().db.execute(sql`select relpersistence from pg_class where relname = 'rate_limits'`);
    expect(result.rows).toEqual([{ relpersistence: "u" }]);
  });
});

it("tells people how long to wait", () => {
  expect(tooManyRequestsMessage(30)).toMatch(/wait 1 minute and/);
  expect(tooManyRequestsMessage(600)).toMatch(/wait 10 minutes/);
});
