import { describe, expect, it } from "vitest";
import { REMOVE, swapProof, swapProofValue, tamper, tamperJades, tamperJwt } from "./tamper";

const doc = { a: { b: [{ c: 1 }, { c: 2 }] }, proof: { type: "DataIntegrityProof", proofValue: "z1" } };

describe("tamper", () => {
  it("sets a value at a dotted/indexed path on a copy", () => {
    const out = tamper(doc, "a.b[1].c", 9);
    expect(out.a.b[1]).toEqual({ c: 9 });
    expect(doc.a.b[1]).toEqual({ c: 2 });
    expect(tamper(doc, ["a", "b", 0, "c"], "x").a.b[0]).toEqual({ c: "x" });
  });

  it("creates missing intermediates and removes with REMOVE", () => {
    expect(tamper({}, "x.y[0]", 1)).toEqual({ x: { y: [1] } });
    expect(tamper(doc, "a.b[0]", REMOVE).a.b).toEqual([{ c: 2 }]);
    expect(tamper(doc, "proof", REMOVE)).not.toHaveProperty("proof");
  });

  it("swaps whole proofs or only proof values", () => {
    const other = { proof: { type: "DataIntegrityProof", proofValue: "z2", created: "t" } };
    expect(swapProof(doc, other).proof).toEqual(other.proof);
    expect(swapProofValue(doc, other).proof).toEqual({ type: "DataIntegrityProof", proofValue: "z2" });
    expect(() => swapProof(doc, {})).toThrow();
  });

  it("edits JWT payloads/headers keeping the signature, and JAdES payload strings", () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jwt = `${enc({ alg: "EdDSA" })}.${enc({ name: "a" })}.sig`;
    const edited = tamperJwt(jwt, "name", "b").split(".");
    expect(JSON.parse(Buffer.from(edited[1]!, "base64url").toString())).toEqual({ name: "b" });
    expect(edited[2]).toBe("sig");
    expect(tamperJwt(jwt, "alg", "none", "header").split(".")[0]).toBe(enc({ alg: "none" }));
    expect(tamperJades({ payload: '{"x":1}', signatures: [] }, "x", 2).payload).toBe('{"x":2}');
  });
});
