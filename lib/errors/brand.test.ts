import { describe, expect, it } from "vitest";
import { InputRejectedError } from "@/lib/hostile-input/errors";
import { NotACredentialError } from "@/lib/credentials/formats/errors";
import { FetchRefusedError } from "@/lib/net/errors";

describe("errors told apart across bundled copies of their module", () => {
  it("recognises an error made by another copy of the class, and nothing else", async () => {
    // A second copy of the module, as Next's per-layer bundling produces.
    const copy = (await import(`@/lib/net/errors?copy=${Date.now()}`)) as typeof import("@/lib/net/errors");
    expect(copy.FetchRefusedError).not.toBe(FetchRefusedError);
    const fromCopy = new copy.FetchRefusedError("private_address");
    expect(fromCopy instanceof FetchRefusedError).toBe(true);
    expect(new FetchRefusedError("private_address") instanceof copy.FetchRefusedError).toBe(true);
    expect(new Error("That address points inside a private network") instanceof FetchRefusedError).toBe(false);
    expect(Object.assign(new Error("x"), { name: "FetchRefusedError" }) instanceof FetchRefusedError).toBe(false);
    expect(new FetchRefusedError("private_address") instanceof InputRejectedError).toBe(false);
    expect(new FetchRefusedError("private_address") instanceof NotACredentialError).toBe(false);
  });
});
