import "server-only";
import sharp from "sharp";

/**
 * The installed app's icons, drawn from the same four tiles as the favicon (public/icon.svg),
 * rasterised here rather than kept as binary files. "maskable" icons keep the tiles inside the
 * central 80 % circle every launcher's mask leaves visible, on a full-bleed background.
 */
export const APP_ICON_SIZES = [192, 512] as const;
export type AppIconSize = (typeof APP_ICON_SIZES)[number];

const BACKGROUND = "#f8fafc";

function tilesSvg(size: number, inset: number): string {
  const unit = (size - 2 * inset) / 32;
  const tile = (x: number, y: number, fill: string) =>
    `<rect x="${inset + x * unit}" y="${inset + y * unit}" width="${13 * unit}" height="${13 * unit}" rx="${3 * unit}" fill="${fill}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" fill="${BACKGROUND}"/>${tile(2, 2, "#0b6a5e")}${tile(17, 2, "#5fd4bd")}${tile(2, 17, "#5fd4bd")}${tile(17, 17, "#f59e0b")}</svg>`;
}

const rendered = new Map<string, Promise<Buffer>>();

/** The PNG of one icon, drawn once per process. */
export function appIconPng(size: AppIconSize, maskable: boolean): Promise<Buffer> {
  const key = `${size}-${maskable}`;
  let png = rendered.get(key);
  if (!png) {
    // Maskable: the tiles fill the middle 60 %, well inside the 80 % safe circle.
    png = sharp(Buffer.from(tilesSvg(size, maskable ? size * 0.2 : size * 0.06)))
      .png()
      .toBuffer();
    rendered.set(key, png);
  }
  return png;
}
