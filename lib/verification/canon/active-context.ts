/**
 * Copy-on-write active contexts for jsonld (see jsonld-fast.ts for why).
 *
 * jsonld's own clone deep-copies every term definition, recursively through previousContext.
 * Term definitions are never mutated after creation (createTermDefinition always builds a new
 * mapping object and only ever `set`s/`delete`s entries of the context being defined), so a clone
 * only needs its own Map and its own `protected` object — and only once something touches them.
 * Until then a clone reads through to its source. Everything else is copied as jsonld does.
 */
export const CLONE_OF = Symbol("cloneOf");
const LAZY = Symbol("lazy");

interface Lazy {
  mappings?: Map<string, unknown>;
  protected?: Record<string, boolean>;
  source: ActiveContext;
}

export interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  previousContext?: ActiveContext;
  clone: (this: ActiveContext) => ActiveContext;
  revertToPreviousContext: (this: ActiveContext) => ActiveContext;
  getInverse: unknown;
  inverse: unknown;
  [key: string]: unknown;
  [CLONE_OF]?: ActiveContext;
  [LAZY]?: Lazy;
}

/** The mappings/protected a clone would copy, without forcing a lazy source to copy first. */
function currentMappings(ctx: ActiveContext): Map<string, unknown> {
  const lazy = ctx[LAZY];
  return lazy ? (lazy.mappings ?? currentMappings(lazy.source)) : ctx.mappings;
}

function currentProtected(ctx: ActiveContext): Record<string, boolean> {
  const lazy = ctx[LAZY];
  return lazy ? (lazy.protected ?? currentProtected(lazy.source)) : ctx.protected;
}

const ACCESSORS: PropertyDescriptorMap = {
  mappings: {
    enumerable: true,
    get(this: ActiveContext) {
      const lazy = this[LAZY]!;
      return (lazy.mappings ??= new Map(currentMappings(lazy.source)));
    },
    set(this: ActiveContext, value: Map<string, unknown>) {
      this[LAZY]!.mappings = value;
    },
  },
  protected: {
    enumerable: true,
    get(this: ActiveContext) {
      const lazy = this[LAZY]!;
      return (lazy.protected ??= { ...currentProtected(lazy.source) });
    },
    set(this: ActiveContext, value: Record<string, boolean>) {
      this[LAZY]!.protected = value;
    },
  },
};

export function cowClone(this: ActiveContext): ActiveContext {
  const child = {
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    revertToPreviousContext: this.revertToPreviousContext,
    [CLONE_OF]: this,
    // Reading through to `this` is safe: a context is never changed after its processing ends,
    // and a lazy source keeps its own source alive.
    [LAZY]: { source: this } as Lazy,
  } as unknown as ActiveContext;
  Object.defineProperties(child, ACCESSORS);
  // Same fields as jsonld's _cloneActiveContext (which does not copy processingMode either).
  if (this.previousContext) child.previousContext = this.previousContext;
  if ("@base" in this) child["@base"] = this["@base"];
  if ("@language" in this) child["@language"] = this["@language"];
  if ("@vocab" in this) child["@vocab"] = this["@vocab"];
  return child;
}

/** jsonld returns a fresh clone of the previous context; sharing it keeps cache identities stable. */
export function sharedRevert(this: ActiveContext): ActiveContext {
  return this.previousContext ?? this;
}

const tokens = new WeakMap<ActiveContext, object>();

/**
 * Cache identity for processed contexts: every no-propagate clone of S (a clone whose
 * previousContext is its own source) is equivalent, so they share one key; any other context is
 * its own key.
 */
export function processedKey(ctx: ActiveContext): object {
  const source = ctx[CLONE_OF];
  if (!source || ctx.previousContext !== source) return ctx;
  let token = tokens.get(source);
  if (!token) tokens.set(source, (token = {}));
  return token;
}
