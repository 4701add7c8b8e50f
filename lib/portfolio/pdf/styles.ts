import { StyleSheet } from "@react-pdf/renderer";
import type { PortfolioVerificationState } from "../verification-text";
import { PDF_FONT_FAMILIES } from "./fonts";

const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";

export const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILIES,
    fontSize: 9,
    color: INK,
    paddingTop: 36,
    paddingBottom: 48,
    paddingHorizontal: 40,
  },
  // Not on the page: a render-prop Text (the page number) that inherits any lineHeight is dropped (react-pdf 4.9).
  // lineHeight resolves against the fontSize where it is set and is inherited as points.
  body: { fontSize: 9, lineHeight: 1.35 },
  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    gap: 16,
    borderBottomWidth: 1.5,
    borderBottomColor: INK,
    paddingBottom: 10,
    marginBottom: 10,
  },
  headerText: { flex: 1, gap: 2 },
  name: { fontSize: 20, fontWeight: 700, lineHeight: 1.25 },
  profession: { fontSize: 11, fontWeight: 700, color: MUTED, lineHeight: 1.3 },
  headline: { fontSize: 10, lineHeight: 1.35 },
  muted: { color: MUTED },
  small: { fontSize: 7.5, color: MUTED },
  headerQr: { alignItems: "center", gap: 2, width: 86 },
  summary: { flexDirection: "row", flexWrap: "wrap", gap: 6, marginBottom: 6 },
  figure: { borderWidth: 0.75, borderColor: RULE, borderRadius: 3, paddingVertical: 3, paddingHorizontal: 6 },
  figureValue: { fontSize: 11, fontWeight: 700, lineHeight: 1.2 },
  linkNote: { fontSize: 8, color: MUTED, marginBottom: 10 },
  groupTitle: { fontSize: 12, fontWeight: 700, lineHeight: 1.3, marginTop: 10, marginBottom: 1 },
  groupNote: { fontSize: 8.5, color: MUTED, marginBottom: 2 },
  item: { borderTopWidth: 0.75, borderTopColor: RULE, paddingVertical: 6 },
  itemRow: { flexDirection: "row", gap: 10 },
  itemText: { flex: 1, gap: 1.5 },
  itemTitle: { fontSize: 10.5, fontWeight: 700, lineHeight: 1.3 },
  label: { fontWeight: 700 },
  qr: { width: 58, alignItems: "center" },
  url: { fontSize: 7, color: MUTED, marginTop: 2 },
  footer: { position: "absolute", bottom: 22, left: 40, right: 110, fontSize: 7.5, color: MUTED },
  pageNumber: {
    position: "absolute",
    bottom: 22,
    right: 40,
    width: 64,
    textAlign: "right",
    fontSize: 7.5,
    color: MUTED,
  },
});

/** The verdict is always in words; the colour only repeats it. */
export const VERDICT_COLOURS: Record<PortfolioVerificationState, string> = {
  verified: "#047857",
  "not-verified": "#b91c1c",
  unknown: "#92400e",
  unchecked: MUTED,
  "self-reported": "#92400e",
};
