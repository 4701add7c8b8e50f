import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Muted, Section } from "@/components/credential/section";

/** The credential file exactly as issued, or why this page does not offer it. */
export async function SharedDownloadSection({
  href,
  presentationHref,
  formatLabel,
  withheldReason,
}: {
  href: string;
  /** The same credential in a Verifiable Presentation signed by the holder, when one can carry it. */
  presentationHref: string | null;
  formatLabel: string | null;
  withheldReason: string | null;
}) {
  const t = await getTranslations();
  return (
    <Section id="original" title={t("share.fileHeading")}>
      {withheldReason ? (
        <Muted>{withheldReason}</Muted>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {formatLabel ? t("share.fileAsSignedFormat", { format: formatLabel }) : t("share.fileAsSigned")}
          </p>
          <a
            className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300 print:hidden"
            href={href}
            download
          >
            <Download className="h-4 w-4" aria-hidden="true" />
            {t("share.fileDownload")}
          </a>
          {presentationHref ? (
            <>
              <p className="mt-4 mb-3 text-sm text-slate-700 dark:text-slate-300">{t("share.presentationIntro")}</p>
              <a
                className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300 print:hidden"
                href={presentationHref}
                download
              >
                <Download className="h-4 w-4" aria-hidden="true" />
                {t("share.presentationDownload")}
              </a>
            </>
          ) : null}
        </>
      )}
    </Section>
  );
}
