import { Writable } from "node:stream";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { deleteHolderAccount } from "@/lib/holders/data";
import { logError } from "@/lib/observability/logger";
import { exportWallet } from "@/lib/wallet-archive/export";
import { restoreWallet } from "@/lib/wallet-archive/restore";
import { identitiesCommand } from "@/scripts/cli/identities-command";
import { describeEachDatabase } from "@/testkit/each-database";
import { holderSecretForms, leakedForms } from "@/testkit/identities/secret-forms";
import { collect } from "@/testkit/wallet-archive/archive-bytes";
import { storeTestCredential } from "@/testkit/wallet/test-credentials";
import { decryptSecret } from "./key-encryption";
import {
  getHolderSigningKey,
  getOrCreateWalletDid,
  rotateWalletDid,
  signJwtWithHolderKey,
  signWithHolderKey,
} from "./wallet-did";

/**
 * Issue 16: a wallet DID's private key never appears in the logs, an export without passphrase
 * or the CLI's `identities` output. Every log line the process writes (pino and the console) is
 * captured while the holder's DIDs are made, rotated, used to sign, exported, restored and listed,
 * then searched for every spelling of every key (testkit/identities/secret-forms.ts). Pages and
 * their RSC payloads: e2e/keys-never-leak.spec.ts.
 */

const captured = vi.hoisted(() => ({ text: [] as string[], db: undefined as unknown }));
vi.mock("@/lib/observability/logger", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/observability/logger")>();
  const log = actual.createLogger(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        captured.text.push(chunk.toString("utf8"));
        done();
      },
    }),
  );
  return {
    ...actual,
    logger: () => log,
    logError: (component: string, message: string, error?: unknown, fields: object = {}) =>
      log.error({ component, ...fields, ...(error === undefined ? {} : { err: error }) }, message),
    logWarning: (component: string, message: string, fields: object = {}) =>
      log.warn({ component, ...fields }, message),
  };
});
vi.mock("@/lib/runtime/database", () => ({ getDb: () => captured.db }));

let serial = 0;
const address = (label: string) => `${label}-${++serial}-${Date.now()}@leak.test`;

async function createHolder(db: Database, email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

describeEachDatabase("wallet DID keys never leak (issue 16)", (ctx) => {
  beforeEach(() => {
    captured.db = ctx().db;
    captured.text.length = 0;
  });

  it(
    "not in the logs, an export without passphrase, or the CLI's identities output",
    { timeout: 180_000 },
    async () => {
      const { db } = ctx();
      const console = ["log", "info", "warn", "error", "debug"].map((name) =>
        vi.spyOn(globalThis.console, name as "log").mockImplementation((...args: unknown[]) => {
          captured.text.push(
            args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : JSON.stringify(a))).join(" "),
          );
        }),
      );
      try {
        const email = address("amara");
        const holder = await createHolder(db, email);
        await getOrCreateWalletDid(db, holder);
        await signWithHolderKey(db, holder, new TextEncoder().encode("challenge"));
        await rotateWalletDid(db, holder);
        await signJwtWithHolderKey(db, holder, { nonce: "n-1" });
        await getHolderSigningKey(db, holder);
        await storeTestCredential(db, holder, { title: "Sepsis Recognition" });
        const forms = await holderSecretForms(db, holder);
        expect(forms.length).toBe(12);

        // A key that cannot be opened is reported, never quoted.
        const [jwe] = await db.query.holderDids.findMany({ where: (d, { eq }) => eq(d.holderId, holder) });
        await decryptSecret(jwe!.privateKeyJwe, new Uint8Array(32).fill(7)).catch((error: unknown) =>
          logError("test", "decrypt failed", error),
        );

        const plain = await collect((await exportWallet(db, holder)).stream);
        expect(leakedForms(plain.toString("latin1"), forms)).toEqual([]);
        const keyed = await collect(
          (await exportWallet(db, holder, { passphrase: "a long export passphrase" })).stream,
        );
        expect(leakedForms(keyed.toString("latin1"), forms)).toEqual([]);
        await expect(
          restoreWallet(db, await createHolder(db, address("wrong")), keyed, { passphrase: "not it at all" }),
        ).rejects.toThrow(/passphrase does not open/);
        expect(await deleteHolderAccount(db, holder, "/nonexistent-tessera-test-dir")).toBe(true);
        const target = await createHolder(db, email.replace("@", "+new@"));
        expect(
          (await restoreWallet(db, target, keyed, { passphrase: "a long export passphrase" })).identities.dids,
        ).toBe(2);

        const out: string[] = [];
        expect(
          await identitiesCommand.run(["--holder", email.replace("@", "+new@")], {
            db,
            dataDir: "/nonexistent-tessera-test-dir",
            out: (line) => out.push(line),
            err: (line) => out.push(line),
          }),
        ).toBe(0);
        expect(out.filter((line) => line.startsWith("did\t"))).toHaveLength(2);
        expect(leakedForms(out.join("\n"), forms)).toEqual([]);

        // The capture is live: the decrypt failure was logged through it.
        const logs = captured.text.join("\n");
        expect(logs).toContain("decrypt failed");
        expect(leakedForms(logs, forms)).toEqual([]);
      } finally {
        for (const spy of console) spy.mockRestore();
      }
    },
  );
});
