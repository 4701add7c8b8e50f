/**
 * JSON-LD → RDF without jsonld's active-context cloning cost.
 *
 * Why: jsonld deep-clones the whole active context each time a type-scoped context with
 * `@propagate: false` is applied or reverted — which the OB 3.0 context does for every typed
 * node — and the fresh objects also defeat its processed-context cache (keyed by identity). That
 * cloning and the GC it causes were ~75 % of a Data Integrity verify (toRDF of a 4 KB OB 3.0
 * credential: 24 ms → 4.6 ms under load with copy-on-write clones alone).
 *
 * How: jsonld caches one initial active context per `processingMode` option, and every derived
 * context copies `clone` / `revertToPreviousContext` from its parent. We take the initial context
 * for the explicit mode "json-ld-1.1" (jsonld's default is `undefined`, which behaves the same but
 * is a different cache key — nobody else's jsonld calls are touched) and give it the
 * copy-on-write functions of active-context.ts. Our own ContextResolver (with its own bounded
 * cache, so jsonld's global one and the reference stack are untouched) keys processed contexts
 * by equivalence instead of identity.
 *
 * canon.differential.test.ts pins byte-identical N-Quads against plain jsonld. If jsonld's
 * internals ever change shape, `install()` leaves the context alone (correct, slower).
 */
import jsonld from "jsonld";
import ContextResolver from "jsonld/lib/ContextResolver.js";
import type { DocumentLoader } from "../document-loader";
import { cowClone, processedKey, sharedRevert, type ActiveContext } from "./active-context";

const PATCHED = Symbol.for("tessera.jsonld.cowContext");
export const FAST_PROCESSING_MODE = "json-ld-1.1";

interface JsonLdInternals {
  processContext(active: unknown, local: null, options: { processingMode: string }): Promise<unknown>;
  toRDF(input: unknown, options: Record<string, unknown>): Promise<unknown>;
}
const api = jsonld as unknown as JsonLdInternals;

function looksLikeInitialContext(value: unknown): value is ActiveContext & { [PATCHED]?: true } {
  const ctx = value as Partial<ActiveContext> | null;
  return (
    !!ctx &&
    ctx.mappings instanceof Map &&
    ctx.mappings.size === 0 &&
    !ctx.previousContext &&
    typeof ctx.clone === "function" &&
    typeof ctx.revertToPreviousContext === "function" &&
    typeof ctx.protected === "object"
  );
}

/** (Re)installs the copy-on-write functions on jsonld's cached initial context; cheap when done. */
async function install(): Promise<void> {
  const initial = await api.processContext(null, null, { processingMode: FAST_PROCESSING_MODE });
  if (!looksLikeInitialContext(initial) || initial[PATCHED]) return;
  initial.clone = cowClone;
  initial.revertToPreviousContext = sharedRevert;
  initial[PATCHED] = true;
}

/** A Map with LRU eviction, in the `get`/`set` shape jsonld expects of its caches. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): this {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
    return this;
  }
}

interface ResolvedContextLike {
  getProcessed(ctx: ActiveContext): unknown;
  setProcessed(ctx: ActiveContext, processed: unknown): void;
  [PATCHED]?: true;
}

/** Every resolved context passes through here once; give it an equivalence-keyed, bounded cache. */
class FastContextResolver extends ContextResolver {
  override _cacheResolvedContext(args: {
    key: string;
    resolved: ResolvedContextLike | ResolvedContextLike[];
    tag?: string;
  }): unknown {
    for (const rc of Array.isArray(args.resolved) ? args.resolved : [args.resolved]) {
      if (rc[PATCHED]) continue;
      const processed = new Lru<object, unknown>(64);
      rc.getProcessed = (ctx) => processed.get(processedKey(ctx));
      rc.setProcessed = (ctx, value) => void processed.set(processedKey(ctx), value);
      rc[PATCHED] = true;
    }
    return super._cacheResolvedContext(args);
  }
}

/** Resolved bundled contexts for the fast path only. */
const sharedCache = new Lru<string, unknown>(200);

/**
 * jsonld.toRDF with the options every Data Integrity cryptosuite uses (safe mode, no base,
 * i18n-datatype direction, no generalized RDF), on the fast context. Returns an RDF dataset.
 */
export async function toRdfFast(input: unknown, documentLoader: DocumentLoader): Promise<unknown> {
  await install();
  return api.toRDF(input, {
    documentLoader,
    safe: true,
    base: null,
    rdfDirection: "i18n-datatype",
    produceGeneralizedRdf: false,
    processingMode: FAST_PROCESSING_MODE,
    contextResolver: new FastContextResolver({ sharedCache }),
  });
}
