import fc from "fast-check";
import { refusal } from "@/testkit/hostile-input/builders";
import { describe, expect, it } from "vitest";
import { bakeSvg, extractSvgBadge, OB2_SVG_NAMESPACE, OB3_SVG_NAMESPACE } from "./svg";

const PLAIN =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#0a7"/></svg>';
const OB3_JSON = '{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Medicines <safety> & you"}';
const JWS = "eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln";
const W3C_DOCTYPE =
  '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">';

describe("extractSvgBadge", () => {
  it("reads OB 2.0 CDATA JSON and the verify URL", () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB2_SVG_NAMESPACE}">
      <openbadges:assertion verify="https://issuer.test/a?x=1&amp;y=2">
        <![CDATA[ {"uid":"abc"} ]]>
      </openbadges:assertion><rect/></svg>`;
    expect(extractSvgBadge(svg)).toEqual({
      kind: "ob2",
      json: '{"uid":"abc"}',
      verify: "https://issuer.test/a?x=1&y=2",
    });
  });

  it("reads OB 3.0 with any prefix, a JWS in verify, and the W3C SVG 1.1 DOCTYPE", () => {
    const svg = `<?xml version="1.0" encoding="utf-8"?>\n${W3C_DOCTYPE}\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="${OB3_SVG_NAMESPACE}"><ob:credential verify="${JWS}"/></svg>`;
    expect(extractSvgBadge(svg)).toEqual({ kind: "ob3", verify: JWS });
  });

  it("reads JSON given as escaped text instead of CDATA", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><credential xmlns="${OB3_SVG_NAMESPACE}">{"name":"A &amp; B &#x2713;"}</credential></svg>`;
    expect(extractSvgBadge(Buffer.from(svg))).toEqual({ kind: "ob3", json: '{"name":"A & B ✓"}' });
  });

  it("matches by namespace, not by prefix", () => {
    const wrongNamespace = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://evil.test"><openbadges:credential>{}</openbadges:credential></svg>`;
    expect(extractSvgBadge(wrongNamespace)).toBeNull();
    expect(extractSvgBadge(PLAIN)).toBeNull();
  });

  it("refuses two badges and an empty badge", () => {
    const two = bakeSvg(PLAIN, "ob3", { json: "{}" }).replace(
      "</svg>",
      `<x:credential xmlns:x="${OB3_SVG_NAMESPACE}">{}</x:credential></svg>`,
    );
    expect(refusal(() => extractSvgBadge(two)).reason).toBe("multiple_badges");
    const empty = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:o="${OB2_SVG_NAMESPACE}"><o:assertion><![CDATA[  ]]></o:assertion></svg>`;
    expect(refusal(() => extractSvgBadge(empty)).reason).toBe("svg_no_badge");
  });

  it("refuses non-SVG XML, broken XML and oversized files", () => {
    expect(refusal(() => extractSvgBadge("<html><body/></html>")).reason).toBe("unsupported");
    expect(refusal(() => extractSvgBadge('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).reason).toBe(
      "xml_invalid",
    );
    expect(refusal(() => extractSvgBadge(`<svg>${" ".repeat(2 * 1024 * 1024)}</svg>`)).reason).toBe("too_large");
    expect(refusal(() => extractSvgBadge(`<svg>${"<g>".repeat(5_000)}${"</g>".repeat(5_000)}</svg>`)).reason).toBe(
      "too_deep",
    );
  });

  // docs/threat-model.md D7 (for SVG; the same guard serves EDCI XML, see xml.test.ts)
  it.each([
    [
      "XXE",
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&xxe;</svg>`,
    ],
    ["external DTD", `<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg xmlns="http://www.w3.org/2000/svg"/>`],
    [
      "billion laughs",
      `<!DOCTYPE svg [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg>&c;</svg>`,
    ],
    ["two DOCTYPEs", `${W3C_DOCTYPE}<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>`],
    [
      "W3C DOCTYPE with an internal subset",
      W3C_DOCTYPE.replace(">", ' [<!ENTITY x SYSTEM "file:///etc/passwd">]>') + "<svg/>",
    ],
    ["lower-case doctype", `<!doctype svg><svg/>`],
  ])("refuses %s with the document-type message", (_label, svg) => {
    const error = refusal(() => extractSvgBadge(svg));
    expect(error.reason).toBe("xml_doctype");
    expect(error.message).toBe("This SVG declares a document type, which Tessera does not accept.");
    expect(error.message).not.toMatch(/root:|passwd/);
  });
});

const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe("bakeSvg", () => {
  it("round-trips OB 3.0 JSON and an OB 2.0 verify URL with JSON", () => {
    expect(extractSvgBadge(bakeSvg(PLAIN, "ob3", { json: OB3_JSON }))).toEqual({ kind: "ob3", json: OB3_JSON });
    const ob2 = bakeSvg(PLAIN, "ob2", { json: '{"a":"]]>"}', verify: 'https://issuer.test/a?b=1&c="2"' });
    expect(extractSvgBadge(ob2)).toEqual({
      kind: "ob2",
      json: '{"a":"]]>"}',
      verify: 'https://issuer.test/a?b=1&c="2"',
    });
  });

  it("bakes into a self-closing root and refuses what XML cannot carry", () => {
    expect(extractSvgBadge(bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', "ob3", { verify: JWS }))).toEqual({
      kind: "ob3",
      verify: JWS,
    });
    expect(() => bakeSvg(PLAIN, "ob3", { json: '{"a":"\u0001"}' })).toThrow(/cannot carry/);
    expect(() => bakeSvg(bakeSvg(PLAIN, "ob3", { json: "{}" }), "ob3", { json: "{}" })).toThrow(/already/);
  });

  it("round-trips arbitrary JSON bodies and verify values (property)", () => {
    const xmlSafe = (s: string) => !NOT_XML_CHAR.test(s);
    const verify = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 200 })
      .filter((s) => xmlSafe(s) && s.trim() === s && s !== "");
    fc.assert(
      fc.property(
        fc.constantFrom("ob2" as const, "ob3" as const),
        fc.json().filter(xmlSafe),
        fc.option(verify, { nil: undefined }),
        (kind, json, v) => {
          const baked = bakeSvg(PLAIN, kind, { json, verify: v });
          expect(extractSvgBadge(baked)).toEqual({ kind, json, ...(v ? { verify: v } : {}) });
        },
      ),
    );
  });
});
