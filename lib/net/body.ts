import sjson from "secure-json-parse";
import type { ReadableStream } from "node:stream/web";
import { FetchRefusedError } from "./errors";

export interface GuardedResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
  text(): string;
  /** Parses JSON, refusing `__proto__` and `constructor.prototype` keys. */
  json(): unknown;
}

export function makeResponse(
  url: string,
  status: number,
  headers: Readonly<Record<string, string>>,
  body: Uint8Array,
): GuardedResponse {
  const text = () => new TextDecoder("utf-8").decode(body);
  return {
    url,
    status,
    headers,
    body,
    text,
    json() {
      try {
        return sjson.parse(text(), undefined, { protoAction: "error", constructorAction: "error" });
      } catch (error) {
        throw new FetchRefusedError("invalid_json", { cause: error });
      }
    },
  };
}

// undici's fetch decodes these itself; anything else would reach callers still packed.
const DECODED_BY_UNDICI = new Set(["gzip", "x-gzip", "deflate", "br"]);

/** True when the body is compressed; refuses codings we would not unpack. */
export function isEncoded(contentEncoding: string | null): boolean {
  const codings = (contentEncoding ?? "")
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "" && c !== "identity");
  const unknown = codings.find((c) => !DECODED_BY_UNDICI.has(c));
  if (unknown !== undefined) {
    throw new FetchRefusedError("decompression", {
      message: "The server packed the answer in a format Tessera does not unpack.",
    });
  }
  return codings.length > 0;
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;
}

export function tooLarge(limit: number, encoded: boolean): FetchRefusedError {
  return encoded
    ? new FetchRefusedError("decompression", {
        message: `The answer unpacks to more than ${megabytes(limit)}, so Tessera refused it.`,
      })
    : new FetchRefusedError("too_large", {
        message: `The answer is larger than ${megabytes(limit)}, so Tessera stopped downloading it.`,
      });
}

/**
 * Reads a (possibly decompressed) body, counting bytes as they arrive and cancelling the stream
 * the moment the cap is passed, so a 100 MB body or a gzip bomb never sits in memory.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  encoded: boolean,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      const error = tooLarge(limit, encoded);
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
