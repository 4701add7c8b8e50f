import { describe, expect, it } from "vitest";
import { SHARE_PROBLEM_TEXT } from "./problems";
import { shareProblemResponse } from "./status-page";

describe("share problem pages", () => {
  it.each([
    ["not-found", 404],
    ["revoked", 410],
    ["expired", 410],
    ["rate-limited", 429],
  ] as const)("%s answers %i with a complete page, never cached or indexed", async (problem, status) => {
    const response = shareProblemResponse(problem, { retryAfterSeconds: 12 });
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(response.headers.get("retry-after")).toBe(problem === "rate-limited" ? "12" : null);
    const html = await response.text();
    expect(html).toContain(SHARE_PROBLEM_TEXT[problem].title);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it("is the same bytes every time, whatever the token", async () => {
    expect(await shareProblemResponse("not-found").text()).toBe(await shareProblemResponse("not-found").text());
  });
});
