import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Database } from "@/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { InputRejectedError } from "@/lib/hostile-input/errors";
import { createActionDefiners, type ActionHolder } from "./define-action";
import { GENERIC_FAILURE_MESSAGE, SIGNED_OUT_MESSAGE } from "./result";

const holder: ActionHolder = { id: "holder-1", email: "nurse@example.org" };
const db = { name: "the process database" } as unknown as Database;

class RedirectSignal extends Error {}

function definers(current: ActionHolder | null = holder) {
  const logError = vi.fn();
  const rethrow = (error: unknown) => {
    if (error instanceof RedirectSignal) throw error;
  };
  return { ...createActionDefiners({ getHolder: async () => current, getDb: () => db, rethrow, logError }), logError };
}

const schema = z.object({ note: z.string().max(5, "Too long") }).strict();

describe("holderAction", () => {
  it("passes parsed input, the holder and the database to the handler", async () => {
    const { holderAction } = definers();
    const action = holderAction(schema, async (input, context) => ({
      echoed: input.note,
      by: context.holder.id,
      sameDb: context.db === db,
    }));
    expect(await action({ note: "hi" })).toEqual({ ok: true, data: { echoed: "hi", by: "holder-1", sameDb: true } });
  });

  it("refuses a signed-out caller before parsing or running anything", async () => {
    const { holderAction } = definers(null);
    const handler = vi.fn();
    const action = holderAction(schema, handler);
    expect(await action({ note: "hi" })).toEqual({ ok: false, code: "unauthenticated", message: SIGNED_OUT_MESSAGE });
    expect(handler).not.toHaveBeenCalled();
  });

  it("returns field errors for invalid input and rejects unknown keys (mass assignment)", async () => {
    const { holderAction } = definers();
    const handler = vi.fn();
    const action = holderAction(schema, handler);
    const tooLong = await action({ note: "far too long" });
    expect(tooLong).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { note: ["Too long"] } });
    const extra = await action({ note: "ok", holderId: "someone-else" });
    expect(extra).toMatchObject({ ok: false, code: "invalid_input" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("reads FormData, ignoring React's $ACTION fields and keeping repeated keys", async () => {
    const { holderAction } = definers();
    const action = holderAction(z.object({ tag: z.array(z.string()) }).strict(), async (input) => input.tag);
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("tag", "icu");
    form.append("tag", "nmc");
    expect(await action(form)).toEqual({ ok: true, data: ["icu", "nmc"] });
  });

  it("returns expected failures thrown as a DomainError, with their field errors", async () => {
    const { holderAction, logError } = definers();
    const notFound = holderAction(schema, async () => {
      throw new DomainError("not_found", "That credential was not found.");
    });
    expect(await notFound({ note: "x" })).toEqual({
      ok: false,
      code: "not_found",
      message: "That credential was not found.",
    });
    const taken = holderAction(schema, async () => {
      throw new DomainError("conflict", "You already have a collection called “ICU”.", {
        fieldErrors: { name: ["You already have a collection called “ICU”."] },
      });
    });
    expect(await taken({ note: "x" })).toEqual({
      ok: false,
      code: "conflict",
      message: "You already have a collection called “ICU”.",
      fieldErrors: { name: ["You already have a collection called “ICU”."] },
    });
    expect(logError).not.toHaveBeenCalled();
  });

  it("maps a domain module's own error (a DomainError subclass) the same way, once", async () => {
    const { holderAction } = definers();
    const action = holderAction(schema, async () => {
      throw new InputRejectedError("too_large", "This file is 51 MB; Tessera accepts up to 10 MB.");
    });
    expect(await action({ note: "x" })).toEqual({
      ok: false,
      code: "refused",
      message: "This file is 51 MB; Tessera accepts up to 10 MB.",
    });
  });

  it("hides unexpected errors behind a generic message and logs them", async () => {
    const { holderAction, logError } = definers();
    const action = holderAction(schema, async () => {
      throw new Error("relation users does not exist; password=hunter2");
    });
    const result = await action({ note: "x" });
    expect(result).toEqual({ ok: false, code: "internal", message: GENERIC_FAILURE_MESSAGE });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect(logError).toHaveBeenCalledOnce();
  });

  it("lets framework control flow such as redirects escape", async () => {
    const { holderAction } = definers();
    const action = holderAction(schema, async () => {
      throw new RedirectSignal("NEXT_REDIRECT");
    });
    await expect(action({ note: "x" })).rejects.toBeInstanceOf(RedirectSignal);
  });
});

describe("form actions (useActionState)", () => {
  it("take (previous state, form data) and answer like the plain action", async () => {
    const { holderFormAction, publicFormAction } = definers();
    const save = holderFormAction(schema, async (input, { holder: who }) => `${who.email}: ${input.note}`);
    const form = new FormData();
    form.append("note", "hi");
    expect(await save({ ok: false, code: "invalid_input", message: "earlier" }, form)).toEqual({
      ok: true,
      data: "nurse@example.org: hi",
    });
    const tooLong = new FormData();
    tooLong.append("note", "far too long");
    expect(await publicFormAction(schema, async () => "never")(null, tooLong)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { note: ["Too long"] },
    });
  });

  it("refuse a signed-out caller", async () => {
    const { holderFormAction } = definers(null);
    const form = new FormData();
    form.append("note", "hi");
    expect(await holderFormAction(schema, async () => "never")(null, form)).toEqual({
      ok: false,
      code: "unauthenticated",
      message: SIGNED_OUT_MESSAGE,
    });
  });
});

describe("publicAction", () => {
  it("runs without a holder but still validates", async () => {
    const { publicAction } = definers(null);
    const action = publicAction(schema, async (input) => input.note.toUpperCase());
    expect(await action({ note: "ok" })).toEqual({ ok: true, data: "OK" });
    expect(await action({})).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
