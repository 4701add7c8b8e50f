/**
 * The conformance helpers on their own, so they stay covered where the external fixtures are
 * absent (CI without ../shared/fixtures/external). Rows here are copied from the README's wording, not its files.
 */
import { describe, expect, it } from "vitest";
import { expectationFor } from "./expectations";
import { judge } from "./judge";
import { parseReadme, type ReadmeRow } from "./readme-table";

const row = (file: string, format: string, status: string, notes = ""): ReadmeRow => ({
  section: "",
  file,
  format,
  status,
  notes,
});

describe("conformance helpers", () => {
  it("parses file tables, prefixes the section folder and decodes entities", () => {
    const md = [
      "## Open Badges 3.0 (OpenBadgeCredential)",
      "",
      "2 files (1 marked INVALID).",
      "",
      "| file | format | status | notes | source |",
      "| --- | --- | --- | --- | --- |",
      "| `baked/a.svg` | OB3 baked SVG (&lt;openbadges:credential&gt;) | valid | x | y |",
      "| `invalid/b.json` | OB3 OpenBadgeCredential | INVALID | no proof at all | y |",
    ].join("\n");
    const { rows, counts } = parseReadme(md);
    expect(counts).toEqual([{ section: "Open Badges 3.0 (OpenBadgeCredential)", files: 2, invalid: 1 }]);
    expect(rows.map((r) => [r.file, r.format, r.status])).toEqual([
      ["ob3/baked/a.svg", "OB3 baked SVG (<openbadges:credential>)", "valid"],
      ["ob3/invalid/b.json", "OB3 OpenBadgeCredential", "INVALID"],
    ]);
  });

  it("classifies INVALID rows by their reason, and leaves new wording unclassified", () => {
    expect(
      expectationFor(row("ob2/invalid/x.svg", "OB baked SVG", "INVALID", "CDATA is not valid JSON (unquoted key)"))
        .expect,
    ).toBe("refuse");
    expect(
      expectationFor(row("ob2/invalid/y.json", "OB2 hosted Assertion", "INVALID", "expires is in the past")).expect,
    ).toBe("either");
    expect(
      expectationFor(
        row(
          "vc2/i/z.json",
          "VCDM 2.0 structure",
          "INVALID",
          "malformed validFrom; W3C VCDM 2.0 test-suite issuance input (no issuer/proof: the implementation under test adds them)",
        ),
      ).expect,
    ).toBe("either");
    expect(
      expectationFor(
        row("ob3/invalid/n.json", "OB3 OpenBadgeCredential", "INVALID", "something nobody wrote a rule for"),
      ).expect,
    ).toBe("unclassified");
  });

  it("expects the README's kinds and skips supporting files", () => {
    expect(expectationFor(row("clr2/a.json", "CLR 2.0 ClrCredential", "valid"))).toMatchObject({
      expect: "import",
      format: "clr2",
      kind: { exactly: "nano-degree" },
    });
    expect(expectationFor(row("contexts/c.json", "JSON-LD context", "context")).expect).toBe("skip");
    expect(expectationFor(row("ob2/hosted/b.json", "OB2 BadgeClass", "valid")).expect).toBe("refuse");
  });

  it("judges outcomes", () => {
    const importOb3 = { expect: "import", format: "ob3", kind: { atLeast: "micro-credential" }, why: "" } as const;
    const imported = (format: string, kind: string) =>
      ({ status: "imported", format, kind, kindReason: "because", presentation: false }) as const;
    expect(judge(importOb3, imported("ob3", "nano-degree"))).toBeUndefined();
    expect(judge(importOb3, imported("ob3", "badge"))).toMatch(/at least micro-credential/);
    expect(judge(importOb3, imported("vc", "nano-degree"))).toMatch(/expected ob3/);
    expect(judge(importOb3, { status: "refused", message: "no" })).toMatch(/README says it is importable/);
    expect(judge({ expect: "refuse", why: "" }, { status: "refused", message: " " })).toMatch(/without a reason/);
    expect(judge({ expect: "either", why: "" }, { status: "threw", message: "TypeError: x" })).toMatch(/threw/);
  });
});
