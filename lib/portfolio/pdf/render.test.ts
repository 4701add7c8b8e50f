import { describe, expect, it } from "vitest";
import { readPdf } from "@/testkit/pdf-reader";
import { FIXTURE_ORIGIN, FIXTURE_TOKEN, fixtureItem, fixturePortfolio } from "@/testkit/portfolio/fixture";
import { ownLink } from "./own-link";
import { renderPortfolioPdf } from "./render";

describe("portfolio PDF rendering", () => {
  it(
    "prints real text: name, titles, issuer, dates, verdict with its check date, share URLs",
    { timeout: 60_000 },
    async () => {
      const long =
        "Interprofessional Resuscitation Leadership and Communication in Critical Care Environments for Registered Practitioners";
      const items = [
        fixtureItem(1),
        fixtureItem(3, { title: long }),
        fixtureItem(2, {
          title: "Sepsis Recognition",
          verification: {
            state: "self-reported",
            label: "Self-reported, not verified",
            checkedAt: null,
            line: "Self-reported, not verified",
          },
        }),
      ];
      const pdf = await readPdf(await renderPortfolioPdf(fixturePortfolio(items), FIXTURE_ORIGIN));
      expect(pdf.text).toContain("Amara Okafor");
      expect(pdf.text).toContain("Registered nurse");
      expect(pdf.text).toContain("Advanced Life Support 1");
      expect(pdf.text).toContain("Sepsis Recognition");
      expect(pdf.text).toContain("Resuscitation Council");
      expect(pdf.text).toContain("Issued 14 Mar 2026 · Expires 14 Mar 2028 · 12 h · 1 ECTS · EQF level 5");
      expect(pdf.text).toContain("Verified, checked 20 Nov 2026");
      expect(pdf.text).toContain("Self-reported, not verified");
      expect(pdf.text).toContain("Lead a resuscitation team");
      expect(pdf.text).toContain(`${FIXTURE_ORIGIN}/v/${FIXTURE_TOKEN}/c/${items[0]!.id}`);
      expect(pdf.flat).toContain("works until the holder revokes it");
      // A wrapped title keeps whole words: no hyphen is put into them.
      expect(pdf.flat).toContain(long);
      expect(pdf.flat).toContain("3 micro-credentials");
      // The footer and page numbers (a render-prop Text, dropped by react-pdf if it inherits a lineHeight).
      expect(pdf.flat).toContain("Portfolio of Amara Okafor, made with Tessera on 1 Dec 2026");
      expect(pdf.flat).toMatch(/Page 1 of \d/);
      expect(pdf.hasJavaScript).toBe(false);
    },
  );

  it("is A4 or US Letter as chosen", { timeout: 60_000 }, async () => {
    const a4 = await readPdf(await renderPortfolioPdf(fixturePortfolio([fixtureItem(1)]), FIXTURE_ORIGIN));
    const letter = await readPdf(
      await renderPortfolioPdf(
        fixturePortfolio([fixtureItem(1)], { layout: { grouping: "kind", paper: "LETTER", showEmail: false } }),
        FIXTURE_ORIGIN,
      ),
    );
    expect(a4.sizes[0]).toEqual([595, 842]);
    expect(letter.sizes[0]).toEqual([612, 792]);
  });

  it(
    "links only to our own origin: a foreign, javascript: or file: URL is printed without a link (docs/threat-model.md G1)",
    { timeout: 60_000 },
    async () => {
      const hostile = [
        fixtureItem(1, { verifyUrl: "javascript:alert(1)" }),
        fixtureItem(2, { verifyUrl: "file:///etc/passwd" }),
        fixtureItem(3, { verifyUrl: "https://evil.example/v/x" }),
        fixtureItem(4),
      ];
      const bytes = await renderPortfolioPdf(fixturePortfolio(hostile), FIXTURE_ORIGIN);
      const pdf = await readPdf(bytes);
      const links = pdf.annotations.filter((a) => a.subtype === "Link");
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.action).toBeNull();
        expect(link.url).not.toBeNull();
        expect(new URL(link.url!).origin).toBe(FIXTURE_ORIGIN);
      }
      expect(pdf.annotations.every((a) => a.subtype === "Link")).toBe(true);
      const raw = Buffer.from(bytes).toString("latin1");
      expect(raw).not.toMatch(/\/(JS|JavaScript|Launch|SubmitForm|ImportData|EmbeddedFile|OpenAction|AA)\b/);
    },
  );
});

describe("ownLink", () => {
  it("accepts http(s) on our origin only", () => {
    expect(ownLink("https://wallet.example.org/v/x", "https://wallet.example.org")).toBe(
      "https://wallet.example.org/v/x",
    );
    expect(ownLink("https://wallet.example.org.evil.example/v/x", "https://wallet.example.org")).toBeNull();
    expect(ownLink("javascript:alert(1)", "https://wallet.example.org")).toBeNull();
    expect(ownLink("file:///etc/passwd", "https://wallet.example.org")).toBeNull();
    expect(ownLink("not a url", "https://wallet.example.org")).toBeNull();
  });
});
