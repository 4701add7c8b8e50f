/**
 * Next.js bundles server code once per layer (route handlers, server components, SSR,
 * instrumentation), so an error thrown by one copy of a module can be checked against another
 * copy's class, and plain `instanceof` says no. Classes that callers tell apart by type carry a
 * brand in the global symbol registry, which every copy shares, and answer `instanceof` by it.
 */
export function brandOf(name: string): symbol {
  return Symbol.for(`tessera.error.${name}`);
}

export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
