import Link from "next/link";

/** The way back up from a nested page ("Collections", "Pathways"), first in reading order. */
export function Breadcrumb({ href, label }: { href: string; label: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href={href} className="underline">
        {label}
      </Link>
    </nav>
  );
}
