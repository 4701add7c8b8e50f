import sharp from "sharp";
import { expect, test } from "./support/fixtures";
import { seedHolder } from "./support/wallet";

test.describe("the wallet installs as an app (issue 21)", () => {
  test("every page links the manifest; it names the app, opens on the wallet, and its icons are real PNGs of their size; Chromium finds nothing missing for installing", async ({
    page,
    context,
  }) => {
    await seedHolder(context, { label: "install" });
    await page.goto("/wallet");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");

    const response = await context.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/manifest\+json/);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ short_name: "Tessera", start_url: "/wallet", display: "standalone" });
    expect(manifest.name).toMatch(/Tessera/);
    for (const size of ["192x192", "512x512"])
      for (const purpose of ["any", "maskable"])
        expect(manifest.icons.some((icon) => icon.sizes === size && icon.purpose === purpose)).toBe(true);
    for (const icon of manifest.icons) {
      const image = await context.request.get(icon.src);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      const meta = await sharp(await image.body()).metadata();
      expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
    }

    // What Chromium itself checks before it offers to install the app.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's browser contexts are off the record, where Chromium never installs anything:
    // "in-incognito" is about the test's browser, every other answer is about the app.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
  });
});
