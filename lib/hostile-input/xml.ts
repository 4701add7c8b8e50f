import { XMLParser, XMLValidator, type X2jOptions } from "fast-xml-parser";
import { InputRejectedError, MB } from "./errors";
import { readText } from "./text";

/**
 * XML for SVG badges and EDCI 1.x credentials (docs/threat-model.md D7). No DOCTYPE is ever parsed: a
 * document type is where XXE and entity bombs live, and fast-xml-parser has had three entity
 * expansion advisories in 2026. Entities are off; we decode only the five predefined ones and
 * character references ourselves, linearly, after parsing.
 */
export const XML_LIMITS = { maxBytes: 10 * MB, maxDepth: 100, maxReferences: 200_000 } as const;

const SVG_DOCTYPE_MESSAGE = "This SVG declares a document type, which Tessera does not accept.";
const XML_DOCTYPE_MESSAGE = "This XML file declares a document type (DOCTYPE), which Tessera does not accept.";

/**
 * The one DOCTYPE we tolerate: the W3C SVG 1.0/1.1 public identifier that Illustrator and the
 * 1EdTech baked OB 3.0 samples carry, exactly, with no internal subset. It declares no entities
 * and is removed before any parser sees the text, so nothing ever fetches the DTD.
 */
const SVG_PUBLIC_DOCTYPE =
  /<!DOCTYPE\s+svg\s+PUBLIC\s+"-\/\/W3C\/\/DTD SVG 1\.[01](?: Basic| Tiny)?\/\/EN"\s+"http:\/\/www\.w3\.org\/(?:Graphics\/SVG\/1\.1\/DTD\/svg11(?:-basic|-tiny)?\.dtd|TR\/2001\/REC-SVG-20010904\/DTD\/svg10\.dtd)"\s*>/y;

/** Index after the XML declaration, processing instructions, comments and whitespace; -1 if one is unterminated. */
export function skipProlog(text: string, from = 0): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    const close = text.startsWith("<?", i) ? "?>" : text.startsWith("<!--", i) ? "-->" : null;
    if (!close) return i;
    const end = text.indexOf(close, i + 2);
    if (end < 0) return -1;
    i = end + close.length;
  }
}

/**
 * Refuses any DOCTYPE or ENTITY declaration (for SVG, after removing the one harmless public
 * DOCTYPE) and floods of entity references, before any parser runs.
 */
export function guardXmlText(
  text: string,
  kind: "svg" | "xml",
  maxReferences: number = XML_LIMITS.maxReferences,
): string {
  let rest = text;
  const start = skipProlog(text);
  if (kind === "svg" && start >= 0) {
    SVG_PUBLIC_DOCTYPE.lastIndex = start;
    if (SVG_PUBLIC_DOCTYPE.test(text)) rest = text.slice(0, start) + text.slice(SVG_PUBLIC_DOCTYPE.lastIndex);
  }
  if (/<!\s*(?:DOCTYPE|ENTITY)/i.test(rest)) {
    throw new InputRejectedError("xml_doctype", kind === "svg" ? SVG_DOCTYPE_MESSAGE : XML_DOCTYPE_MESSAGE);
  }
  let references = 0;
  for (let i = rest.indexOf("&"); i >= 0; i = rest.indexOf("&", i + 1)) {
    if (++references > maxReferences) {
      throw new InputRejectedError(
        "too_many_values",
        `This file uses more than ${maxReferences.toLocaleString("en")} character references, which no credential needs.`,
      );
    }
  }
  return rest;
}

/** The qualified name of the root element (e.g. "svg", "europassCredential"), or null if this is not XML. */
export function findXmlRoot(text: string): string | null {
  const start = skipProlog(text);
  if (start < 0 || text[start] !== "<") return null;
  return /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]/y.exec(text.slice(start, start + 300))?.[1] ?? null;
}

export const localName = (qualified: string) => qualified.slice(qualified.indexOf(":") + 1);

/** The five predefined entities and numeric character references; anything else is left as written. */
export function decodeXmlEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g,
    (match, hex?: string, dec?: string, name?: string) => {
      if (name) return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name as "amp"];
      const code = hex ? parseInt(hex, 16) : Number(dec);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : match;
    },
  );
}

const BASE_OPTIONS: Partial<X2jOptions> = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: "#cdata",
};

/** Well-formedness check, then parse. The caller has already run guardXmlText and the size cap. */
export function parseXmlTree(text: string, options: Partial<X2jOptions> & { maxDepth?: number } = {}): unknown {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new InputRejectedError(
      "xml_invalid",
      `This XML is not well-formed (line ${validation.err.line}), so Tessera cannot read it.`,
    );
  }
  const { maxDepth = XML_LIMITS.maxDepth, ...rest } = options;
  try {
    return new XMLParser({ ...BASE_OPTIONS, ...rest, maxNestedTags: maxDepth }).parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/nested tags/i.test(message))
      throw new InputRejectedError(
        "too_deep",
        `This XML is nested more than ${maxDepth} levels deep, which no credential needs.`,
      );
    if (/prototype pollution/i.test(message))
      throw new InputRejectedError(
        "prototype_pollution",
        "This XML uses an element or attribute name that Tessera refuses for safety.",
      );
    throw new InputRejectedError("xml_invalid", "This XML could not be read.");
  }
}

export interface ParsedXml {
  /** Qualified root name as written, e.g. "europassCredential" or "snb:europassCredential". */
  root: string;
  localName: string;
  /** Namespace URI of the root element, when declared on it. */
  namespace?: string;
  /** The root element: attributes as "@_name" (prefixes kept), text as "#text", CDATA as "#cdata". */
  value: Record<string, unknown>;
}

/** Parse an XML credential (EDCI 1.x): size cap, DOCTYPE refused, entities off, one root element. */
export function parseXmlSafe(input: string | Uint8Array, limits: Partial<typeof XML_LIMITS> = {}): ParsedXml {
  const { maxBytes, maxDepth, maxReferences } = { ...XML_LIMITS, ...limits };
  const text = guardXmlText(readText(input, maxBytes, "XML file"), "xml", maxReferences);
  const decode = (_name: string, value: string) => decodeXmlEntities(value);
  const parsed = parseXmlTree(text, {
    maxDepth,
    ignoreDeclaration: true,
    ignorePiTags: true,
    tagValueProcessor: decode,
    attributeValueProcessor: decode,
  });
  const roots = Object.entries(parsed as Record<string, unknown>);
  const [entry] = roots;
  if (roots.length !== 1 || !entry || Array.isArray(entry[1])) {
    throw new InputRejectedError("xml_invalid", "This XML does not have exactly one root element.");
  }
  const [root, content] = entry;
  const value = (typeof content === "object" && content !== null ? content : { "#text": content }) as Record<
    string,
    unknown
  >;
  const prefix = root.includes(":") ? root.slice(0, root.indexOf(":")) : "";
  const namespace = value[prefix ? `@_xmlns:${prefix}` : "@_xmlns"];
  return { root, localName: localName(root), namespace: typeof namespace === "string" ? namespace : undefined, value };
}
