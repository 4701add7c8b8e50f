import { getLocale, getTranslations } from "next-intl/server";
import { formattersFor } from "@/lib/i18n/format";
import { ShareQr } from "./share-qr";

/** On paper only: the page's QR code and URL, so a printed share leads back to the live checks. */
export async function PrintFooter({ url, checkedAt }: { url: string; checkedAt: Date }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <aside className="hidden items-center gap-4 border-t border-slate-300 pt-4 print:flex">
      <ShareQr url={url} label={t("share.qrLabel")} className="h-28 w-28 shrink-0" />
      <div className="min-w-0 text-sm">
        <p className="font-semibold">{t("share.printScan")}</p>
        <p className="break-all" dir="ltr">
          {url}
        </p>
        <p>{t("share.printChecked", { time: formattersFor(locale).moment(checkedAt) })}</p>
      </div>
    </aside>
  );
}
