import "server-only";
import { Readable } from "node:stream";
import type { Database } from "@/db/client";
import { exportWallet } from "./export";

/**
 * A download the browser can show progress for: the zip's exact size is known before it is sent
 * (stored entries, sizes from the database), so Content-Length is set on a streamed body.
 */
export async function walletExportResponse(
  db: Database,
  holderId: string,
  now = new Date(),
  passphrase?: string,
): Promise<Response> {
  const { stream, totalBytes, filename } = await exportWallet(db, holderId, { now, passphrase });
  return new Response(webStreamOf(stream), {
    headers: {
      "cache-control": "private, no-store",
      "content-type": "application/zip",
      "content-length": String(totalBytes),
      "content-disposition": `attachment; filename="${filename}"`,
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * The zip as a web stream, read only as fast as the client takes it. Not Readable.toWeb: on
 * Node 20 a download the browser cancels makes it enqueue into a closed controller, an uncaught
 * error per pending chunk. Here a cancel destroys the zip stream and nothing more is read.
 */
export function webStreamOf(stream: Readable): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    async cancel() {
      stream.destroy();
      await chunks.return?.();
    },
  });
}

/**
 * The request body, or null once it passes `maxBytes` while reading (a lying or absent
 * Content-Length changes nothing).
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** The export passphrase travels in a header beside the raw zip body, percent-encoded (headers are Latin-1). */
export const PASSPHRASE_HEADER = "x-tessera-export-passphrase";

export function passphraseFromHeaders(headers: Headers): string | undefined {
  const raw = headers.get(PASSPHRASE_HEADER);
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
