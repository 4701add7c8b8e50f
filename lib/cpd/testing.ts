import type { ActivitySource } from "./activity";

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

/** pdfjs 6 uses Promise.withResolvers, which Node 20 lacks; tests only, nothing ships this. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  promise.withResolvers ??= () => {
    let resolve!: (value: unknown) => void;
    let reject!: (reason: unknown) => void;
    const p = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    return { promise: p, resolve, reject };
  };
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  let text = "";
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      text += ` ${content.items.map((item) => ("str" in item ? item.str : "")).join(" ")}`;
    }
  } finally {
    await task.destroy();
  }
  return text.replace(/\s+/g, " ");
}
