import { Download } from "lucide-react";
import { Muted, Section } from "@/components/credential/section";

/** The credential file exactly as issued, or why this page does not offer it. */
export function SharedDownloadSection({
  href,
  formatLabel,
  withheldReason,
}: {
  href: string;
  formatLabel: string | null;
  withheldReason: string | null;
}) {
  return (
    <Section id="original" title="Credential file">
      {withheldReason ? (
        <Muted>{withheldReason}</Muted>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            The credential as its issuer signed it{formatLabel ? ` (${formatLabel})` : ""}, unchanged. Check it with any
            verifier, or on Tessera&rsquo;s own verify page.
          </p>
          <a
            className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300 print:hidden"
            href={href}
            download
          >
            <Download className="h-4 w-4" aria-hidden="true" />
            Download the credential file
          </a>
        </>
      )}
    </Section>
  );
}
