import sharp, { type SharpOptions } from "sharp";
import { formatSize, InputRejectedError, isInputRejected, MB, quoteName } from "./errors";
import { sanitizeSvgForRaster } from "./svg-sanitize";

/**
 * Badge images are shown only as our own raster (docs/threat-model.md D5, D6; requirement 3): decoded from a
 * Buffer (sharp treats a string as a file path, so never pass one), bounded in pixels, at most
 * 512 × 512, metadata stripped. Live SVG is never displayed.
 */
export const IMAGE_LIMITS = {
  maxBytes: 10 * MB,
  maxInputPixels: 40_000_000,
  maxDimension: 10_000,
  outputSize: 512,
  timeoutSeconds: 10,
} as const;

export interface RasterizedImage {
  png: Uint8Array;
  width: number;
  height: number;
}

type RasterFormat = "png" | "jpeg" | "gif" | "webp";

function sniffRaster(bytes: Uint8Array): RasterFormat | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === "WEBP") return "webp";
  return null;
}

const tooLarge = (width: number, height: number) =>
  new InputRejectedError(
    "image_too_large",
    `This image declares ${width.toLocaleString("en")} × ${height.toLocaleString("en")} pixels; Tessera accepts images up to ${IMAGE_LIMITS.maxDimension.toLocaleString("en")} pixels on a side and ${IMAGE_LIMITS.maxInputPixels / 1_000_000} megapixels in all.`,
  );

function fromSharpError(error: unknown): InputRejectedError {
  if (isInputRejected(error)) return error;
  const message = error instanceof Error ? error.message : "";
  if (/pixel limit/i.test(message)) {
    return new InputRejectedError(
      "image_too_large",
      `This image has more than ${IMAGE_LIMITS.maxInputPixels / 1_000_000} megapixels, which Tessera does not accept.`,
    );
  }
  if (/timeout/i.test(message))
    return new InputRejectedError("image_invalid", "This image took too long to draw, so Tessera stopped.");
  return new InputRejectedError("image_invalid", "Tessera could not read this image; it may be damaged.");
}

/** Declared size, refused above the caps before any pixel is decoded. */
async function checkedSize(input: Buffer, options: SharpOptions, expected: RasterFormat | "svg") {
  const meta = await sharp(input, options).metadata();
  if (meta.format !== expected || !meta.width || !meta.height) {
    throw new InputRejectedError("image_invalid", "Tessera could not read this image; it may be damaged.");
  }
  if (
    Math.max(meta.width, meta.height) > IMAGE_LIMITS.maxDimension ||
    meta.width * meta.height > IMAGE_LIMITS.maxInputPixels
  ) {
    throw tooLarge(meta.width, meta.height);
  }
  return { width: meta.width, height: meta.height };
}

/** For raster images embedded in an SVG as data: URIs: the same format and pixel rules. */
export async function isAcceptableEmbeddedImage(bytes: Uint8Array): Promise<boolean> {
  const format = sniffRaster(bytes);
  if (!format) return false;
  try {
    await checkedSize(Buffer.from(bytes), { limitInputPixels: IMAGE_LIMITS.maxInputPixels }, format);
    return true;
  } catch {
    return false;
  }
}

export async function rasterizeBadgeImage(bytes: Uint8Array, mediaTypeHint?: string): Promise<RasterizedImage> {
  if (bytes.byteLength > IMAGE_LIMITS.maxBytes) {
    throw new InputRejectedError(
      "too_large",
      `This image is ${formatSize(bytes.byteLength)}; Tessera accepts images up to ${formatSize(IMAGE_LIMITS.maxBytes)}.`,
    );
  }
  try {
    const raster = sniffRaster(bytes);
    let input: Buffer;
    const options: SharpOptions = { limitInputPixels: IMAGE_LIMITS.maxInputPixels, pages: 1 };
    if (raster) {
      input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      await checkedSize(input, options, raster);
    } else {
      // Content decides, never the hint or the extension; anything that is not SVG fails in here.
      input = Buffer.from(
        await sanitizeSvgForRaster(bytes, isAcceptableEmbeddedImage).catch((error: unknown) =>
          Promise.reject(notAnImage(error, mediaTypeHint)),
        ),
      );
      const { width, height } = await checkedSize(input, options, "svg");
      // Draw the vector at the output size directly instead of drawing it large and shrinking it.
      options.density = Math.min(100_000, Math.max(1, (72 * IMAGE_LIMITS.outputSize) / Math.max(width, height)));
    }
    const size = IMAGE_LIMITS.outputSize;
    const { data, info } = await sharp(input, options)
      .timeout({ seconds: IMAGE_LIMITS.timeoutSeconds })
      .autoOrient()
      .resize(size, size, { fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: new Uint8Array(data), width: info.width, height: info.height };
  } catch (error) {
    throw fromSharpError(error);
  }
}

/** Keeps the specific reason (a DOCTYPE, broken XML) when the file was an SVG; otherwise "not an image". */
function notAnImage(error: unknown, hint?: string): InputRejectedError {
  if (isInputRejected(error) && error.reason !== "not_text" && error.reason !== "unsupported") return error;
  const declared = hint ? ` (it was described as ${quoteName(hint)})` : "";
  return new InputRejectedError("unsupported", `This is not a PNG, JPEG, GIF, WebP or SVG image${declared}.`);
}
