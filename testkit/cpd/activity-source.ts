import { readPdf } from "@/testkit/pdf-reader";
import type { ActivitySource } from "@/lib/cpd/activity";

/** Test helper: one credential as the engine sees it, with only what a test sets. */
export function source(overrides: Partial<ActivitySource> & { credentialId: string }): ActivitySource {
  return {
    title: overrides.credentialId,
    issuer: "Northbridge",
    issuedAt: new Date("2025-05-01T00:00:00Z"),
    hours: null,
    ects: null,
    participation: null,
    skills: [],
    outcomes: [],
    holderTags: [],
    verdict: "verified",
    selfReported: false,
    override: null,
    ...overrides,
  };
}

/** The evidence pack's text as a reader gets it (pdfjs), runs joined by spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).words;
}
