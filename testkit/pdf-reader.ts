// pdfjs 6 uses Promise.withResolvers, which Node 20 lacks; tests only, nothing ships this.
const promise = Promise as unknown as { withResolvers?: () => unknown };
promise.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: unknown) => void;
  const p = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise: p, resolve, reject };
};
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

/** Test helper: what a reader of the PDF gets, read with pdfjs (Mozilla's PDF engine). */

export interface PdfLinkAnnotation {
  subtype: string;
  url: string | null;
  unsafeUrl: string | null;
  action: string | null;
  hasDest: boolean;
}

export interface ReadPdf {
  pages: number;
  /** Page sizes in points, [width, height]. */
  sizes: Array<[number, number]>;
  /** All text as pdfjs extracts it, a line break where pdfjs reports one. */
  text: string;
  /** The same with every run of whitespace as one space: for sentences that wrap across lines. */
  flat: string;
  /** Every text run joined by a space, whitespace collapsed: for table cells drawn as separate runs. */
  words: string;
  annotations: PdfLinkAnnotation[];
  hasJavaScript: boolean;
  /** The document's Title as a reader shows it. */
  title: string | null;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const sizes: Array<[number, number]> = [];
    const lines: string[] = [];
    const runs: string[] = [];
    const annotations: PdfLinkAnnotation[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
      const content = await page.getTextContent();
      let line = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        runs.push(item.str);
        if (item.hasEOL) {
          lines.push(line);
          line = "";
        }
      }
      if (line) lines.push(line);
      for (const a of (await page.getAnnotations()) as Array<Record<string, unknown>>) {
        annotations.push({
          subtype: String(a.subtype),
          url: typeof a.url === "string" ? a.url : null,
          unsafeUrl: typeof a.unsafeUrl === "string" ? a.unsafeUrl : null,
          action: typeof a.action === "string" ? a.action : null,
          hasDest: a.dest !== undefined && a.dest !== null,
        });
      }
    }
    const js = await pdf.getJSActions();
    const { info } = (await pdf.getMetadata()) as { info: { Title?: unknown } };
    return {
      pages: pdf.numPages,
      sizes,
      text: lines.join("\n"),
      flat: lines.join(" ").replace(/\s+/g, " "),
      words: runs.join(" ").replace(/\s+/g, " "),
      annotations,
      hasJavaScript: js !== null && Object.keys(js).length > 0,
      title: typeof info.Title === "string" ? info.Title : null,
    };
  } finally {
    await task.destroy();
  }
}
