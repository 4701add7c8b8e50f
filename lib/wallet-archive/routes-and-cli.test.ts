import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { exportCommand } from "@/scripts/cli/export-command";
import { restoreCommand } from "@/scripts/cli/restore-command";
import type { CliContext } from "@/scripts/cli/context";
import { EXPORTS_PER_MINUTE, RESTORES_PER_MINUTE } from "./format";
import { PASSPHRASE_HEADER, readBodyCapped } from "./http";
import { getOrCreateWalletDid, listWalletDids } from "@/lib/identities/wallet-did";
import { deleteHolderAccount } from "@/lib/holders/data";
import { sha256, unpack } from "@/testkit/wallet-archive/archive-bytes";

const session = vi.hoisted(() => ({
  db: undefined as unknown,
  holder: null as { id: string; email: string; name: string | null } | null,
}));
vi.mock("@/lib/runtime/database", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentHolder: async () => session.holder }));

const { GET: exportRoute, POST: exportWithPassphraseRoute } = await import("@/app/api/wallet/export/route");
const { POST: restoreRoute } = await import("@/app/api/wallet/restore/route");

const ORIGIN = "http://localhost:3000";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-portability-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let serial = 0;
const email = (label: string) => `${label}-${++serial}-${Date.now()}@routes.test`;

function cli(db: Database) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { db, dataDir: tmp, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { ctx, out, err };
}

const restoreRequest = (
  body: BodyInit,
  headers: Record<string, string> = { origin: ORIGIN, "content-type": "application/zip" },
) => new Request(`${ORIGIN}/api/wallet/restore`, { method: "POST", body, headers });

describeEachDatabase("wallet export and restore: route handlers and CLI", (ctx) => {
  let db: Database;
  beforeEach(() => {
    db = ctx().db;
    session.db = db;
    session.holder = null;
  });

  it("GET /api/wallet/export streams the signed-in holder's archive with its exact size, and nobody else's", async () => {
    const a = await createTestHolder(db, email("a"));
    await storeTestCredential(db, a, { title: "Holder A's badge" });
    const b = await createTestHolder(db, email("b"));
    await storeTestCredential(db, b, { title: "Holder B's badge" });

    expect((await exportRoute(new Request(`${ORIGIN}/api/wallet/export`))).status).toBe(401);
    session.holder = { id: b, email: "b@x", name: null };
    // A query string naming another holder changes nothing: the holder comes from the session.
    const response = await exportRoute(
      new Request(`${ORIGIN}/api/wallet/export?holder=${a}&holderId=${a}`, {
        headers: { "sec-fetch-site": "same-origin" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tessera-wallet-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(Number(response.headers.get("content-length")));
    const text = [...(await unpack(bytes)).values()].map((v) => v.toString("utf8")).join("\n");
    expect(text).toContain("Holder B's badge");
    expect(text).not.toContain("Holder A's badge");
  });

  it("refuses a cross-site export (docs/threat-model.md C2)", async () => {
    session.holder = { id: await createTestHolder(db, email("c2")), email: "c2@x", name: null };
    expect(
      (await exportRoute(new Request(`${ORIGIN}/api/wallet/export`, { headers: { "sec-fetch-site": "cross-site" } })))
        .status,
    ).toBe(403);
    expect(
      (await exportRoute(new Request(`${ORIGIN}/api/wallet/export`, { headers: { origin: "http://127.0.0.1:3001" } })))
        .status,
    ).toBe(403);
  });

  it("POST /api/wallet/restore restores into the session's empty wallet, refuses cross-site, wrong type, oversize and tampered uploads", async () => {
    const owner = await createTestHolder(db, email("owner"));
    await storeTestCredential(db, owner, { title: "Portable badge" });
    session.holder = { id: owner, email: "o@x", name: null };
    const archive = Buffer.from(await (await exportRoute(new Request(`${ORIGIN}/api/wallet/export`))).arrayBuffer());

    const target = await createTestHolder(db, email("target"));
    session.holder = { id: target, email: "t@x", name: null };
    const before = await holderSnapshot(db, target);
    expect(
      (await restoreRoute(restoreRequest(archive, { origin: "http://evil.test", "content-type": "application/zip" })))
        .status,
    ).toBe(403);
    expect(
      (
        await restoreRoute(
          restoreRequest(archive, { "sec-fetch-site": "cross-site", "content-type": "application/zip" }),
        )
      ).status,
    ).toBe(403);
    expect((await restoreRoute(restoreRequest(archive, { origin: ORIGIN, "content-type": "text/plain" }))).status).toBe(
      415,
    );
    const tampered = Buffer.from(archive);
    tampered[tampered.indexOf("Portable badge")] = "Q".charCodeAt(0);
    const refused = await restoreRoute(restoreRequest(tampered));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toMatch(/altered or damaged|checksum/);
    expect(await holderSnapshot(db, target)).toEqual(before);

    const restored = await restoreRoute(restoreRequest(archive));
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { message: string }).message).toMatch(/^Restored 1 credential, 0 collections/);
    expect(await db.$count(credentials, eq(credentials.holderId, target))).toBe(1);
    const again = await restoreRoute(restoreRequest(archive));
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: string }).error).toMatch(/already holds 1 credential\b/);

    session.holder = null;
    expect((await restoreRoute(restoreRequest(archive))).status).toBe(401);
  });

  it("POST /api/wallet/export with a passphrase carries the DID keys; restore takes the passphrase from its header", async () => {
    const ownerEmail = email("keys");
    const owner = await createTestHolder(db, ownerEmail);
    const did = await getOrCreateWalletDid(db, owner);
    session.holder = { id: owner, email: ownerEmail, name: null };
    const form = (passphrase: string, origin = ORIGIN) =>
      new Request(`${ORIGIN}/api/wallet/export`, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ passphrase }),
      });
    expect((await exportWithPassphraseRoute(form("long enough passphrase", "http://evil.test"))).status).toBe(403);
    const short = await exportWithPassphraseRoute(form("too short"));
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: string }).error).toMatch(/at least 12 characters/);
    const passphrase = "pässphrase for the keys ✓";
    const response = await exportWithPassphraseRoute(form(passphrase));
    expect(response.status).toBe(200);
    const archive = Buffer.from(await response.arrayBuffer());
    const wallet = JSON.parse((await unpack(archive)).get("wallet.json")!.toString("utf8")) as {
      identities: { didKeys: string | null };
    };
    expect(wallet.identities.didKeys).toMatch(/^eyJ/);

    expect(await deleteHolderAccount(db, owner, tmp)).toBe(true);
    const target = await createTestHolder(db, email("keys-target"));
    session.holder = { id: target, email: "t@x", name: null };
    const withHeader = (value: string) =>
      restoreRequest(archive, {
        origin: ORIGIN,
        "content-type": "application/zip",
        [PASSPHRASE_HEADER]: encodeURIComponent(value),
      });
    const wrong = await restoreRoute(withHeader("not the passphrase at all"));
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/passphrase does not open/);
    const restored = await restoreRoute(withHeader(passphrase));
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { message: string }).message).toMatch(/Restored 1 wallet DID with its key/);
    expect((await listWalletDids(db, target)).map((d) => d.did)).toEqual([did]);
  });

  it("npm run tessera -- export / restore --passphrase-file: the keys travel; a short passphrase is refused", async () => {
    const ownerEmail = email("cli-keys");
    const owner = await createTestHolder(db, ownerEmail);
    const did = await getOrCreateWalletDid(db, owner);
    const secret = path.join(tmp, `passphrase-${serial}.txt`);
    fs.writeFileSync(secret, "a passphrase from a file\n");
    const short = path.join(tmp, `short-${serial}.txt`);
    fs.writeFileSync(short, "short\n");
    const file = path.join(tmp, `keys-${serial}.zip`);
    const refused = cli(db);
    expect(
      await exportCommand.run(["--holder", ownerEmail, "--out", file, "--passphrase-file", short], refused.ctx),
    ).toBe(1);
    expect(refused.err.join("\n")).toMatch(/at least 12 characters/);
    const exported = cli(db);
    expect(
      await exportCommand.run(["--holder", ownerEmail, "--out", file, "--passphrase-file", secret], exported.ctx),
    ).toBe(0);
    expect(exported.out.join("\n")).toMatch(/1 wallet DIDs \(their keys encrypted under the passphrase/);

    expect(await deleteHolderAccount(db, owner, tmp)).toBe(true);
    const targetEmail = email("cli-keys-target");
    const target = await createTestHolder(db, targetEmail);
    const without = cli(db);
    expect(await restoreCommand.run(["--holder", targetEmail, file], without.ctx)).toBe(1);
    expect(without.err.join("\n")).toMatch(/protected by the passphrase/);
    const restored = cli(db);
    expect(await restoreCommand.run(["--holder", targetEmail, "--passphrase-file", secret, file], restored.ctx)).toBe(
      0,
    );
    expect((await listWalletDids(db, target)).map((d) => d.did)).toEqual([did]);
  });

  it("limits exports and restore attempts per holder per minute, with Retry-After", async () => {
    const holder = await createTestHolder(db, email("limits"));
    session.holder = { id: holder, email: "l@x", name: null };
    const exports = [];
    for (let i = 0; i < EXPORTS_PER_MINUTE + 1; i++) {
      const response = await exportRoute(
        new Request(`${ORIGIN}/api/wallet/export`, { headers: { "sec-fetch-site": "same-origin" } }),
      );
      // Cancelled like a download the browser stops: that must raise nothing after the stream closes.
      await response.body?.cancel();
      exports.push(response.status);
    }
    expect(exports).toEqual([...Array(EXPORTS_PER_MINUTE).fill(200), 429]);
    const restores = [];
    for (let i = 0; i < RESTORES_PER_MINUTE + 1; i++)
      restores.push(await restoreRoute(restoreRequest(new Uint8Array([0x50, 0x4b, 0x03]))));
    expect(restores.slice(0, RESTORES_PER_MINUTE).map((r) => r.status)).toEqual(Array(RESTORES_PER_MINUTE).fill(422));
    const limited = restores.at(-1)!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/Too many restore attempts/);
  });

  it("reads an upload only up to its cap, whatever Content-Length says", async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(`${ORIGIN}/x`, { method: "POST", body: stream, duplex: "half" } as RequestInit & {
      duplex: "half";
    });
    expect(await readBodyCapped(request, 10 * 1024)).toBeNull();
    expect(await readBodyCapped(new Request(`${ORIGIN}/x`, { method: "POST", body: "abc" }), 10)).toEqual(
      new TextEncoder().encode("abc"),
    );
  });

  it("npm run tessera -- export / restore: round trip through files, with clear refusals", async () => {
    const owner = await createTestHolder(db, email("cli-owner"));
    await storeTestCredential(db, owner, { title: "CLI badge", hours: 3 });
    const ownerEmail = (await db.query.users.findFirst({ where: (u, { eq: is }) => is(u.id, owner) }))!.email;
    const file = path.join(tmp, `wallet-${serial}.zip`);
    const exported = cli(db);
    expect(await exportCommand.run(["--holder", ownerEmail.toUpperCase(), "--out", file], exported.ctx)).toBe(0);
    expect(exported.out.join("\n")).toMatch(/Exported 1 credentials, 0 collections/);
    const entries = await unpack(fs.readFileSync(file));
    for (const [name, data] of entries) if (name.startsWith("originals/")) expect(sha256(data)).toBe(name.slice(10));

    const targetEmail = email("cli-target");
    await createTestHolder(db, targetEmail);
    const restored = cli(db);
    expect(await restoreCommand.run(["--holder", targetEmail, file], restored.ctx)).toBe(0);
    expect(restored.out.join("\n")).toMatch(/^Restored 1 credential/);
    const twice = cli(db);
    expect(await restoreCommand.run(["--holder", targetEmail, file], twice.ctx)).toBe(1);
    expect(twice.err.join("\n")).toMatch(/already holds 1 credential/);

    const truncated = path.join(tmp, `truncated-${serial}.zip`);
    fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, 200));
    const fresh = email("cli-fresh");
    await createTestHolder(db, fresh);
    const bad = cli(db);
    expect(await restoreCommand.run(["--holder", fresh, truncated], bad.ctx)).toBe(1);
    expect(bad.err.join("\n")).toMatch(/damaged or is not a zip archive/);

    expect(await exportCommand.run([], cli(db).ctx)).toBe(2);
    expect(await exportCommand.run(["--holder", "nobody@nowhere.test"], cli(db).ctx)).toBe(1);
    expect(await restoreCommand.run(["--holder", fresh], cli(db).ctx)).toBe(2);
    expect(await restoreCommand.run(["--holder", fresh, path.join(tmp, "missing.zip")], cli(db).ctx)).toBe(1);
    // The export refuses to overwrite an existing file rather than clobber it.
    const clobber = cli(db);
    expect(await exportCommand.run(["--holder", ownerEmail, "--out", file], clobber.ctx)).toBe(1);
    expect(clobber.err.join("\n")).toMatch(/already exists/);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });
});
