import "server-only";
import type { Database } from "@/db/client";

/** What the restore's row writers share: the transaction, archive dates, and insert batches. */

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export const date = (value: string) => new Date(value);
export const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

export function chunks<T>(items: T[], size: number, bytesOf?: (item: T) => number, maxBytes = 32 * 1024 * 1024): T[][] {
  const out: T[][] = [];
  let bytes = 0;
  for (const item of items) {
    const last = out.at(-1);
    const size1 = bytesOf?.(item) ?? 0;
    if (!last || last.length >= size || bytes + size1 > maxBytes) {
      out.push([item]);
      bytes = size1;
    } else {
      last.push(item);
      bytes += size1;
    }
  }
  return out;
}
