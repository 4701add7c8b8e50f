import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { shares } from "@/db/schema";
import { GENERIC_FAILURE_MESSAGE } from "@/lib/actions/result";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";

const session = vi.hoisted(() => ({
  db: undefined as unknown,
  holder: null as { id: string; email: string; name: string | null } | null,
  failCredentialRead: false,
}));
vi.mock("@/lib/runtime/database", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentHolder: async () => session.holder }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/credential-store/data", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/credential-store/data")>();
  return {
    ...original,
    getCredentialForHolder: (...args: Parameters<typeof original.getCredentialForHolder>) => {
      if (session.failCredentialRead) return Promise.reject(new Error("connection reset"));
      return original.getCredentialForHolder(...args);
    },
  };
});
vi.spyOn(console, "error").mockImplementation(() => undefined);

const { createShareAction } = await import("./actions");

describeEachDatabase("createShareAction", (ctx) => {
  beforeEach(() => {
    session.db = ctx().db;
    session.failCredentialRead = false;
  });

  it("when reading the credential fails, says nothing changed and made no link; a retry makes exactly one", async () => {
    const { db } = ctx();
    const holderId = await createTestHolder(db, `share-action-${Date.now()}@example.org`);
    session.holder = { id: holderId, email: "nurse@example.org", name: null };
    const credentialId = await storeTestCredential(db, holderId, { title: "Sepsis recognition" });
    const input = { scope: "credential", credentialId, expiry: 30 };

    session.failCredentialRead = true;
    expect(await createShareAction(input)).toEqual({ ok: false, code: "internal", message: GENERIC_FAILURE_MESSAGE });
    expect(await db.$count(shares, eq(shares.holderId, holderId))).toBe(0);

    session.failCredentialRead = false;
    const created = await createShareAction(input);
    expect(created).toMatchObject({ ok: true, data: { linkedInUrl: expect.stringContaining("linkedin.com") } });
    expect(await db.$count(shares, eq(shares.holderId, holderId))).toBe(1);
  });

  it("another holder's credential is not found, and no link is made", async () => {
    const { db } = ctx();
    const owner = await createTestHolder(db, `share-owner-${Date.now()}@example.org`);
    const intruder = await createTestHolder(db, `share-intruder-${Date.now()}@example.org`);
    const credentialId = await storeTestCredential(db, owner, { title: "Owner's badge" });
    session.holder = { id: intruder, email: "intruder@example.org", name: null };
    expect(await createShareAction({ scope: "credential", credentialId, expiry: 30 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.$count(shares, eq(shares.holderId, intruder))).toBe(0);
  });
});
