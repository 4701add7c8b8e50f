import Link from "next/link";
import { formatDay } from "@/components/ui/format";
import type { PathwayOverview } from "@/lib/stacking/data";

type Named = PathwayOverview["credentials"];

/** Credentials counted (or expired) for a requirement, each a link to its page in the wallet. */
export function CredentialLinks({
  label,
  ids,
  credentials,
  expired = false,
}: {
  label: string;
  ids: string[];
  credentials: Named;
  expired?: boolean;
}) {
  if (ids.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium">{label}</p>
      <ul className="list-disc pl-5">
        {ids.map((id) => {
          const credential = credentials[id];
          const until = expired ? formatDay(credential?.validUntil) : null;
          return (
            <li key={id} className="wrap-anywhere">
              <Link
                href={`/credentials/${id}`}
                className="text-brand-800 underline underline-offset-2 hover:no-underline dark:text-brand-300"
              >
                {credential?.title ?? "A credential in your wallet"}
              </Link>
              {credential?.issuerName ? (
                <span className="text-slate-700 dark:text-slate-300"> · {credential.issuerName}</span>
              ) : null}
              {until ? <span className="text-slate-700 dark:text-slate-300"> · expired {until}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
