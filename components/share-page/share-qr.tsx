import { qrCodePath } from "@/lib/shares/qr";

/** The share link as a QR code, for the printed page: scan it to see the live checks. */
export function ShareQr({ url, label, className = "" }: { url: string; label: string; className?: string }) {
  const { size, path } = qrCodePath(url);
  const quiet = 4;
  return (
    <svg
      viewBox={`${-quiet} ${-quiet} ${size + quiet * 2} ${size + quiet * 2}`}
      className={className}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={size + quiet * 2} height={size + quiet * 2} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
