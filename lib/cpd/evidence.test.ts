import { describe, expect, it } from "vitest";
import { buildActivity } from "./activity";
import { CPD_CATALOG } from "./catalog";
import { computeCycleProgress } from "./engine";
import { csvCell, evidenceCsv } from "./evidence-csv";
import { renderEvidencePdf } from "./evidence-pdf";
import { cpdProfileSchema } from "./profile-schema";
import { buildCycleReport } from "./report";
import { pdfText, source } from "@/testkit/cpd/activity-source";

const nmc = cpdProfileSchema.parse(CPD_CATALOG[0]);
const cycle = { startsOn: "2024-04-01", endsOn: "2027-03-31" };

function report() {
  const activities = [
    buildActivity(
      source({
        credentialId: "11111111-1111-4111-8111-111111111111",
        title: "Sepsis recognition workshop",
        issuer: "Northbridge",
        hours: 7.5,
        holderTags: ["participatory"],
        issuedAt: new Date("2025-03-02T00:00:00Z"),
      }),
      25,
    ),
    buildActivity(
      source({
        credentialId: "22222222-2222-4222-8222-222222222222",
        title: '=HYPERLINK("https://evil.example","click")',
        issuer: "+Evil, Inc.",
        ects: 1,
        selfReported: true,
        verdict: null,
      }),
      25,
    ),
  ];
  return buildCycleReport(
    nmc,
    cycle,
    computeCycleProgress(nmc, cycle, activities, "2026-12-06"),
    "https://wallet.example.org",
  );
}

describe("evidence pack", () => {
  it("escapes spreadsheet formulas and quotes in CSV cells", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("Plain")).toBe("Plain");
  });

  it("lists each counted activity with date, hours, type, topics, verdict and link", () => {
    const lines = evidenceCsv(report())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Activity,Issuer,Date,Hours,Type,Topics,Counts toward,Verification,Link");
    expect(lines[1]).toBe(
      "Sepsis recognition workshop,Northbridge,2025-03-02,7.5,Participatory,,CPD hours; Participatory CPD hours,Verified,https://wallet.example.org/credentials/11111111-1111-4111-8111-111111111111",
    );
    expect(lines[2]).toBe(
      `"'=HYPERLINK(""https://evil.example"",""click"")","'+Evil, Inc.",2025-05-01,25,Individual,,CPD hours,Self-reported (not verified),https://wallet.example.org/credentials/22222222-2222-4222-8222-222222222222`,
    );
    expect(lines).toHaveLength(3);
  });

  it("renders a PDF whose text carries the rules, the activities and their verdicts", async () => {
    const bytes = await renderEvidencePdf(report(), "2026-12-06");
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const flat = await pdfText(bytes);
    expect(flat).toContain("CPD evidence pack");
    expect(flat).toContain("Sepsis recognition workshop");
    expect(flat).toContain("Participatory CPD hours");
    expect(flat).toContain("Missing 12.5 h");
    expect(flat).toContain("Self-reported (not verified)");
    expect(flat).toContain("25 h per credit");
  });
});
