import { Path, Rect, Svg } from "@react-pdf/renderer";
import { qrRunsPath } from "../qr-runs";

/** The QR code as vector paths drawn by react-pdf (no image, nothing fetched). */
export function PdfQrCode({ url, size }: { url: string; size: number }) {
  const { size: modules, path } = qrRunsPath(url);
  const quiet = 2;
  const box = modules + quiet * 2;
  return (
    <Svg width={size} height={size} viewBox={`${-quiet} ${-quiet} ${box} ${box}`}>
      <Rect x={-quiet} y={-quiet} width={box} height={box} fill="#ffffff" />
      <Path d={path} fill="#000000" />
    </Svg>
  );
}
