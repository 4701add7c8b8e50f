import { Award } from "lucide-react";

/** The badge picture: always our own sanitized PNG, served by a holder-scoped route; a placeholder otherwise. */
export function CredentialImage({
  credentialId,
  hasImage,
  size,
}: {
  credentialId: string;
  hasImage: boolean;
  size: 64 | 96;
}) {
  const box = size === 64 ? "h-16 w-16 rounded-xl" : "h-24 w-24 rounded-2xl";
  return (
    <div className={`${box} shrink-0 overflow-hidden bg-slate-100 dark:bg-slate-800`}>
      {hasImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- a private, already-optimized raster; next/image would proxy it
        <img
          src={`/api/credentials/${credentialId}/image`}
          alt=""
          width={size}
          height={size}
          className={`${box} object-contain`}
        />
      ) : (
        <Award
          className={size === 64 ? "m-4 h-8 w-8 text-slate-500" : "m-6 h-12 w-12 text-slate-500"}
          aria-hidden="true"
        />
      )}
    </div>
  );
}
