import "server-only";
import type { Database } from "@/db/client";
import { getCycleView } from "./cycles-data";
import { buildCycleReport, type CycleReport } from "./report";

/** The evidence pack's content for one of the holder's cycles, or null (also for another holder's). */
export async function getCycleReportForHolder(
  db: Database,
  holderId: string,
  cycleId: string,
  now: Date,
  appUrl: string,
): Promise<CycleReport | null> {
  const view = await getCycleView(db, holderId, cycleId, now);
  return view ? buildCycleReport(view.profile, view, view.progress, appUrl) : null;
}

export function evidenceFilename(report: CycleReport, extension: "csv" | "pdf"): string {
  const name = report.profileName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `cpd-evidence-${name || "cycle"}-${report.startsOn}-to-${report.endsOn}.${extension}`;
}
