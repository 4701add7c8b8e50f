import { beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { InputRejectedError } from "@/lib/hostile-input/errors";

const session = vi.hoisted(() => ({ holder: null as { id: string; email: string; name: string | null } | null }));
const db = vi.hoisted(() => ({ name: "the process database" }));
vi.mock("@/lib/auth/session", () => ({ getCurrentHolder: async () => session.holder }));
vi.mock("@/lib/runtime/database", () => ({ getDb: () => db }));

const { holderRoute, publicRoute } = await import("./route");

const ORIGIN = "http://localhost:3000";
const own = (init: RequestInit = {}) =>
  new Request(`${ORIGIN}/api/x`, { ...init, headers: { origin: ORIGIN, "sec-fetch-site": "same-origin" } });

describe("the JSON route helper", () => {
  beforeEach(() => {
    session.holder = { id: "holder-1", email: "nurse@example.org", name: null };
  });

  it("hands the handler the holder, the database and the params", async () => {
    const route = holderRoute<{ id: string }>({ mutating: false }, async (_request, { holder, db: given, params }) =>
      Response.json({ holder: holder.id, sameDb: (given as unknown) === db, id: params.id }),
    );
    const response = await route(own(), { params: Promise.resolve({ id: "abc" }) });
    expect(await response.json()).toEqual({ holder: "holder-1", sameDb: true, id: "abc" });
  });

  it("refuses cross-site writes and downloads (403) and a missing session (401) before the handler runs", async () => {
    const handler = vi.fn(async () => new Response("ran"));
    const crossSite = new Request(`${ORIGIN}/api/x`, {
      method: "POST",
      headers: { origin: "https://evil.test", "sec-fetch-site": "cross-site" },
    });
    expect((await holderRoute({ mutating: true }, handler)(crossSite)).status).toBe(403);
    expect((await holderRoute({ mutating: false, download: true }, handler)(crossSite)).status).toBe(403);
    session.holder = null;
    const signedOut = await holderRoute({ mutating: false }, handler)(own());
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "Please sign in again." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a DomainError with its status, message, field errors and Retry-After, never cached", async () => {
    const throwing = (error: Error) => holderRoute({ mutating: false }, async () => Promise.reject(error))(own());
    const invalid = await throwing(new DomainError("invalid_input", "Check the date.", { fieldErrors: { on: ["x"] } }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: "Check the date.", fieldErrors: { on: ["x"] } });
    expect(invalid.headers.get("cache-control")).toBe("no-store");
    const limited = await throwing(new DomainError("rate_limited", "Too many.", { retryAfterSeconds: 9 }));
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "9"]);
    const refused = await throwing(new InputRejectedError("zip_bomb", "This archive expands too far."));
    expect([refused.status, (await refused.json()).error]).toEqual([422, "This archive expands too far."]);
  });

  it("lets anything else through to Next (a 500 that says nothing), for public routes too", async () => {
    const bug = new Error("relation users does not exist");
    await expect(holderRoute({ mutating: false }, async () => Promise.reject(bug))(own())).rejects.toBe(bug);
    await expect(publicRoute(async () => Promise.reject(bug))(own())).rejects.toBe(bug);
    const gone = await publicRoute(async () => Promise.reject(new DomainError("gone", "Revoked.")))(own());
    expect(gone.status).toBe(410);
  });
});
