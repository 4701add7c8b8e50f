import { describe, expect, it } from "vitest";
import { hasFilters, parseWalletQuery, walletQueryToParams } from "./query";

describe("wallet query from the URL", () => {
  it("reads every filter and keeps the defaults out of the canonical form", () => {
    const id = "0b9f8c1e-4a4b-4c1e-9a55-3f1f0c6b7a10";
    const query = parseWalletQuery(
      new URLSearchParams(
        `q=sepsis&kind=badge&verification=verified&issuer=NHS&skill=Triage&tag=icu&validity=expiring&collection=${id}&sort=title&page=2`,
      ),
    );
    expect(query).toEqual({
      q: "sepsis",
      kind: "badge",
      verification: "verified",
      issuer: "NHS",
      skill: "Triage",
      tag: "icu",
      validity: "expiring",
      collection: id,
      sort: "title",
      page: 2,
    });
    expect(walletQueryToParams(query).toString()).toBe(
      `q=sepsis&kind=badge&verification=verified&issuer=NHS&skill=Triage&tag=icu&validity=expiring&collection=${id}&sort=title&page=2`,
    );
    expect(walletQueryToParams(parseWalletQuery({})).toString()).toBe("");
  });

  it("drops malformed values instead of failing the page", () => {
    const query = parseWalletQuery({
      kind: "diploma",
      verification: "<script>",
      collection: "../etc",
      sort: "random",
      page: "-3",
      q: "   ",
    });
    expect(query).toEqual({ sort: "newest", page: 1 });
    expect(hasFilters(query)).toBe(false);
  });

  it("takes the first of repeated keys, collapses whitespace and caps the search length", () => {
    const query = parseWalletQuery({ q: ["  basic   life  support ", "other"], issuer: "x".repeat(400) });
    expect(query.q).toBe("basic life support");
    expect(query.issuer).toHaveLength(300);
    expect(parseWalletQuery({ q: "a".repeat(500) }).q).toHaveLength(100);
  });

  it("treats a page past any sane wallet as malformed", () => {
    expect(parseWalletQuery({ page: "99999999" }).page).toBe(1);
    expect(parseWalletQuery({ page: "3.5" }).page).toBe(1);
  });
});
