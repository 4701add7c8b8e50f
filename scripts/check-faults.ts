/**
 * `npm run check:faults`: Tessera as production runs it (the standalone bundle, two instances,
 * deploy/haproxy.cfg in front, a PostgreSQL cluster of its own on a random loopback port), then
 * faults (docs/threat-model.md H2, H3 and the two-instance cases):
 *
 * - a share link revoked while both instances serve it answers 410 from the other instance
 *   within 1 s, directly and through the load balancer;
 * - a bulk import claimed by one instance is not run by the other while its lease lives; the
 *   claiming instance is killed (SIGKILL) mid-job; the other takes the job over when the lease
 *   runs out and finishes it: exact item count, no item twice, no orphan credential;
 * - H2: a 500-item import while the PostgreSQL server restarts and, later, every app connection
 *   is ended with pg_terminate_backend: the job completes with the same guarantees;
 * - SIGTERM of the last instance gives its job back at once (no lease left behind).
 *
 *   npm run build && npm run check:faults [-- --items 500]
 *
 * Prints figures; the last line is one JSON object with `ok`.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { sql } from "drizzle-orm";
import yazl from "yazl";
import { createDatabase, type Database } from "@/db/client";
import { users } from "@/db/schema";
import { createImportJob } from "@/lib/import/jobs";
import { createShare, revokeShare } from "@/lib/shares/data";
import { sharePagePath } from "@/lib/shares/paths";
import { createEd25519Issuer, issueOpenBadge, type TestIssuer } from "@/test-issuer";
import { startInstance, migrate, requireBundle, sharedSettings, type Instance } from "./faults/instances";
import { startLoadBalancer } from "./faults/load-balancer";
import { startThrowawayCluster } from "./faults/postgres-cluster";

const LEASE_SECONDS = 3;
const PORTS = { balancer: 3410, a: 3411, b: 3412 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const checks: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail: string): void {
  checks.push({ name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
}

async function zipOf(issuer: TestIssuer, count: number, label: string): Promise<Uint8Array> {
  const archive = new yazl.ZipFile();
  for (let i = 0; i < count; i++) {
    const badge = await issueOpenBadge(issuer, { achievement: { name: `${label} module ${i + 1}` } });
    archive.addBuffer(Buffer.from(JSON.stringify(badge)), `${label}-${i + 1}.json`);
  }
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function newHolder(db: Database, email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

/** Queries that ride out a database restart: retried until they answer. */
async function query<T extends Record<string, unknown>>(db: Database, text: ReturnType<typeof sql>): Promise<T[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await db.execute(text)).rows as T[];
    } catch (error) {
      if (attempt > 100) throw error;
      await sleep(200);
    }
  }
}

interface JobState extends Record<string, unknown> {
  status: string;
  total: number;
  processed: number;
  lease_owner: string | null;
  attempts: number;
}

const jobState = async (db: Database, importJobId: string) =>
  (
    await query<JobState>(
      db,
      sql`select i.status, i.total, i.processed, b.lease_owner, b.attempts
          from import_jobs i join background_jobs b on b.key = 'import:' || i.id::text where i.id = ${importJobId}`,
    )
  )[0]!;

const ownedBy = (owner: string | null, instance: Instance) => owner?.includes(`:${instance.pid}:`) ?? false;

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Exact count, nothing twice, no orphans: the consistency query of H2 and H3. */
async function consistency(db: Database, importJobId: string, holderId: string, expected: number) {
  const [row] = await query<{
    items: number;
    positions: number;
    imported: number;
    credentials: number;
    unreported: number;
    sources: number;
  }>(
    db,
    sql`select
      (select count(*)::int from import_job_items where job_id = ${importJobId}) as items,
      (select count(distinct position)::int from import_job_items where job_id = ${importJobId}) as positions,
      (select count(*)::int from import_job_items where job_id = ${importJobId} and outcome = 'imported') as imported,
      (select count(*)::int from credentials where holder_id = ${holderId}) as credentials,
      (select count(*)::int from credentials c where c.holder_id = ${holderId} and not exists
         (select 1 from import_job_items i where i.job_id = ${importJobId} and i.credential_id = c.id)) as unreported,
      (select count(*)::int from import_job_sources where job_id = ${importJobId}) as sources`,
  );
  const ok =
    row!.items === expected &&
    row!.positions === expected &&
    row!.imported === expected &&
    row!.credentials === expected &&
    row!.unreported === 0 &&
    row!.sources === 0;
  return { ok, ...row! };
}

async function main(): Promise<void> {
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  requireBundle();
  const items = argument("items", 500);
  const started = performance.now();
  const cluster = await startThrowawayCluster();
  const instances: Instance[] = [];
  let balancer: Awaited<ReturnType<typeof startLoadBalancer>> | null = null;
  let db: Database | null = null;
  const figures: Record<string, number> = {};
  try {
    cluster.createDatabase("tessera");
    const url = cluster.url("tessera");
    migrate(url);
    db = createDatabase({ url, max: 2 });
    db.$client.on("error", () => undefined);
    const settings = {
      ...sharedSettings(url, `http://localhost:${PORTS.balancer}`),
      JOB_LEASE_SECONDS: String(LEASE_SECONDS),
    };
    const [a, b] = await Promise.all([startInstance("a", PORTS.a, settings), startInstance("b", PORTS.b, settings)]);
    instances.push(a!, b!);
    balancer = await startLoadBalancer(PORTS.balancer, [PORTS.a, PORTS.b]);
    const issuer = await createEd25519Issuer();

    // 1. Revocation seen by the other instance.
    const sharer = await newHolder(db, "sharer@example.org");
    const jobForShare = await createImportJob(db, sharer, "upload", [
      { name: "one.zip", bytes: await zipOf(issuer, 1, "Shared") },
    ]);
    await waitFor(
      "the shared credential's import",
      async () => (await jobState(db!, jobForShare)).status === "done",
      60_000,
    );
    const [credential] = await query<{ id: string }>(db, sql`select id from credentials where holder_id = ${sharer}`);
    const created = (await createShare(db, sharer, { scope: "credential", credentialId: credential!.id, expiry: 30 }))!;
    const path = sharePagePath(created.token);
    const status = (base: string) => fetch(`${base}${path}`).then((r) => r.status);
    const before = [await status(a!.url), await status(b!.url), await status(balancer.url)];
    const revokedAt = performance.now();
    await revokeShare(db, sharer, created.share.id);
    await waitFor("410 from instance B", async () => (await status(b!.url)) === 410, 5_000);
    figures.revocationMs = Math.round(performance.now() - revokedAt);
    const after = [await status(a!.url), await status(balancer.url), await status(balancer.url)];
    check(
      "revoked share answers 410 from the other instance within 1 s",
      before.every((s) => s === 200) && figures.revocationMs <= 1000 && after.every((s) => s === 410),
      `before ${before.join("/")}, B answered 410 after ${figures.revocationMs} ms, then A/balancer ${after.join("/")}`,
    );

    // 2. One claim at a time; the claimer killed mid-job; the other finishes.
    const killItems = Math.min(items, 200);
    const holderKill = await newHolder(db, "kill@example.org");
    const killJob = await createImportJob(db, holderKill, "upload", [
      { name: "batch.zip", bytes: await zipOf(issuer, killItems, "Kill") },
    ]);
    const claimed = await waitFor("a claim", async () => (await jobState(db!, killJob)).lease_owner, 30_000);
    const claimer = ownedBy(claimed, a!) ? a! : b!;
    const other = claimer === a ? b! : a!;
    let foreignClaims = 0;
    await waitFor(
      "items before the kill",
      async () => {
        const state = await jobState(db!, killJob);
        if (state.lease_owner && !ownedBy(state.lease_owner, claimer)) foreignClaims += 1;
        return state.processed >= Math.min(40, killItems / 4);
      },
      120_000,
    );
    claimer.kill();
    await claimer.exited;
    const atKill = await jobState(db, killJob);
    const killedAt = performance.now();
    await waitFor("the takeover", async () => ownedBy((await jobState(db!, killJob)).lease_owner, other), 30_000);
    figures.takeoverMs = Math.round(performance.now() - killedAt);
    await waitFor("the job to finish", async () => (await jobState(db!, killJob)).status === "done", 300_000);
    const killState = await jobState(db, killJob);
    const killConsistency = await consistency(db, killJob, holderKill, killItems);
    check(
      "a job claimed by one instance is not run by the other",
      foreignClaims === 0,
      `claimed by instance ${claimer.name}; ${foreignClaims} samples saw another claim before the kill`,
    );
    check(
      "killing the claiming instance mid-job: the other finishes it, every item once, no orphans",
      killConsistency.ok && killState.attempts === 2,
      `killed at ${atKill.processed}/${killItems}, taken over after ${figures.takeoverMs} ms (lease ${LEASE_SECONDS} s), ` +
        `${JSON.stringify(killConsistency)}, attempts ${killState.attempts}`,
    );

    // 3. H2: the database restarts, then every app connection is ended, during a 500-item import.
    const holderRestart = await newHolder(db, "restart@example.org");
    const restartJob = await createImportJob(db, holderRestart, "upload", [
      { name: "big.zip", bytes: await zipOf(issuer, items, "Restart") },
    ]);
    const h2Started = performance.now();
    await waitFor(
      "progress before the restart",
      async () => (await jobState(db!, restartJob)).processed >= items / 5,
      300_000,
    );
    const restartAt = (await jobState(db, restartJob)).processed;
    cluster.restart();
    await waitFor(
      "progress before ending connections",
      async () => (await jobState(db!, restartJob)).processed >= (items * 3) / 5,
      300_000,
    );
    const terminator = new pg.Client({ connectionString: url });
    await terminator.connect();
    const ended = await terminator.query(
      "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = 'tessera' and pid <> pg_backend_pid() and application_name = ''",
    );
    const terminateAt = (await jobState(db, restartJob)).processed;
    await terminator.end();
    await waitFor("the job to finish", async () => (await jobState(db!, restartJob)).status === "done", 600_000);
    figures.h2Seconds = Math.round((performance.now() - h2Started) / 100) / 10;
    const restartConsistency = await consistency(db, restartJob, holderRestart, items);
    check(
      "H2: PostgreSQL restart and pg_terminate_backend during a bulk import",
      restartConsistency.ok,
      `restart at ${restartAt}/${items}, ${ended.rows[0].n} connections ended at ${terminateAt}/${items}, ` +
        `done in ${figures.h2Seconds} s, ${JSON.stringify(restartConsistency)}`,
    );

    // 4. SIGTERM mid-job: the job is given back at once, not left to its lease.
    const holderStop = await newHolder(db, "stop@example.org");
    const stopJob = await createImportJob(db, holderStop, "upload", [
      { name: "stop.zip", bytes: await zipOf(issuer, Math.min(items, 200), "Stop") },
    ]);
    await waitFor("progress before SIGTERM", async () => (await jobState(db!, stopJob)).processed >= 10, 120_000);
    const stopStarted = performance.now();
    await other.stop();
    figures.sigtermExitMs = Math.round(performance.now() - stopStarted);
    const given = await jobState(db, stopJob);
    check(
      "SIGTERM mid-job: the instance exits within its grace period and gives the job back",
      figures.sigtermExitMs < 10_000 && given.lease_owner === null && given.status !== "done",
      `exited after ${figures.sigtermExitMs} ms at ${given.processed} items; lease ${given.lease_owner ?? "released"}`,
    );
  } catch (error) {
    check("the run itself", false, error instanceof Error ? error.message : String(error));
  } finally {
    await balancer?.stop().catch(() => undefined);
    for (const instance of instances) {
      instance.kill();
      await instance.stop().catch(() => undefined);
    }
    await db?.$client.end().catch(() => undefined);
    cluster.stop();
  }
  const ok = checks.length > 0 && checks.every((c) => c.ok);
  figures.totalSeconds = Math.round((performance.now() - started) / 1000);
  console.log(
    JSON.stringify({
      ok,
      items,
      leaseSeconds: LEASE_SECONDS,
      ...figures,
      checks: checks.map((c) => ({ name: c.name, ok: c.ok })),
    }),
  );
  process.exit(ok ? 0 : 1);
}

void main();
