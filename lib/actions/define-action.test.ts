import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createActionDefiners, type ActionHolder } from "./define-action";
import { ActionError, GENERIC_FAILURE_MESSAGE, SIGNED_OUT_MESSAGE } from "./result";

const holder: ActionHolder = { id: "holder-1", email: "nurse@example.org" };

class RedirectSignal extends Error {}

function definers(current: ActionHolder | null = holder) {
  const logError = vi.fn();
  const rethrow = (error: unknown) => {
    if (error instanceof RedirectSignal) throw error;
  };
  return { ...createActionDefiners({ getHolder: async () => current, rethrow, logError }), logError };
}

const schema = z.object({ note: z.string().max(5, "Too long") }).strict();

describe("holderAction", () => {
  it("passes parsed input and the holder to the handler", async () => {
    const { holderAction } = definers();
    const action = holderAction(schema, async (input, who) => ({ echoed: input.note, by: who.id }));
    expect(await action({ note: "hi" })).toEqual({ ok: true, data: { echoed: "hi", by: "holder-1" } });
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

  it("returns expected failures thrown as ActionError", async () => {
    const { holderAction } = definers();
    const action = holderAction(schema, async () => {
      throw new ActionError("not_found", "That credential was not found.");
    });
    expect(await action({ note: "x" })).toEqual({
      ok: false,
      code: "not_found",
      message: "That credential was not found.",
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

describe("publicAction", () => {
  it("runs without a holder but still validates", async () => {
    const { publicAction } = definers(null);
    const action = publicAction(schema, async (input) => input.note.toUpperCase());
    expect(await action({ note: "ok" })).toEqual({ ok: true, data: "OK" });
    expect(await action({})).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
