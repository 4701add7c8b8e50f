import { describe, expect, it } from "vitest";
import { sharedFileResponse, sharedImageResponse } from "./http";

describe("files from a share", () => {
  it("are attachments with a sandbox CSP, never cached, never leaking a Referer", async () => {
    const response = sharedFileResponse(new TextEncoder().encode("<svg onload=alert(1)>"), {
      filename: 'evil"; filename=x.html',
      sha256: "ab",
    });
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="evil_filename_x.html"');
    expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(response.headers.get("x-content-sha256")).toBe("ab");
    expect(await response.text()).toBe("<svg onload=alert(1)>");
  });

  it("serves images as PNG only, never cached", () => {
    const response = sharedImageResponse(new Uint8Array([137, 80, 78, 71]));
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
  });
});
