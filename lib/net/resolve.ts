import dns from "node:dns";
import { isIP } from "node:net";
import { buildConnector } from "undici";
import { isPublicAddress } from "./address";
import { FetchRefusedError } from "./errors";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (like `dns.lookup` with `all: true`). */
export type LookupFn = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemLookup: LookupFn = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** host → the only addresses a socket may use for it during one guarded fetch. */
export type Pins = Map<string, readonly ResolvedAddress[]>;

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Looks the host up once, refuses unless every answer is public, and pins the answers. */
export async function pinHost(host: string, pins: Pins, lookup: LookupFn, signal: AbortSignal) {
  // A host seen earlier in the redirect chain keeps its first answer: no second lookup to rebind.
  if (pins.has(host)) return;
  let answers: readonly ResolvedAddress[];
  try {
    answers = await abortable(lookup(host), signal);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new FetchRefusedError("dns", { cause: error });
  }
  if (answers.length === 0) throw new FetchRefusedError("dns");
  if (!answers.every((a) => isPublicAddress(a.address))) throw new FetchRefusedError("private_address");
  pins.set(
    host,
    answers.map((a) => ({ address: a.address, family: isIP(a.address) === 6 ? 6 : 4 })),
  );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

function unpinned(): FetchRefusedError {
  return new FetchRefusedError("private_address", {
    message: "Tessera refused to connect to an address it had not checked.",
  });
}

/**
 * An undici connector that can only reach pinned addresses. The socket's own `lookup` answers from
 * the pins (never DNS), so the address that was checked is the address that is connected.
 */
export function pinnedConnector(pins: Pins, timeoutMs: number): buildConnector.connector {
  const lookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    const addresses = pins.get(hostname.toLowerCase());
    const first = addresses?.[0];
    if (!addresses || !first) return callback(unpinned(), "", 0);
    if (options.all)
      return callback(
        null,
        addresses.map((a) => ({ ...a })),
      );
    return callback(null, first.address, first.family);
  };
  const connect = buildConnector({ lookup, timeout: timeoutMs });
  return (options, callback) => {
    // net.connect skips `lookup` for IP literals, so literals must be pinned here as well.
    if (!pins.has(options.hostname.toLowerCase())) return callback(unpinned(), null);
    connect(options, callback);
  };
}
