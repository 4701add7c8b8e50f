import { describe, expect, it } from "vitest";
import { NotACredentialError } from "@/lib/credentials/formats/errors";
import { InputRejectedError } from "@/lib/hostile-input/errors";
import { FetchRefusedError } from "@/lib/net/errors";
import { brandOf } from "./brand";
import { DomainError, ERROR_STATUS, isDomainError } from "./domain-error";

describe("the one domain error", () => {
  it("carries a code, a message for people and, when given, field errors and a wait", () => {
    const plain = new DomainError("not_found", "That credential was not found.");
    expect(plain).toMatchObject({ code: "not_found", message: "That credential was not found.", name: "DomainError" });
    expect(Object.keys(plain)).not.toContain("fieldErrors");
    const limited = new DomainError("rate_limited", "Too many.", { retryAfterSeconds: 12, fieldErrors: { a: ["b"] } });
    expect(limited).toMatchObject({ retryAfterSeconds: 12, fieldErrors: { a: ["b"] } });
  });

  it("has one snake_case code per kind of failure, each with its HTTP status", () => {
    for (const code of Object.keys(ERROR_STATUS)) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(ERROR_STATUS).toMatchObject({ invalid_input: 400, not_found: 404, refused: 422, rate_limited: 429 });
  });

  it("is what every domain module's own error is, and each keeps its own identity", () => {
    const errors = [
      new InputRejectedError("zip_bomb", "x"),
      new NotACredentialError("jwt_alg_none", "x"),
      new FetchRefusedError("private_address"),
    ];
    for (const error of errors) {
      expect(isDomainError(error)).toBe(true);
      expect(error.code).toBe("refused");
    }
    expect(errors[0]).toBeInstanceOf(InputRejectedError);
    expect(errors[0]).not.toBeInstanceOf(NotACredentialError);
    expect(new DomainError("refused", "x")).not.toBeInstanceOf(InputRejectedError);
    expect(isDomainError(new Error("x"))).toBe(false);
    expect(isDomainError(Object.assign(new Error("x"), { code: "not_found", name: "DomainError" }))).toBe(false);
  });

  it("a subclass without a brand of its own is never mistaken for its parent's kin", () => {
    class Unbranded extends DomainError {}
    class Branded extends DomainError {
      static override readonly brand = brandOf("TestBranded");
    }
    expect(new DomainError("conflict", "x")).not.toBeInstanceOf(Unbranded);
    expect(new Unbranded("conflict", "x")).toBeInstanceOf(DomainError);
    expect(new Branded("conflict", "x")).toBeInstanceOf(Branded);
    expect(new Unbranded("conflict", "x")).not.toBeInstanceOf(Branded);
  });

  it("is recognised across bundled copies of its module, as Next's per-layer bundles make", async () => {
    const copy = (await import(`@/lib/errors/domain-error?copy=${Date.now()}`)) as typeof import("./domain-error");
    expect(copy.DomainError).not.toBe(DomainError);
    expect(new copy.DomainError("gone", "x")).toBeInstanceOf(DomainError);
    expect(isDomainError(new copy.DomainError("gone", "x"))).toBe(true);
    expect(copy.isDomainError(new InputRejectedError("too_large", "x"))).toBe(true);
  });
});
