import { InputRejectedError, MB } from "./errors";
import { readText } from "./text";
import { decodeXmlEntities, findXmlRoot, guardXmlText, localName, parseXmlTree, skipProlog } from "./xml";

/** Baked badges in SVG (docs/formats/detection.md#baked-images; docs/threat-model.md D7). */
export const SVG_LIMITS = { maxBytes: 2 * MB } as const;

export const OB2_SVG_NAMESPACE = "http://openbadges.org";
export const OB3_SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

export type SvgBadgeKind = "ob2" | "ob3";

export interface SvgBadge {
  /** ob2: `<openbadges:assertion>`; ob3: `<openbadges:credential>`. */
  kind: SvgBadgeKind;
  /** The element's body (CDATA or text), trimmed: assertion or credential JSON. */
  json?: string;
  /** The `verify` attribute: a hosted-assertion URL (OB 2.0) or a compact JWS. */
  verify?: string;
}

/** Namespace URI → badge element, by local name; prefixes are whatever the file declares. */
const BADGE_ELEMENTS: Record<string, { local: string; kind: SvgBadgeKind }> = {
  [OB2_SVG_NAMESPACE]: { local: "assertion", kind: "ob2" },
  [`${OB2_SVG_NAMESPACE}/`]: { local: "assertion", kind: "ob2" },
  [OB3_SVG_NAMESPACE]: { local: "credential", kind: "ob3" },
  [`${OB3_SVG_NAMESPACE}/`]: { local: "credential", kind: "ob3" },
};

/** fast-xml-parser `preserveOrder` node: one name key (element, "#text", "#cdata") plus ":@" attributes. */
export type OrderedNode = Record<string, unknown>;

export const nodeName = (node: OrderedNode) => Object.keys(node).find((key) => key !== ":@") ?? "";
export const nodeAttributes = (node: OrderedNode) => (node[":@"] ?? {}) as Record<string, string>;
export const nodeChildren = (node: OrderedNode) => {
  const children = node[nodeName(node)];
  return (Array.isArray(children) ? children : []) as OrderedNode[];
};

/** Parse an SVG (size cap, DOCTYPE guard, well-formedness) into the ordered tree. */
export function parseSvgTree(input: string | Uint8Array, maxBytes: number = SVG_LIMITS.maxBytes): OrderedNode[] {
  const text = guardXmlText(readText(input, maxBytes, "SVG image"), "svg");
  const root = findXmlRoot(text);
  if (!root || localName(root) !== "svg") throw new InputRejectedError("unsupported", "This file is not an SVG image.");
  return parseXmlTree(text, { preserveOrder: true, trimValues: false, ignoreDeclaration: true }) as OrderedNode[];
}

function findBadges(
  nodes: OrderedNode[],
  scope: Record<string, string>,
  found: Array<{ kind: SvgBadgeKind; node: OrderedNode }>,
): void {
  for (const node of nodes) {
    const name = nodeName(node);
    if (!name || name.startsWith("#") || name.startsWith("?")) continue;
    const inner = { ...scope };
    for (const [key, value] of Object.entries(nodeAttributes(node))) {
      if (key === "@_xmlns") inner[""] = decodeXmlEntities(value);
      else if (key.startsWith("@_xmlns:")) inner[key.slice(8)] = decodeXmlEntities(value);
    }
    const prefix = name.includes(":") ? name.slice(0, name.indexOf(":")) : "";
    const badge = BADGE_ELEMENTS[inner[prefix] ?? ""];
    if (badge && badge.local === localName(name)) found.push({ kind: badge.kind, node });
    else findBadges(nodeChildren(node), inner, found);
  }
}

function bodyText(node: OrderedNode): string {
  return nodeChildren(node)
    .map((child) => {
      if ("#text" in child) return decodeXmlEntities(String(child["#text"]));
      if ("#cdata" in child)
        return nodeChildren(child)
          .map((part) => String(part["#text"] ?? ""))
          .join("");
      return "";
    })
    .join("")
    .trim();
}

/** The baked credential in an SVG, or null when it has none. */
export function extractSvgBadge(input: string | Uint8Array, limits: Partial<typeof SVG_LIMITS> = {}): SvgBadge | null {
  const found: Array<{ kind: SvgBadgeKind; node: OrderedNode }> = [];
  findBadges(parseSvgTree(input, limits.maxBytes), {}, found);
  if (found.length > 1) {
    throw new InputRejectedError(
      "multiple_badges",
      "This SVG image contains more than one badge, so Tessera cannot tell which one is meant.",
    );
  }
  const [badge] = found;
  if (!badge) return null;
  const json = bodyText(badge.node);
  const verifyRaw = nodeAttributes(badge.node)["@_verify"];
  const verify = verifyRaw === undefined ? "" : decodeXmlEntities(verifyRaw).trim();
  if (!json && !verify) throw new InputRejectedError("svg_no_badge", "The badge in this SVG image is empty.");
  return { kind: badge.kind, ...(json ? { json } : {}), ...(verify ? { verify } : {}) };
}

const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const escapeAttribute = (value: string) =>
  value.replace(
    /[&<"\t\n\r]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" })[c]!,
  );

/** Bake a credential into an SVG we made (test issuer): one badge element right after the root start tag. */
export function bakeSvg(svg: string, kind: SvgBadgeKind, payload: { json?: string; verify?: string }): string {
  const { json, verify } = payload;
  if (!json && !verify) throw new Error("bakeSvg needs a JSON body or a verify value");
  if (NOT_XML_CHAR.test(json ?? "") || NOT_XML_CHAR.test(verify ?? ""))
    throw new Error("bakeSvg: the payload has characters XML cannot carry");
  if (extractSvgBadge(svg)) throw new Error("bakeSvg: this SVG already carries a badge");
  const start = skipProlog(svg);
  const tagEnd = /<svg(?:[^>"']|"[^"]*"|'[^']*')*>/y;
  tagEnd.lastIndex = start;
  if (!tagEnd.test(svg)) throw new Error("bakeSvg: the SVG must start with an unprefixed <svg> root");
  const selfClosing = svg[tagEnd.lastIndex - 2] === "/";
  const namespace = kind === "ob2" ? OB2_SVG_NAMESPACE : OB3_SVG_NAMESPACE;
  const element = kind === "ob2" ? "openbadges:assertion" : "openbadges:credential";
  const body = json ? `<![CDATA[${json.replaceAll("]]>", "]]]]><![CDATA[>")}]]>` : "";
  const attribute = verify ? ` verify="${escapeAttribute(verify)}"` : "";
  const badge = body ? `<${element}${attribute}>${body}</${element}>` : `<${element}${attribute}/>`;
  const openTag = svg
    .slice(start, tagEnd.lastIndex - (selfClosing ? 2 : 1))
    .replace(/\s+xmlns:openbadges\s*=\s*("[^"]*"|'[^']*')/, "");
  const rest = selfClosing ? "</svg>" + svg.slice(tagEnd.lastIndex) : svg.slice(tagEnd.lastIndex);
  return `${svg.slice(0, start)}${openTag} xmlns:openbadges="${namespace}">${badge}${rest}`;
}
