import { qrRunsPath } from "@/lib/portfolio/qr-runs";

/** A credential's QR code in the print view: our own SVG markup, no image request. */
export function PrintQr({ url, label, className = "" }: { url: string; label: string; className?: string }) {
  const { size, path } = qrRunsPath(url);
  const quiet = 2;
  const box = size + quiet * 2;
  return (
    <svg
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      className={className}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
