import QRCode from "qrcode";

/**
 * A QR code of the share link as one SVG path (one unit square per dark module), drawn by our own
 * markup: no image request, no inline HTML string. The printed page carries it so a reader of the
 * paper can open the live checks (docs/product-notes.md must-have 8).
 */
export function qrCodePath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
  }
  return { size: modules.size, path: parts.join("") };
}
