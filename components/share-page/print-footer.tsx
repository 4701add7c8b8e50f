import { formatCheckedAt } from "@/components/verification/checks-list";
import { ShareQr } from "./share-qr";

/** On paper only: the page's QR code and URL, so a printed share leads back to the live checks. */
export function PrintFooter({ url, checkedAt }: { url: string; checkedAt: Date }) {
  return (
    <aside className="hidden items-center gap-4 border-t border-slate-300 pt-4 print:flex">
      <ShareQr url={url} className="h-28 w-28 shrink-0" />
      <div className="min-w-0 text-sm">
        <p className="font-semibold">Scan to see these checks live.</p>
        <p className="break-all">{url}</p>
        <p>Checked {formatCheckedAt(checkedAt.toISOString())}.</p>
      </div>
    </aside>
  );
}
