import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodeBitstring, MIN_STATUS_LIST_LENGTH } from "@/test-issuer";
import { TooComplexError } from "../limits";
import { BitstringError, bitAt, decodeEncodedList, parseStatusIndex } from "./bitstring";

const setBits = (bits: Uint8Array, length: number) => Array.from({ length }, (_, i) => i).filter((i) => bitAt(bits, i));

describe("docs/threat-model.md E9: fixture bits are read MSB-first", () => {
  it("1EdTech bsl-testlist shape: 131,072 bits, only bit 23 set (multibase 'u')", () => {
    const bits = decodeEncodedList(`u${encodeBitstring([23], MIN_STATUS_LIST_LENGTH)}`);
    expect(bits).toHaveLength(16_384);
    expect(setBits(bits, MIN_STATUS_LIST_LENGTH)).toEqual([23]);
  });

  it("DCC list shape (StatusList2021, no multibase prefix, 100,000 bits): bits 2, 6 and 8", () => {
    const bits = decodeEncodedList(encodeBitstring([2, 6, 8], 100_000));
    expect(setBits(bits, 100_000)).toEqual([2, 6, 8]);
  });

  it("bit 0 and bit 131,071 are the first byte's high bit and the last byte's low bit", () => {
    const first = decodeEncodedList(`u${encodeBitstring([0], MIN_STATUS_LIST_LENGTH)}`);
    const last = decodeEncodedList(`u${encodeBitstring([MIN_STATUS_LIST_LENGTH - 1], MIN_STATUS_LIST_LENGTH)}`);
    expect([first[0], bitAt(first, 0), bitAt(first, MIN_STATUS_LIST_LENGTH - 1)]).toEqual([0x80, true, false]);
    expect([last[16_383], bitAt(last, 0), bitAt(last, MIN_STATUS_LIST_LENGTH - 1)]).toEqual([0x01, false, true]);
    expect(bitAt(last, MIN_STATUS_LIST_LENGTH)).toBeUndefined(); // out of range, never "not set"
  });
});

describe("decoding guards", () => {
  it("a gzip bomb stops at the unpacked-size cap", () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024)).toString("base64url");
    expect(() => decodeEncodedList(`u${bomb}`)).toThrow(TooComplexError);
  });

  it("refuses text that is not base64url GZIP", () => {
    expect(() => decodeEncodedList("u!!!")).toThrow(BitstringError);
    expect(() => decodeEncodedList(Buffer.from("plain").toString("base64url"))).toThrow(BitstringError);
    expect(() => decodeEncodedList(undefined)).toThrow(BitstringError);
  });

  it("status indexes are non-negative integers (string or number)", () => {
    expect(["23", 23, " 7 "].map(parseStatusIndex)).toEqual([23, 23, 7]);
    expect(["-1", "1.5", "0x10", "", null, 1e20].map(parseStatusIndex)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
