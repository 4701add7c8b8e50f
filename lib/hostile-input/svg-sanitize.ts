import { nodeAttributes, nodeChildren, nodeName, parseSvgTree, type OrderedNode } from "./svg";
import { decodeXmlEntities } from "./xml";

/**
 * Reduce a hostile SVG to static drawing before librsvg sees it (docs/threat-model.md D6). Allowlist of
 * elements, so script, foreignObject, animation, iframes and unknown namespaces simply vanish.
 * No attribute may reach outside the document: only `#fragment` references survive, plus raster
 * `data:` images that the caller has checked. Processing instructions (xml-stylesheet) and
 * comments are dropped. The result is rasterized; it is never served as SVG.
 */
const ALLOWED_ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "symbol",
  "use",
  "switch",
  "a",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "textPath",
  "title",
  "desc",
  "linearGradient",
  "radialGradient",
  "stop",
  "pattern",
  "clipPath",
  "mask",
  "marker",
  "filter",
  "image",
  "style",
  "feBlend",
  "feColorMatrix",
  "feComponentTransfer",
  "feComposite",
  "feConvolveMatrix",
  "feDiffuseLighting",
  "feDisplacementMap",
  "feDistantLight",
  "feDropShadow",
  "feFlood",
  "feFuncA",
  "feFuncB",
  "feFuncG",
  "feFuncR",
  "feGaussianBlur",
  "feImage",
  "feMerge",
  "feMergeNode",
  "feMorphology",
  "feOffset",
  "fePointLight",
  "feSpecularLighting",
  "feSpotLight",
  "feTile",
  "feTurbulence",
]);
const IMAGE_ELEMENTS = new Set(["image", "feImage"]);
const RASTER_DATA_URI = /^data:image\/(?:png|jpeg|gif|webp);base64,([A-Za-z0-9+/=\s]+)$/i;

export type EmbeddedImageCheck = (bytes: Uint8Array) => Promise<boolean>;

const escapeText = (value: string) => value.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
const escapeAttribute = (value: string) =>
  value.replace(
    /[&<>"\t\n\r]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" })[c]!,
  );

/** CSS may load resources through @import and url(); only in-document `url(#id)` references remain. */
export function sanitizeCss(css: string): string {
  return css
    .replace(/\\/g, "") // CSS escapes could spell "url" or "@import" in disguise
    .replace(/@import[^;]*;?/gi, "")
    .replace(/url\(\s*(?!['"]?\s*#)[^)]*\)/gi, "none");
}

const compact = (value: string) => value.replace(/[\s\p{Cc}]/gu, "").toLowerCase();

async function cleanAttributes(element: string, node: OrderedNode, checkImage: EmbeddedImageCheck): Promise<string> {
  const kept: string[] = [];
  for (const [key, raw] of Object.entries(nodeAttributes(node))) {
    const name = key.slice(2); // "@_" prefix from the parser
    const local = name.slice(name.indexOf(":") + 1).toLowerCase();
    let value = decodeXmlEntities(raw);
    if (local.startsWith("on") || name === "xml:base" || compact(value).includes("javascript:")) continue;
    if (local === "href" || local === "src") {
      const fragment = value.trim().startsWith("#");
      const data = IMAGE_ELEMENTS.has(element) ? RASTER_DATA_URI.exec(value.trim()) : null;
      if (!fragment && !(data && (await checkImage(Buffer.from(data[1]!, "base64"))))) continue;
    }
    if (/url\s*\(/i.test(value) || local === "style") value = sanitizeCss(value);
    kept.push(` ${name}="${escapeAttribute(value)}"`);
  }
  return kept.join("");
}

async function serialize(nodes: OrderedNode[], checkImage: EmbeddedImageCheck, inStyle: boolean): Promise<string> {
  const out: string[] = [];
  for (const node of nodes) {
    const name = nodeName(node);
    if (name === "#text") {
      const text = decodeXmlEntities(String(node["#text"]));
      out.push(escapeText(inStyle ? sanitizeCss(text) : text));
      continue;
    }
    if (name === "#cdata") {
      const text = nodeChildren(node)
        .map((part) => String(part["#text"] ?? ""))
        .join("");
      out.push(escapeText(inStyle ? sanitizeCss(text) : text));
      continue;
    }
    const element = name.startsWith("svg:") ? name.slice(4) : name;
    if (!ALLOWED_ELEMENTS.has(element)) continue;
    const attributes = await cleanAttributes(element, node, checkImage);
    const children = await serialize(nodeChildren(node), checkImage, element === "style");
    out.push(children ? `<${name}${attributes}>${children}</${name}>` : `<${name}${attributes}/>`);
  }
  return out.join("");
}

/** A static, self-contained SVG string, or InputRejectedError for a document type, bad XML or a non-SVG root. */
export async function sanitizeSvgForRaster(
  input: string | Uint8Array,
  checkImage: EmbeddedImageCheck,
): Promise<string> {
  return serialize(parseSvgTree(input), checkImage, false);
}
