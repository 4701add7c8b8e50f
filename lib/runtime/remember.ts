/**
 * One value per server process, whichever bundle asks. Next bundles server code once per layer
 * (route handlers, pages, the proxy, instrumentation) and reloads modules in development, so a
 * module-level `const` would exist once per copy: a pool per layer, a timer per reload. The value
 * is kept in the global object under a registry symbol that every copy shares. This is the one
 * place that touches `globalThis` for that (ESLint refuses it elsewhere).
 */
export function remember<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`tessera.runtime.${name}`);
  if (!Object.hasOwn(store, key)) store[key] = create();
  return store[key] as T;
}
