import { ShareIcon } from "./share-icons";

/** The badge picture through the share's own image route (our sanitized PNG), or a placeholder. */
export function SharedImage({ src, size }: { src: string | null; size: 64 | 96 }) {
  const box = size === 64 ? "h-16 w-16 rounded-xl" : "h-24 w-24 rounded-2xl";
  return (
    <div className={`${box} shrink-0 overflow-hidden bg-slate-100 dark:bg-slate-800 print:bg-transparent`}>
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- an already-sanitized raster behind a token; next/image would proxy and cache it
        <img src={src} alt="" width={size} height={size} className={`${box} object-contain`} />
      ) : (
        <ShareIcon
          name="award"
          className={size === 64 ? "m-4 h-8 w-8 text-slate-500" : "m-6 h-12 w-12 text-slate-500"}
        />
      )}
    </div>
  );
}
