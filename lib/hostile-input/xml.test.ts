import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { refusal } from "@/testkit/hostile-input/builders";
import { decodeXmlEntities, findXmlRoot, parseXmlSafe } from "./xml";

const EDCI = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- exported by a national register -->
<europassCredential xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#"
    cred:id="urn:credential:1" xsdVersion="0.10.0">
  <title><text content-type="text/plain" lang="en">Infection prevention &amp; control</text></title>
  <note><![CDATA[a &amp; b]]></note>
  <credentialSubject><givenNames><text lang="el">&#x0391;&#x03BD;&#x03BD;&#x03B1;</text></givenNames></credentialSubject>
</europassCredential>`;

// A file whose contents must never appear in any error (D7: "file contents never echoed").
const secretDir = mkdtempSync(join(tmpdir(), "tessera-xxe-"));
const secretFile = join(secretDir, "secret.txt");
const SECRET = "root:x:0:0:tessera-canary-secret";
writeFileSync(secretFile, SECRET);
afterAll(() => rmSync(secretDir, { recursive: true, force: true }));

describe("parseXmlSafe", () => {
  it("parses an EDCI credential: root, namespace, prefixed attributes, decoded text", () => {
    const parsed = parseXmlSafe(Buffer.from(`\uFEFF${EDCI}`));
    expect(parsed).toMatchObject({
      root: "europassCredential",
      localName: "europassCredential",
      namespace: "http://data.europa.eu/snb",
    });
    expect(parsed.value["@_cred:id"]).toBe("urn:credential:1");
    expect(parsed.value.title).toEqual({
      text: { "#text": "Infection prevention & control", "@_content-type": "text/plain", "@_lang": "en" },
    });
    expect(parsed.value.note).toEqual({ "#cdata": "a &amp; b" }); // CDATA is literal
    expect(JSON.stringify(parsed.value.credentialSubject)).toContain("Αννα");
  });

  it("resolves a prefixed root's namespace", () => {
    expect(
      parseXmlSafe('<snb:europassCredential xmlns:snb="http://data.europa.eu/snb"><x>1</x></snb:europassCredential>'),
    ).toMatchObject({
      root: "snb:europassCredential",
      localName: "europassCredential",
      namespace: "http://data.europa.eu/snb",
    });
  });

  // docs/threat-model.md D7
  it.each([
    ["XXE SYSTEM file", `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${secretFile}">]><r>&xxe;</r>`],
    ["XXE parameter entity", `<!DOCTYPE r [<!ENTITY % p SYSTEM "file://${secretFile}"> %p;]><r/>`],
    ["external DTD", `<!DOCTYPE r SYSTEM "file://${secretFile}"><r/>`],
    [
      "billion laughs",
      `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><lolz>&lol9;</lolz>`,
    ],
    ["two DOCTYPEs", `<!DOCTYPE a><!DOCTYPE b [<!ENTITY x "y">]><a/>`],
    [
      "the SVG public DOCTYPE (not allowed outside SVG)",
      `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><europassCredential/>`,
    ],
    ["a stray ENTITY declaration", `<r><!ENTITY x "y"></r>`],
  ])("refuses %s without reading the file", (_label, xml) => {
    const error = refusal(() => parseXmlSafe(xml));
    expect(error.reason).toBe("xml_doctype");
    expect(error.message).toBe("This XML file declares a document type (DOCTYPE), which Tessera does not accept.");
    expect(error.message).not.toContain(SECRET);
  });

  it("refuses 10^6 numeric entities in well under a second", () => {
    const xml = `<r>${"&#65;".repeat(1_000_000)}</r>`;
    const error = refusal(() => parseXmlSafe(xml));
    expect(error.reason).toBe("too_many_values");
    expect(error.message).not.toContain("&#65;");
  });

  it("decodes a modest number of references once, never recursively", () => {
    const parsed = parseXmlSafe(`<r a="&amp;lt;">${"&#65;".repeat(10_000)}&amp;#65;</r>`);
    expect(parsed.value["#text"]).toBe("A".repeat(10_000) + "&#65;");
    expect(parsed.value["@_a"]).toBe("&lt;");
  });

  it.each([
    ["unclosed tag", "<r><a></r>", "xml_invalid"],
    ["two roots", "<r/><s/>", "xml_invalid"],
    ["no element", "just text", "xml_invalid"],
    ["1,000-deep nesting", `${"<a>".repeat(1000)}${"</a>".repeat(1000)}`, "too_deep"],
    ["__proto__ element", "<r><__proto__><polluted>1</polluted></__proto__></r>", "prototype_pollution"],
  ])("refuses %s", (_label, xml, code) => {
    expect(refusal(() => parseXmlSafe(xml)).reason).toBe(code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses files over the size cap", () => {
    expect(refusal(() => parseXmlSafe("<r/>", { maxBytes: 3 })).reason).toBe("too_large");
  });
});

describe("helpers", () => {
  it("findXmlRoot skips the declaration, comments and processing instructions", () => {
    expect(findXmlRoot('<?xml version="1.0"?>\n<!-- <fake> -->\n<?pi x?><svg:svg xmlns:svg="x"/>')).toBe("svg:svg");
    expect(findXmlRoot("<!-- unterminated <svg>")).toBeNull();
    expect(findXmlRoot("{}")).toBeNull();
  });

  it("decodeXmlEntities handles only predefined entities and valid character references", () => {
    expect(decodeXmlEntities("&lt;&gt;&amp;&quot;&apos;&#x1F600;&#65;")).toBe("<>&\"'😀A");
    expect(decodeXmlEntities("&nbsp;&#xD800;&#0;&#x110000;")).toBe("&nbsp;&#xD800;&#0;&#x110000;");
  });
});
