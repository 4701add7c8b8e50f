"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous/next as real links (they work without script) that the island intercepts. */
export function Pager({
  page,
  pageSize,
  total,
  hrefFor,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const go = (n: number) => (event: React.MouseEvent) => {
    event.preventDefault();
    onPage(n);
    window.scrollTo({ top: 0 });
  };
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} onClick={go(page - 1)} className={buttonClass("secondary")}>
          <ChevronLeft className="h-4 w-4" aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700 dark:text-slate-300">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} onClick={go(page + 1)} className={buttonClass("secondary")}>
          Next
          <ChevronRight className="h-4 w-4" aria-hidden="true" />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
