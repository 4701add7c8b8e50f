import { Download } from "lucide-react";
import type { NormalizedCredential } from "@/lib/credentials/record";
import { Section } from "./section";

/** The original bytes as a download, and the decoded data as escaped text behind a disclosure. */
export function OriginalFileSection({
  credentialId,
  record,
  payload,
}: {
  credentialId: string;
  record: NormalizedCredential;
  payload: unknown;
}) {
  return (
    <Section id="original" title="Original file">
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        Exactly the bytes you imported ({record.formatLabel}), never changed by Tessera: your notes, tags and
        collections are kept beside it. Anyone can verify it independently.
      </p>
      <a
        className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300"
        href={`/api/credentials/${credentialId}/original`}
        download
      >
        <Download className="h-4 w-4" aria-hidden="true" />
        Download original
      </a>
      <details className="mt-4">
        <summary className="cursor-pointer py-3 text-sm font-medium">Show the credential data</summary>
        {/* React escapes the text: markup inside the credential stays visible as characters. */}
        <pre
          tabIndex={0}
          role="region"
          aria-label="Credential data (JSON)"
          className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-slate-100 p-3 text-xs dark:bg-slate-950"
        >
          {JSON.stringify(payload, null, 2)}
        </pre>
      </details>
    </Section>
  );
}
