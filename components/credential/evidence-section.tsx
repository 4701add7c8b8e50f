import { Download, FileText } from "lucide-react";
import type { EvidenceFileSummary } from "@/lib/credential-store/evidence";
import type { Evidence, NormalizedCredential } from "@/lib/credentials/record";
import { formatBytes } from "@/components/ui/format";
import { Muted, SafeLink, Section } from "./section";

const FILE_KINDS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/webp": "WebP image",
};

/** An attached file as both the holder's page and the share page know it (no bytes). */
type EvidenceFile = Pick<EvidenceFileSummary, "id" | "filename" | "mediaType" | "byteSize">;

/**
 * The "Evidence" section: the files attached to a self-reported certificate (downloads only, from
 * `fileHref`) and the evidence the credential names. Whether it is shown at all is the caller's
 * decision (the share page shows it only when the share does).
 */
export function EvidenceList({
  evidence,
  files,
  fileHref,
  hideDownloadsInPrint = false,
}: {
  evidence: Evidence[];
  files: EvidenceFile[];
  fileHref: (fileId: string) => string;
  hideDownloadsInPrint?: boolean;
}) {
  return (
    <Section id="evidence" title="Evidence">
      {evidence.length === 0 && files.length === 0 ? <Muted>No evidence is attached to this credential.</Muted> : null}
      {files.length > 0 ? (
        <ul aria-label="Attached files" className="mb-3 flex flex-col gap-2">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <FileText className="h-5 w-5 shrink-0 text-slate-500" aria-hidden="true" />
              <span className="min-w-0 break-all font-medium">{file.filename}</span>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {FILE_KINDS[file.mediaType] ?? "File"}, {formatBytes(file.byteSize)}
              </span>
              <a
                href={fileHref(file.id)}
                download
                className={`inline-flex min-h-11 items-center gap-1 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300${hideDownloadsInPrint ? " print:hidden" : ""}`}
              >
                <Download className="h-4 w-4" aria-hidden="true" />
                Download<span className="sr-only"> {file.filename}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {evidence.length > 0 ? (
        <ul aria-label="Evidence named in the credential" className="flex flex-col gap-3">
          {evidence.map((item, i) => (
            <li key={i} className="wrap-anywhere rounded-xl border border-slate-200 p-3 dark:border-slate-800">
              <p className="font-medium">{item.name ?? `Evidence ${i + 1}`}</p>
              {item.description ? (
                <p className="whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{item.description}</p>
              ) : null}
              {item.narrative ? (
                <p className="mt-1 whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{item.narrative}</p>
              ) : null}
              {item.url ? (
                <p className="mt-1 text-sm">
                  <SafeLink href={item.url} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** The holder's credential page: its evidence, with the files downloaded from the holder's own API. */
export function EvidenceSection({
  credentialId,
  record,
  files,
}: {
  credentialId: string;
  record: NormalizedCredential;
  files: EvidenceFileSummary[];
}) {
  return (
    <EvidenceList
      evidence={record.evidence ?? []}
      files={files}
      fileHref={(fileId) => `/api/credentials/${credentialId}/evidence/${fileId}`}
    />
  );
}
