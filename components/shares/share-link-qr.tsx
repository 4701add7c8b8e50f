"use client";

import { useMemo } from "react";
import { qrCodePath } from "@/lib/shares/qr";

const QUIET = 4;

/**
 * The new link as a QR code, drawn as inline SVG (no image request, nothing for the CSP to allow).
 * Always dark on white with its quiet zone, in dark mode too, so every scanner reads it.
 */
export function ShareLinkQr({
  url,
  className = "",
  label = "QR code of the link",
}: {
  url: string;
  className?: string;
  label?: string;
}) {
  const { size, path } = useMemo(() => qrCodePath(url), [url]);
  const box = size + QUIET * 2;
  return (
    // "QR code of the link": its name must not contain "share link", the label of the URL field.
    <svg
      viewBox={`${-QUIET} ${-QUIET} ${box} ${box}`}
      className={className}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET} y={-QUIET} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
