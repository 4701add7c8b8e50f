import { describe, expect, it } from "vitest";
import { attachmentFilename, attachmentResponse } from "./attachment";

describe("downloads of imported bytes", () => {
  it("names the file safely, with an extension that matches its type", () => {
    expect(attachmentFilename('../../etc/"passwd"\r\n.svg', "image/svg+xml", "credential")).toBe(
      ".._.._etc_passwd_.svg",
    );
    expect(attachmentFilename("badge", "image/png", "credential")).toBe("badge.png");
    expect(attachmentFilename(null, "application/jwt", "credential")).toBe("credential.jwt");
    expect(attachmentFilename("x".repeat(300), "application/pdf", "evidence")).toHaveLength(104);
  });

  it("is always a sandboxed attachment that is never sniffed or cached", () => {
    const response = attachmentResponse(new Uint8Array([60, 115, 118, 103]), {
      filename: "b.svg",
      mediaType: "image/svg+xml",
      sha256: "ab",
      fallbackName: "credential",
    });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/octet-stream",
      "content-disposition": 'attachment; filename="b.svg"',
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "x-content-sha256": "ab",
    });
  });
});
