import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrCodePath } from "./qr";

describe("the share link's QR code", () => {
  it("draws each dark module of the symbol as a unit square", () => {
    const url = `https://wallet.example.org/v/tsv_${"A".repeat(43)}`;
    const { size, path } = qrCodePath(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    expect(size).toBe(modules.size);
    const squares = path.match(/M\d+ \d+h1v1h-1z/g) ?? [];
    expect(squares.length).toBe(Array.from(modules.data).filter(Boolean).length);
    expect(path.startsWith("M0 0h1v1h-1z")).toBe(true); // the top-left finder pattern
  });
});
