import QRCode from "qrcode";

/**
 * A QR code as one SVG path, for the PDF and the print view. Each run of dark
 * modules in a row is one rectangle, not one square per module as in lib/shares/qr.ts: a
 * portfolio prints one code per credential and this keeps the PDF and its render time small.
 */
export function qrRunsPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
        start = -1;
      }
    }
  }
  return { size: modules.size, path: parts.join("") };
}
