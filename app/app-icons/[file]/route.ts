import { APP_ICON_SIZES, appIconPng, type AppIconSize } from "@/lib/pwa/app-icon";

const ICON_FILE = /^(\d+)(-maskable)?\.png$/;

/** The manifest's icons (lib/pwa/app-icon.ts): /app-icons/192.png, /app-icons/512-maskable.png, … */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = ICON_FILE.exec((await params).file);
  const size = Number(match?.[1]) as AppIconSize;
  if (!match || !APP_ICON_SIZES.includes(size)) return new Response("Not found", { status: 404 });
  const png = await appIconPng(size, match[2] !== undefined);
  return new Response(new Uint8Array(png), {
    headers: { "content-type": "image/png", "cache-control": "public, max-age=86400" },
  });
}
