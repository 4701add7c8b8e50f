import fc from "fast-check";
import { inflateSync } from "node:zlib";
import { refusal } from "@/testkit/hostile-input/builders";
import { describe, expect, it } from "vitest";
import { bakePng, extractPngBadge, PNG_BADGE_KEYWORDS } from "./png";
import { ihdr, iTXt, makePng, PNG_SIGNATURE, pngChunk, tEXt, zlibZeros } from "@/testkit/hostile-input/builders";

const OB3_JSON = JSON.stringify({
  "@context": ["https://www.w3.org/ns/credentials/v2"],
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  name: "Sepsis screening ✓",
});
const JWS = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2lnbmF0dXJl";

describe("extractPngBadge", () => {
  it("reads an uncompressed iTXt for each keyword", () => {
    for (const keyword of PNG_BADGE_KEYWORDS) {
      expect(extractPngBadge(makePng([iTXt(keyword, OB3_JSON)]))).toEqual({
        keyword,
        text: OB3_JSON,
        chunkType: "iTXt",
      });
    }
  });

  it("reads a compressed iTXt (forbidden by the spec, tolerated) and a legacy tEXt URL", () => {
    expect(extractPngBadge(makePng([iTXt("openbadges", JWS, true)]))?.text).toBe(JWS);
    expect(extractPngBadge(makePng([tEXt("openbadges", "https://badges.example.org/assertions/42")]))).toEqual({
      keyword: "openbadges",
      text: "https://badges.example.org/assertions/42",
      chunkType: "tEXt",
    });
  });

  it("returns null without a badge chunk, ignoring other text chunks", () => {
    expect(
      extractPngBadge(makePng([tEXt("Software", "Adobe ImageReady"), iTXt("XML:com.adobe.xmp", "<x/>")])),
    ).toBeNull();
    expect(extractPngBadge(makePng([iTXt("OpenBadges", OB3_JSON)]))).toBeNull(); // keywords are case-sensitive
  });

  it("refuses an empty badge chunk", () => {
    expect(refusal(() => extractPngBadge(makePng([iTXt("openbadgecredential", "  ")]))).reason).toBe("png_no_badge");
  });

  // docs/threat-model.md D4
  it("stops a compressed iTXt that inflates to 1 GB at 2 MB", () => {
    const bomb = zlibZeros(1024 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(inflateSync(zlibZeros(4 * 1024 * 1024)).equals(Buffer.alloc(4 * 1024 * 1024))).toBe(true); // the builder is honest
    const png = makePng([pngChunk("iTXt", Buffer.concat([Buffer.from("openbadges\0\x01\0\0\0", "latin1"), bomb]))]);
    const error = refusal(() => extractPngBadge(png));
    expect(error.reason).toBe("png_bomb");
    expect(error.message).toMatch(/larger than 2 MB/);
  });

  it("refuses a chunk length of 0x7fffffff", () => {
    const header = Buffer.from([0x7f, 0xff, 0xff, 0xff, ...Buffer.from("iTXt"), 1, 2, 3, 4]);
    const png = Buffer.concat([PNG_SIGNATURE, ihdr(1, 1), header]);
    expect(refusal(() => extractPngBadge(png)).reason).toBe("png_invalid");
  });

  it("refuses a bad CRC", () => {
    const png = makePng([pngChunk("iTXt", "openbadges\0\0\0\0\0{}", { badCrc: true })]);
    expect(refusal(() => extractPngBadge(png)).message).toMatch(/checksum/);
  });

  it("refuses more than 10,000 chunks", () => {
    const chunks = Array.from({ length: 10_001 }, () => tEXt("Comment", "x"));
    const error = refusal(() => extractPngBadge(makePng(chunks)));
    expect(error.reason).toBe("png_bomb");
    expect(extractPngBadge(makePng(chunks.slice(0, 9_000)))).toBeNull();
  });

  it("refuses two badge chunks, whatever their keywords or types", () => {
    for (const pair of [
      [iTXt("openbadges", "{}"), iTXt("openbadges", "{}")],
      [iTXt("openbadgecredential", OB3_JSON), tEXt("openbadges", "https://x.test/a")],
    ]) {
      const error = refusal(() => extractPngBadge(makePng(pair)));
      expect(error.reason).toBe("multiple_badges");
      expect(error.message).toMatch(/more than one badge/);
    }
  });

  it("ignores data after IEND, even another badge", () => {
    const png = Buffer.concat([
      makePng([iTXt("openbadges", '{"a":1}')]),
      iTXt("openbadges", '{"evil":1}'),
      Buffer.alloc(100, 7),
    ]);
    expect(extractPngBadge(png)?.text).toBe('{"a":1}');
  });

  it("refuses truncated files and non-PNG bytes", () => {
    const png = makePng([iTXt("openbadges", OB3_JSON)]);
    for (const cut of [png.length - 4, png.length - 12, 60, 20, 8]) {
      expect(refusal(() => extractPngBadge(png.subarray(0, cut))).reason).toBe("png_invalid");
    }
    expect(refusal(() => extractPngBadge(Buffer.from('{"some":"bad"}'))).message).toBe("This file is not a PNG image.");
    expect(refusal(() => extractPngBadge(Buffer.concat([PNG_SIGNATURE, pngChunk("IDAT", "x")]))).reason).toBe(
      "png_invalid",
    );
  });

  it("refuses files over the size cap before reading them", () => {
    expect(refusal(() => extractPngBadge(makePng(), { maxBytes: 50 })).reason).toBe("too_large");
  });
});

describe("bakePng", () => {
  it("round-trips OB 3.0 and OB 2.0 payloads and replaces an existing badge", () => {
    const ob3 = bakePng(makePng(), "openbadgecredential", OB3_JSON);
    expect(extractPngBadge(ob3)).toEqual({ keyword: "openbadgecredential", text: OB3_JSON, chunkType: "iTXt" });
    const rebaked = bakePng(ob3, "openbadges", JWS);
    expect(extractPngBadge(rebaked)).toEqual({ keyword: "openbadges", text: JWS, chunkType: "iTXt" });
    expect(rebaked.length).toBeLessThan(ob3.length);
  });

  it("places one uncompressed iTXt just before IEND", () => {
    const baked = Buffer.from(bakePng(makePng([tEXt("openbadges", "https://old.test")]), "openbadgecredential", "{}"));
    const iend = baked.length - 12;
    const itxtStart = iend - (12 + "openbadgecredential\0\0\0\0\0{}".length);
    expect(baked.toString("latin1", itxtStart + 4, itxtStart + 8)).toBe("iTXt");
    expect(baked.includes("old.test")).toBe(false);
  });

  it("round-trips arbitrary text for every keyword (property)", () => {
    const base = makePng([tEXt("Software", "Tessera tests")]);
    fc.assert(
      fc.property(
        fc.constantFrom(...PNG_BADGE_KEYWORDS),
        fc.string({ unit: "grapheme", maxLength: 400 }),
        (keyword, text) => {
          fc.pre(text.trim() !== "");
          expect(extractPngBadge(bakePng(base, keyword, text))).toEqual({ keyword, text, chunkType: "iTXt" });
        },
      ),
    );
  });
});
