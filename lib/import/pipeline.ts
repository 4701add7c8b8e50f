import { FetchRefusedError, type FetchLike } from "@/lib/net";
import type { VerifyDeps } from "@/lib/verification";
import { InputRejectedError } from "@/lib/hostile-input/errors";
import { rasterizeBadgeImage, type RasterizedImage } from "@/lib/hostile-input/image";
import { extractPngBadge } from "@/lib/hostile-input/png";
import { extractSvgBadge } from "@/lib/hostile-input/svg";
import { parseXmlSafe } from "@/lib/hostile-input/xml";
import { readZipEntries } from "@/lib/hostile-input/zip";
import { detectInput, type DetectedInput } from "@/lib/credentials/detect";
import { interpretCredential, type InterpretContext, type InterpretInput } from "@/lib/credentials/formats";
import { NotACredentialError } from "@/lib/credentials/formats/errors";
import { issuerPageLink } from "./issuer-pages";
import type { ImportCandidate } from "./types";

export interface ImportDeps {
  /** The guarded fetcher (lib/net): links, OB 2.0 documents and images go through it only. */
  fetch: FetchLike;
  /** When set, each imported credential is verified right after it is stored. */
  verify?: VerifyDeps;
  /**
   * Credentials an issuer sent straight to the wallet (OpenID4VCI) must be about the holder: one
   * whose recipient check fails (issued to another key or person) is refused, not stored.
   */
  refuseOtherRecipient?: boolean;
}

export interface ImportItem {
  name: string;
  bytes: Uint8Array;
  /** Set when the item was refused while unpacking (e.g. a hostile archive). */
  rejection?: string;
}

const MEDIA_TYPES: Partial<Record<DetectedInput["kind"], string>> = {
  png: "image/png",
  svg: "image/svg+xml",
  json: "application/json",
  jws: "application/jwt",
  xml: "application/xml",
  url: "text/uri-list",
};

const GUIDANCE: Partial<Record<DetectedInput["kind"], string>> = {
  pdf: "This is a PDF document, not a digital credential. To add a paper or PDF certificate, use “Paper or PDF certificate” below.",
  jpeg: "This photo or image has no badge inside. To add a certificate you have as an image, use “Paper or PDF certificate”.",
  gif: "This image has no badge inside.",
  webp: "This image has no badge inside.",
  zip: "This archive is inside another archive. Unpack it and import the inner archive on its own.",
};

/** Turns what the holder gave into the list of items to import: archives become their files. */
export async function expandSources(
  sources: { name: string; bytes: Uint8Array }[],
): Promise<{ ok: true; items: ImportItem[] }> {
  const items: ImportItem[] = [];
  for (const source of sources) {
    const detected = await detectInput(source.bytes, source.name).catch(() => null);
    if (detected?.kind !== "zip") {
      items.push(source);
      continue;
    }
    try {
      for (const entry of await readZipEntries(source.bytes))
        items.push({ name: `${source.name} › ${entry.name}`, bytes: entry.bytes });
    } catch (error) {
      items.push({ name: source.name, bytes: new Uint8Array(), rejection: messageOf(error as Error) });
    }
  }
  return { ok: true, items };
}

function messageOf(error: unknown): string {
  if (error instanceof InputRejectedError || error instanceof NotACredentialError || error instanceof FetchRefusedError)
    return error.message;
  throw error;
}

/** Issue 3: a badge SVG carrying script is refused outright (its image would be sanitized anyway). */
function refuseActiveSvg(bytes: Uint8Array): void {
  const text = new TextDecoder().decode(bytes);
  if (/<(?:[\w-]+:)?script[\s>/]|\son[a-z]+\s*=|javascript:/i.test(text)) {
    throw new InputRejectedError(
      "unsupported",
      "This SVG contains a script or event handler, which Tessera does not accept in a badge image.",
    );
  }
}

type Unwrapped = {
  input: InterpretInput;
  container: InterpretContext["container"];
  bakedImage?: { bytes: Uint8Array; mediaType: string };
};

async function unwrap(item: ImportItem, detected: DetectedInput, deps: ImportDeps, depth: number): Promise<Unwrapped> {
  switch (detected.kind) {
    case "json":
      return { input: { kind: "json", value: detected.value }, container: "json" };
    case "jws":
      return { input: { kind: "jws", token: detected.token }, container: "jwt" };
    case "xml": {
      const xml = parseXmlSafe(item.bytes);
      return {
        input: { kind: "xml", root: xml.localName, document: xml.value, text: new TextDecoder().decode(item.bytes) },
        container: "xml",
      };
    }
    case "png":
    case "svg": {
      if (detected.kind === "svg") refuseActiveSvg(item.bytes);
      const baked = detected.kind === "png" ? extractPngBadge(item.bytes) : extractSvgBadge(item.bytes);
      const text = baked ? ("text" in baked ? baked.text : (baked.json ?? baked.verify)) : undefined;
      if (!text)
        throw new InputRejectedError(
          "png_no_badge",
          `This ${detected.kind.toUpperCase()} image has no badge baked into it.`,
        );
      const inner = await unwrap(
        { name: item.name, bytes: new TextEncoder().encode(text) },
        await detectInput(new TextEncoder().encode(text)),
        deps,
        depth + 1,
      );
      return {
        ...inner,
        container: detected.kind,
        bakedImage: { bytes: item.bytes, mediaType: MEDIA_TYPES[detected.kind]! },
      };
    }
    case "url": {
      if (depth > 1)
        throw new InputRejectedError("unsupported", "This link leads to another link; Tessera follows only one.");
      const body = await fetchLink(detected.url, deps.fetch);
      const fetched = await unwrap({ name: item.name, bytes: body }, await detectInput(body), deps, depth + 1);
      return { ...fetched, container: "url" };
    }
    case "unknown":
      throw new InputRejectedError("unsupported", detected.reason);
    default:
      throw new InputRejectedError(
        "unsupported",
        GUIDANCE[detected.kind] ?? "Tessera does not recognise this file as a credential.",
      );
  }
}

const LINK_ACCEPT = "application/ld+json, application/json, application/jwt, text/plain;q=0.5";

/**
 * A pasted link's content. A badge platform's public page is fetched at the address where the
 * platform publishes its Open Badges data (issuer-pages.ts); any other link as it is.
 */
async function fetchLink(url: string, fetch: FetchLike): Promise<Uint8Array> {
  const page = issuerPageLink(url);
  if (!page) return (await fetch(url, { accept: LINK_ACCEPT })).body;
  let response;
  try {
    response = await fetch(page.dataUrl, { accept: "application/ld+json, application/json" });
  } catch (error) {
    const why = error instanceof FetchRefusedError ? ` (${error.message})` : "";
    throw new InputRejectedError(
      "unsupported",
      `Tessera could not get this badge's data from ${page.platform}${why}. Download the badge from ${page.platform} and upload the file instead.`,
    );
  }
  if (!page.unwrap) return response.body;
  let inner: unknown;
  try {
    inner = page.unwrap(response.json());
  } catch {
    inner = undefined;
  }
  if (inner === undefined)
    throw new InputRejectedError("unsupported", `${page.platform} did not answer with a credential for this link.`);
  return new TextEncoder().encode(JSON.stringify(inner));
}

/**
 * The image shown for a credential: the baked file itself, or an embedded data: URI. A remote
 * image URL is not fetched here, so one slow issuer cannot stall an import; the job fetches those
 * afterwards (see remote-images.ts).
 */
async function embeddedImage(unwrapped: Unwrapped, imageUrl: string | undefined): Promise<RasterizedImage | undefined> {
  // A baked image is the credential's own picture: if it is hostile (a pixel flood), refuse the item.
  if (unwrapped.bakedImage) return rasterizeBadgeImage(unwrapped.bakedImage.bytes, unwrapped.bakedImage.mediaType);
  const match = imageUrl ? /^data:(image\/[\w.+-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(imageUrl) : null;
  if (!match) return undefined;
  try {
    return await rasterizeBadgeImage(Buffer.from(match[2]!, "base64"), match[1]);
  } catch {
    return undefined; // An unreadable embedded picture is left out; the credential itself is fine.
  }
}

/**
 * One item → a candidate ready to store, or a refusal with a message a person understands.
 * Nothing is written here; storage is one transaction in the data layer.
 */
export async function prepareCandidates(
  item: ImportItem,
  deps: ImportDeps,
): Promise<{ ok: true; candidate: ImportCandidate } | { ok: false; message: string }> {
  if (item.rejection) return { ok: false, message: item.rejection };
  try {
    const detected = await detectInput(item.bytes, item.name);
    const unwrapped = await unwrap(item, detected, deps, 0);
    const resolve = async (url: string) => {
      try {
        return (await deps.fetch(url, { accept: "application/ld+json, application/json" })).json();
      } catch {
        return undefined;
      }
    };
    const interpreted = await interpretCredential(unwrapped.input, { container: unwrapped.container, resolve });
    const imageUrl = interpreted.record.image?.url;
    const image = await embeddedImage(unwrapped, imageUrl);
    const remoteImageUrl = !image && imageUrl && /^https:\/\//i.test(imageUrl) ? imageUrl : undefined;
    return {
      ok: true,
      candidate: {
        interpreted,
        original: {
          bytes: item.bytes,
          mediaType: MEDIA_TYPES[detected.kind] ?? "application/octet-stream",
          filename: item.name,
        },
        ...(image ? { image: { png: image.png, width: image.width, height: image.height } } : {}),
        ...(remoteImageUrl ? { remoteImageUrl } : {}),
      },
    };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
