import { describe, expect, it } from "vitest";
import { shareProblemResponse, shareProblemText } from "./status-page";

describe("share problem pages", () => {
  it.each([
    ["not-found", 404],
    ["revoked", 410],
    ["expired", 410],
    ["rate-limited", 429],
  ] as const)("%s answers %i with a complete page, never cached or indexed", async (problem, status) => {
    const response = await shareProblemResponse(problem, { retryAfterSeconds: 12 });
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(response.headers.get("retry-after")).toBe(problem === "rate-limited" ? "12" : null);
    const html = await response.text();
    expect(html).toContain((await shareProblemText(problem, "en")).title);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it("is the same bytes every time, whatever the token", async () => {
    expect(await (await shareProblemResponse("not-found")).text()).toBe(
      await (await shareProblemResponse("not-found")).text(),
    );
  });

  it("speaks the visitor's language, right to left in Arabic, its words escaped", async () => {
    const response = await shareProblemResponse("expired", { locale: "ar" });
    expect(response.headers.get("content-language")).toBe("ar");
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain("انتهت صلاحية هذا الرابط");
    const uk = await (await shareProblemResponse("revoked", { locale: "uk" })).text();
    expect(uk).toContain("Це посилання вимкнено");
    expect(uk).not.toContain("turned off");
  });
});
