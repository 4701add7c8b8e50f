import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { describeEachDatabase } from "@/testkit/each-database";
import { createBatchedLimiter } from "./batched-limit";

/** What the shared row says this client has spent (rate-limiter-flexible keys rows as `<prefix>:<key>`). */
async function spentInDatabase(db: Database, name: string, key: string): Promise<number> {
  const { rows } = await db.execute<{ points: number }>(
    sql`select points from rate_limits where key = ${`${name}:${key}`}`,
  );
  return Number(rows[0]?.points ?? 0);
}

describeEachDatabase("a per-client allowance written in batches (docs/threat-model.md F2, issue 21)", (ctx) => {
  it("writes a client's first request at once and the rest of a burst in one later write", async () => {
    const db = ctx().db;
    const limiter = createBatchedLimiter(
      db,
      { name: "batch-burst", points: 100, durationSeconds: 60 },
      { syncMs: 60_000 },
    );
    for (let i = 0; i < 10; i++) expect(await limiter.consume("client-a")).toEqual({ ok: true });
    expect(await spentInDatabase(db, "batch-burst", "client-a")).toBe(1);
    await limiter.flush();
    expect(await spentInDatabase(db, "batch-burst", "client-a")).toBe(10);
  });

  it("refuses past the allowance without writing, with the seconds left in the window", async () => {
    const db = ctx().db;
    const limiter = createBatchedLimiter(
      db,
      { name: "batch-over", points: 3, durationSeconds: 60 },
      { syncMs: 60_000 },
    );
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await limiter.consume("client-b"));
    expect(answers.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    for (const refused of answers.slice(3)) {
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    await limiter.flush();
    expect(await spentInDatabase(db, "batch-over", "client-b")).toBe(3);
    // Another client has its own allowance.
    expect(await limiter.consume("client-c")).toEqual({ ok: true });
  });

  it("shares the allowance with other processes through the database: what one wrote, the other's next write brings back", async () => {
    const db = ctx().db;
    const options = { name: "batch-shared", points: 4, durationSeconds: 60 };
    const first = createBatchedLimiter(db, options, { syncMs: 60_000 });
    const second = createBatchedLimiter(db, options, { syncMs: 60_000 });
    for (let i = 0; i < 3; i++) expect(await first.consume("client-d")).toEqual({ ok: true });
    await first.flush();
    // The second process's first request goes to the database, which has 3 spent: 4 is the last one allowed.
    expect(await second.consume("client-d")).toEqual({ ok: true });
    expect((await second.consume("client-d")).ok).toBe(false);
    await second.flush();
    expect(await spentInDatabase(db, "batch-shared", "client-d")).toBe(4);
  });

  it("writes every request when syncMs is 0", async () => {
    const db = ctx().db;
    const limiter = createBatchedLimiter(db, { name: "batch-none", points: 10, durationSeconds: 60 }, { syncMs: 0 });
    for (let i = 0; i < 4; i++) await limiter.consume("client-e");
    expect(await spentInDatabase(db, "batch-none", "client-e")).toBe(4);
  });
});
