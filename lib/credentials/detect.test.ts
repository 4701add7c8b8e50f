import sharp from "sharp";
import { refusalOf } from "@/testkit/hostile-input/builders";
import { describe, expect, it } from "vitest";
import { MB } from "@/lib/hostile-input/errors";
import { bakePng } from "@/lib/hostile-input/png";
import { bakeSvg } from "@/lib/hostile-input/svg";
import { makePng, makeZip } from "@/testkit/hostile-input/builders";
import { detectInput, MAX_ARCHIVE_BYTES, MAX_IMPORT_FILE_BYTES } from "./detect";

const text = (value: string) => new Uint8Array(Buffer.from(value, "utf8"));
const CREDENTIAL = {
  "@context": ["https://www.w3.org/ns/credentials/v2"],
  type: ["VerifiableCredential", "OpenBadgeCredential"],
};
const JWS = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2lnbmF0dXJl";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>';

describe("detectInput", () => {
  it("exports its caps", () => {
    expect(MAX_IMPORT_FILE_BYTES).toBe(10 * MB);
    expect(MAX_ARCHIVE_BYTES).toBe(200 * MB);
  });

  it("sniffs binaries by magic bytes, never by the file name", async () => {
    const solid = sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } });
    expect(await detectInput(bakePng(makePng(), "openbadgecredential", "{}"), "badge.json")).toEqual({ kind: "png" });
    expect(await detectInput(await solid.clone().jpeg().toBuffer(), "badge.png")).toEqual({ kind: "jpeg" });
    expect(await detectInput(await solid.clone().gif().toBuffer())).toEqual({ kind: "gif" });
    expect(await detectInput(await solid.clone().webp().toBuffer())).toEqual({ kind: "webp" });
    expect(await detectInput(text("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"))).toEqual({ kind: "pdf" });
    expect(await detectInput(await makeZip([{ name: "a.json", data: "{}" }]), "credentials.json")).toEqual({
      kind: "zip",
    });
  });

  it("parses JSON safely, with a BOM, in UTF-8 or UTF-16, whatever the extension", async () => {
    expect(await detectInput(text(JSON.stringify(CREDENTIAL)), "simple.1ob")).toEqual({
      kind: "json",
      value: CREDENTIAL,
    });
    expect(await detectInput(text(`\uFEFF\n  ${JSON.stringify([CREDENTIAL])}\n`))).toEqual({
      kind: "json",
      value: [CREDENTIAL],
    });
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', "utf16le")]));
    expect(await detectInput(utf16)).toEqual({ kind: "json", value: { a: 1 } });
  });

  it("recognises a compact JWS, a URL, an SVG and other XML", async () => {
    expect(await detectInput(text(`  ${JWS}\n`))).toEqual({ kind: "jws", token: JWS });
    expect(await detectInput(text("https://badges.example.org/assertions/42?v=2_0"))).toEqual({
      kind: "url",
      url: "https://badges.example.org/assertions/42?v=2_0",
    });
    expect(await detectInput(text(bakeSvg(SVG, "ob3", { verify: JWS })), "badge.png")).toEqual({ kind: "svg" });
    const w3c =
      '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n';
    expect(await detectInput(text(w3c + SVG))).toEqual({ kind: "svg" });
    expect(
      await detectInput(text('<?xml version="1.0"?><europassCredential xmlns="http://data.europa.eu/snb"/>')),
    ).toEqual({ kind: "xml", root: "europassCredential" });
  });

  it("says why it does not recognise something", async () => {
    for (const [input, reason] of [
      [text("Just some notes about my training"), /does not recognise “notes\.txt” as a credential/],
      [text("eyJh.eyJi"), /not JSON, a signed credential/],
      [text("ftp://example.org/badge"), /not JSON/],
      [text("<!DOCTYPE html><html><body>Badge</body></html>"), /web page/],
      [new Uint8Array([0, 1, 2, 3, 250, 251, 252, 253]), /neither text nor/],
      [new Uint8Array(0), /empty/],
      [text(" \n\t "), /blank/],
    ] as const) {
      const result = await detectInput(input, "notes.txt");
      expect(result.kind).toBe("unknown");
      expect(result.kind === "unknown" && result.reason).toMatch(reason);
    }
    const tiff = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } })
      .tiff()
      .toBuffer();
    expect(await detectInput(tiff)).toEqual({
      kind: "unknown",
      reason: "This is a TIF file (image/tiff), not a credential Tessera can import.",
    });
  });

  // docs/threat-model.md D1 and D7 at the front door
  it("refuses a 51 MB file at once with a clear message", async () => {
    const error = await refusalOf(() => detectInput(new Uint8Array(51 * MB)));
    expect(error.reason).toBe("too_large");
    expect(error.message).toBe("This file is 51 MB; Tessera accepts files up to 10 MB.");
  });

  it("accepts a zip archive over 10 MB (archives may be up to 200 MB)", async () => {
    const big = new Uint8Array(11 * MB);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await detectInput(big)).toEqual({ kind: "zip" });
  });

  it.each([
    ["truncated JSON", '{"type":["VerifiableCredential"],"issuer":{"id":"did:key:z6M', "truncated_json"],
    ["deep nesting", "[".repeat(10_000), "too_deep"],
    ["a million-element array", `[${"1,".repeat(1_000_000)}1]`, "too_many_values"],
    ["prototype pollution", '{"__proto__":{"polluted":true}}', "prototype_pollution"],
    ["XXE in an SVG", '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', "xml_doctype"],
    ["billion laughs in XML", '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;</r>', "xml_doctype"],
  ])("refuses %s", async (_label, input, code) => {
    const error = await refusalOf(() => detectInput(text(input)));
    expect(error.reason).toBe(code);
    expect(error.message).not.toContain("passwd");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("uses the XML wording for a DOCTYPE outside SVG", async () => {
    const error = await refusalOf(() => detectInput(text('<!DOCTYPE r [<!ENTITY a "b">]><europassCredential/>')));
    expect(error.message).toMatch(/This XML file declares a document type/);
  });
});
