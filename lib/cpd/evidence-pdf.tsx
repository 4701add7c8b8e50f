import { createRequire } from "node:module";
import path from "node:path";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { CycleReport } from "./report";

/** Fallback order: Latin, then Latin Extended, glyph by glyph (react-pdf takes one file per family). */
const FAMILIES = ["TesseraCpdSans", "TesseraCpdSansExt"];
let fontsRegistered = false;

/** Our own bundled woff files by path, resolved from the project root at runtime: never a URL. */
function registerFonts(): void {
  if (fontsRegistered) return;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  for (const [family, subset] of [
    [FAMILIES[0]!, "latin"],
    [FAMILIES[1]!, "latin-ext"],
  ] as const) {
    Font.register({
      family,
      fonts: [400, 700].map((weight) => ({
        src: require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`),
        fontWeight: weight,
      })),
    });
  }
  fontsRegistered = true;
}

const styles = StyleSheet.create({
  page: { fontFamily: FAMILIES, fontSize: 9.5, padding: 36, lineHeight: 1.35, color: "#0f172a" },
  h1: { fontSize: 16, fontWeight: 700, marginBottom: 4 },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 14, marginBottom: 6 },
  muted: { color: "#475569" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", paddingVertical: 3 },
  ruleLabel: { width: "50%" },
  ruleCell: { width: "25%" },
  item: { borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", paddingVertical: 5 },
  bold: { fontWeight: 700 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 8, color: "#475569" },
});

export function EvidenceDocument({ report, generatedOn }: { report: CycleReport; generatedOn: string }) {
  return (
    <Document title={`CPD evidence: ${report.profileName}`} author="Tessera" creator="Tessera">
      <Page size="A4" style={styles.page} wrap>
        <Text style={styles.h1}>CPD evidence pack</Text>
        <Text>{report.profileName}</Text>
        <Text style={styles.muted}>
          {report.regulator} · cycle {report.startsOn} to {report.endsOn} · generated {generatedOn}
        </Text>
        <Text style={styles.h2}>Progress per rule</Text>
        {report.rules.map((r) => (
          <View key={r.label} style={styles.row} wrap={false}>
            <Text style={styles.ruleLabel}>{r.label}</Text>
            <Text style={styles.ruleCell}>
              {r.counted} of {r.required}
            </Text>
            <Text style={[styles.ruleCell, styles.bold]}>{r.status}</Text>
          </View>
        ))}
        <Text style={styles.h2}>Activities counted ({report.items.length})</Text>
        {report.items.length === 0 ? <Text>No activity is dated inside this cycle.</Text> : null}
        {report.items.map((item) => (
          <View key={item.id} style={styles.item} wrap={false}>
            <Text style={styles.bold}>{item.title}</Text>
            <Text>
              {item.issuer} · {item.date ?? "no date"} · {item.hours} h{item.hoursHolderSet ? " (holder-set)" : ""} ·{" "}
              {item.type}
            </Text>
            <Text>Topics: {item.topics.length > 0 ? item.topics.join(", ") : "none"}</Text>
            <Text>Counts toward: {item.countsToward.join(", ") || "no rule"}</Text>
            <Text>Verification: {item.verification}</Text>
            <Text style={styles.muted}>{item.link}</Text>
          </View>
        ))}
        <Text style={styles.h2}>How this was counted</Text>
        <Text>
          Each credential counts once toward each rule it fits; among required topics that cannot share, it counts
          toward the first it fits. Hours come from the credential&apos;s workload, from ECTS at {report.hoursPerEcts} h
          per credit, or from the figure the holder entered; holder-set hours are ones the credential&apos;s own text
          mentions, confirmed by the holder. Self-reported entries are marked as not verified.
        </Text>
        <Text style={styles.muted}>
          Rules: {report.source.title}
          {report.source.url ? ` (${report.source.url})` : ""}, as written on {report.source.retrieved}. Check the
          regulator&apos;s current rules before you rely on this pack.
        </Text>
        <Text
          style={styles.footer}
          render={({ pageNumber, totalPages }) => `Tessera CPD evidence · page ${pageNumber} of ${totalPages}`}
          fixed
        />
      </Page>
    </Document>
  );
}

export async function renderEvidencePdf(report: CycleReport, generatedOn: string): Promise<Uint8Array> {
  registerFonts();
  // Called as a function: renderToBuffer wants the <Document> element itself at the root.
  const buffer = await renderToBuffer(EvidenceDocument({ report, generatedOn }) as ReactElement<DocumentProps>);
  return new Uint8Array(buffer);
}
