import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusalOf } from "@/testkit/hostile-input/builders";
import { isAcceptableEmbeddedImage, rasterizeBadgeImage } from "./image";
import { sanitizeSvgForRaster } from "./svg-sanitize";
import { makePng } from "@/testkit/hostile-input/builders";

// Loopback canary (docs/threat-model.md#test-scaffolding): counts every connection anything makes to it.
let canary: Server;
let connections = 0;
let origin = "";
beforeAll(async () => {
  canary = createServer((_req, res) => res.end("canary"));
  canary.on("connection", () => connections++);
  await new Promise<void>((resolve) => canary.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => canary.close(() => resolve())));

const isPng = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#0a7" } });

describe("rasterizeBadgeImage", () => {
  it.each([
    ["PNG", () => solid(1200, 600).png().toBuffer(), 512, 256],
    ["JPEG", () => solid(300, 200).jpeg().toBuffer(), 300, 200],
    ["GIF", () => solid(64, 64).gif().toBuffer(), 64, 64],
    ["WebP", () => solid(800, 800).webp().toBuffer(), 512, 512],
  ])("draws a %s as a PNG of at most 512 × 512", async (_label, make, width, height) => {
    const result = await rasterizeBadgeImage(new Uint8Array(await make()));
    expect(isPng(result.png)).toBe(true);
    expect({ width: result.width, height: result.height }).toEqual({ width, height });
  });

  it("strips metadata", async () => {
    const jpeg = await solid(100, 100)
      .jpeg()
      .withExif({ IFD0: { Copyright: "holder-secret", Artist: "gps" } })
      .toBuffer();
    const meta = await sharp((await rasterizeBadgeImage(jpeg)).png).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from((await rasterizeBadgeImage(jpeg)).png).includes("holder-secret")).toBe(false);
  });

  it("draws an SVG at the output size", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10" fill="#c00"/></svg>';
    const result = await rasterizeBadgeImage(Buffer.from(svg));
    expect([result.width, result.height]).toEqual([512, 256]);
  });

  // docs/threat-model.md D5
  it("refuses a PNG declaring 100,000 × 100,000 pixels", async () => {
    const error = await refusalOf(() => rasterizeBadgeImage(makePng([], { width: 100_000, height: 100_000 })));
    expect(error.reason).toBe("image_too_large");
    expect(error.message).toMatch(/10,000 pixels on a side|megapixels/);
  });

  it("refuses an SVG declaring 100,000 × 100,000 pixels", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="10" height="10"/></svg>';
    expect((await refusalOf(() => rasterizeBadgeImage(Buffer.from(svg)))).reason).toBe("image_too_large");
  });

  it("refuses a long thin image over the per-side cap", async () => {
    expect((await refusalOf(async () => rasterizeBadgeImage(makePng([], { width: 10_001, height: 1 })))).reason).toBe(
      "image_too_large",
    );
  });

  it("refuses what is not an image, whatever the hint says", async () => {
    const error = await refusalOf(() => rasterizeBadgeImage(Buffer.from('{"a":1}'), "image/png"));
    expect(error.reason).toBe("unsupported");
    expect(error.message).toMatch(/not a PNG, JPEG, GIF, WebP or SVG image \(it was described as “image\/png”\)/);
    expect(
      (await refusalOf(() => rasterizeBadgeImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]))))
        .reason,
    ).toBe("image_invalid");
    expect(
      (await refusalOf(() => rasterizeBadgeImage(Buffer.from('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>')))).reason,
    ).toBe("xml_doctype");
  });

  // docs/threat-model.md D6: hostile SVG is reduced to static drawing; nothing is fetched or read.
  it("rasterizes a hostile SVG with zero canary connections and no file access", async () => {
    const tiny = (await solid(4, 4).png().toBuffer()).toString("base64");
    const huge = makePng([], { width: 100_000, height: 100_000 }).toString("base64");
    const svg = `<?xml version="1.0"?><?xml-stylesheet href="${origin}/pi.css" type="text/css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64" onload="alert(1)">
  <style>@import url(${origin}/import.css); .b { fill: url(${origin}/paint.svg#p); } .c { fill: #0a7; }</style>
  <script>fetch("${origin}/script")</script>
  <script xlink:href="${origin}/external.js"/>
  <foreignObject width="64" height="64"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${origin}/frame"/></foreignObject>
  <defs><filter id="f"><feImage href="${origin}/fe.png"/></filter><rect id="r" width="8" height="8"/></defs>
  <a href="javascript:alert(1)"><rect class="c" width="64" height="64" onclick="alert(2)"/></a>
  <animate attributeName="href" values="javascript:alert(1)"/>
  <set attributeName="href" to="${origin}/set"/>
  <use href="data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><image href="${origin}/nested"/></svg>`).toString("base64")}"/>
  <use href="#r"/><use xlink:href="${origin}/use.svg#r"/>
  <image href="${origin}/image.png" width="10" height="10"/>
  <image xlink:href="file:///etc/passwd" width="10" height="10"/>
  <image href="&#x6a;avascript:alert(1)" width="10" height="10"/>
  <image href="data:image/png;base64,${huge}" width="10" height="10"/>
  <image href="data:image/png;base64,${tiny}" width="4" height="4"/>
  <rect style="fill: url('${origin}/style.svg#x')" filter="url(#f)" mask="url(${origin}/mask.svg#m)" width="4" height="4"/>
</svg>`;
    const clean = await sanitizeSvgForRaster(svg, async () => true);
    for (const banned of [
      "127.0.0.1",
      "file:",
      "script",
      "javascript",
      "foreignObject",
      "iframe",
      "onload",
      "onclick",
      "@import",
      "animate",
      "<set",
      "image/svg+xml",
      "xml-stylesheet",
    ]) {
      expect(clean).not.toContain(banned);
    }
    expect(clean).toContain('<use href="#r"/>');
    expect(clean).toContain(`data:image/png;base64,${tiny}`);
    expect(clean).toContain("fill: #0a7");

    const result = await rasterizeBadgeImage(Buffer.from(svg));
    expect(isPng(result.png)).toBe(true);
    expect([result.width, result.height]).toEqual([512, 512]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connections).toBe(0);
  });

  it("keeps only embedded rasters that pass the same format and pixel rules", async () => {
    expect(await isAcceptableEmbeddedImage(await solid(4, 4).png().toBuffer())).toBe(true);
    expect(await isAcceptableEmbeddedImage(makePng([], { width: 100_000, height: 100_000 }))).toBe(false);
    expect(await isAcceptableEmbeddedImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(false);
  });

  it("the canary does count connections (control)", async () => {
    const before = connections;
    const port = Number(new URL(origin).port);
    await new Promise<void>((resolve, reject) =>
      connect(port, "127.0.0.1", function (this: { end(): void }) {
        this.end();
        resolve();
      }).on("error", reject),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections).toBe(before + 1);
  });
});
