// Minimal typings for untyped packages the verification engine calls directly. The jsonld and
// did:key typings live in contexts/vendor-modules.d.ts; widen there rather than redeclaring.

declare module "rdf-canonize" {
  export interface CanonizeOptions {
    algorithm: "RDFC-1.0";
    format?: "application/n-quads";
    /** Deep-iteration budget = (non-unique blank nodes) ** maxWorkFactor; 1 by default. */
    maxWorkFactor?: number;
    maxDeepIterations?: number;
    signal?: AbortSignal;
    messageDigestAlgorithm?: string;
  }
  export function canonize(dataset: unknown, options: CanonizeOptions): Promise<string>;
}

// jsonld's context resolver, subclassed by canon/jsonld-fast.ts (jsonld has no "exports" map, so
// the deep import is its public file layout; pinned at 9.0.0 and covered by the differential test).
declare module "jsonld/lib/ContextResolver.js" {
  export default class ContextResolver {
    constructor(options: { sharedCache: { get(key: string): unknown; set(key: string, value: unknown): unknown } });
    _cacheResolvedContext(args: { key: string; resolved: unknown; tag?: string }): unknown;
  }
}
