import { brandOf } from "@/lib/errors/brand";
import { DomainError } from "@/lib/errors/domain-error";

export type FetchRefusedReason =
  | "invalid_url"
  | "scheme"
  | "port"
  | "credentials"
  | "method"
  | "private_address"
  | "dns"
  | "redirect"
  | "too_many_redirects"
  | "timeout"
  | "too_large"
  | "decompression"
  | "http_status"
  | "network"
  | "aborted"
  | "invalid_json";

const MESSAGES: Record<FetchRefusedReason, string> = {
  invalid_url: "That is not a web address Tessera can read.",
  scheme: "Tessera only fetches https:// addresses.",
  port: "Tessera only fetches https:// addresses on the standard port (443).",
  credentials: "That address contains a user name or password, so Tessera will not fetch it.",
  method: "Tessera only reads from other servers (GET or HEAD), or sends them a small protocol request (POST).",
  private_address: "That address points inside a private network, so Tessera will not fetch it.",
  dns: "Tessera could not find that server (its name did not resolve).",
  redirect: "The server redirected Tessera without giving a usable address.",
  too_many_redirects: "The server redirected Tessera too many times, so it stopped following.",
  timeout: "The server took too long to answer, so Tessera stopped waiting.",
  too_large: "The answer is too large, so Tessera stopped downloading it.",
  decompression: "The answer could not be unpacked safely, so Tessera refused it.",
  http_status: "The server did not return the document.",
  network: "Tessera could not connect to that server.",
  aborted: "The request was cancelled.",
  invalid_json: "The answer is not valid JSON, or it uses keys Tessera refuses (such as __proto__).",
};

export interface FetchRefusedDetails {
  message?: string;
  status?: number;
  /** Set when the refused address came from a redirect, not from the caller. */
  redirected?: boolean;
  cause?: unknown;
}

/**
 * Every refusal of the guarded fetcher: a DomainError ("refused", an address or answer Tessera
 * will not take) with a stable `reason` for programs and a `message` for people.
 */
export class FetchRefusedError extends DomainError {
  static override readonly brand = brandOf("FetchRefusedError");
  override readonly name = "FetchRefusedError";
  readonly reason: FetchRefusedReason;
  readonly status: number | undefined;
  readonly redirected: boolean;

  constructor(reason: FetchRefusedReason, details: FetchRefusedDetails = {}) {
    const base = details.message ?? MESSAGES[reason];
    super("refused", details.redirected ? `The server redirected Tessera to another address. ${base}` : base, {
      cause: details.cause,
    });
    this.reason = reason;
    this.status = details.status;
    this.redirected = details.redirected ?? false;
  }

  withRedirect(): FetchRefusedError {
    if (this.redirected) return this;
    return new FetchRefusedError(this.reason, {
      message: this.message,
      status: this.status,
      redirected: true,
      cause: this.cause,
    });
  }
}

export function isFetchRefusedError(error: unknown): error is FetchRefusedError {
  return error instanceof FetchRefusedError;
}

function* causes(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * Turns whatever undici, zlib or the signal threw into a refusal. undici wraps connector errors
 * as `TypeError: fetch failed` with the real reason in `cause`, so the chain is searched.
 */
export function toRefused(error: unknown, signal: AbortSignal): FetchRefusedError {
  if (signal.aborted && signal.reason instanceof FetchRefusedError) return signal.reason;
  for (const item of causes(error)) {
    if (item instanceof FetchRefusedError) return item;
    const code = (item as { code?: unknown }).code;
    if (code === "UND_ERR_RES_EXCEEDED_MAX_SIZE") return new FetchRefusedError("too_large", { cause: error });
    // zlib uses Z_* codes, brotli ERR__* codes.
    if (typeof code === "string" && /^(Z_|ERR__)/.test(code)) {
      return new FetchRefusedError("decompression", { cause: error });
    }
  }
  return new FetchRefusedError("network", { cause: error });
}
