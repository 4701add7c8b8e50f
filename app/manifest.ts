import type { MetadataRoute } from "next";
import { APP_ICON_SIZES } from "@/lib/pwa/app-icon";

/**
 * The web app manifest (issue 21): Tessera installs as an app that opens on the holder's wallet.
 * Next serves it at /manifest.webmanifest and links it from every page.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/wallet",
    name: "Tessera — your credential wallet",
    short_name: "Tessera",
    description: "Your badges, micro-credentials and certificates, with proof anyone can verify.",
    start_url: "/wallet",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0b6a5e",
    icons: APP_ICON_SIZES.flatMap((size) => [
      { src: `/app-icons/${size}.png`, sizes: `${size}x${size}`, type: "image/png", purpose: "any" as const },
      {
        src: `/app-icons/${size}-maskable.png`,
        sizes: `${size}x${size}`,
        type: "image/png",
        purpose: "maskable" as const,
      },
    ]),
  };
}
