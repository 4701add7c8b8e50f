import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { installOfflineDefaultLoader } from "@/lib/verification/document-loader";
import { describeEachDatabase } from "@/testkit/each-database";
import { freePort } from "@/testkit/child-scripts";
import { markDraining } from "./lifecycle";
import { checkReadiness } from "./readiness";

describeEachDatabase("readiness", (ctx) => {
  it("is ready on a migrated database, and not while a migration is pending", async () => {
    installOfflineDefaultLoader();
    expect(await checkReadiness(ctx().db)).toEqual({
      ok: true,
      checks: { database: true, migrations: true, offlineDocumentLoader: true, accepting: true },
    });
    // As if this code shipped a migration the database has not had yet.
    const [last] = (
      await ctx().db.execute<{ id: number }>(
        sql`select id from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      )
    ).rows;
    await ctx().db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last!.id}`);
    expect(await checkReadiness(ctx().db)).toMatchObject({ ok: false, checks: { database: true, migrations: false } });
  });
});

it("is not ready when the database does not answer, nor once the process is shutting down", async () => {
  installOfflineDefaultLoader();
  const nowhere = createDatabase({ url: `postgresql://postgres@127.0.0.1:${await freePort()}/none` });
  try {
    expect(await checkReadiness(nowhere)).toMatchObject({ ok: false, checks: { database: false, migrations: false } });
  } finally {
    await nowhere.$client.end();
  }
  markDraining();
  expect(await checkReadiness(nowhere)).toMatchObject({ checks: { accepting: false } });
});
