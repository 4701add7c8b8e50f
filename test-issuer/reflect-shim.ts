/**
 * @peculiar/x509 loads tsyringe, which throws at import time unless a Reflect metadata polyfill
 * (reflect-metadata, core-js/full/reflect) is installed — and none is in package.json. This is the
 * minimal subset tsyringe calls. Import it before @peculiar/x509. Test-only: production code that
 * needs x509 should add `reflect-metadata` as a dependency instead.
 */
type Target = object;
type MetadataMap = Map<string | symbol, Map<unknown, unknown>>;

const store = new WeakMap<Target, MetadataMap>();

function slot(
  target: Target,
  property: string | symbol | undefined,
  create: boolean,
): Map<unknown, unknown> | undefined {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  const key = property ?? "";
  let entries = byProperty.get(key);
  if (!entries && create) {
    entries = new Map();
    byProperty.set(key, entries);
  }
  return entries;
}

const reflect = Reflect as unknown as Record<string, unknown>;

if (typeof reflect.getMetadata !== "function") {
  const getOwnMetadata = (key: unknown, target: Target, property?: string | symbol) =>
    slot(target, property, false)?.get(key);
  reflect.defineMetadata = (key: unknown, value: unknown, target: Target, property?: string | symbol) => {
    slot(target, property, true)?.set(key, value);
  };
  reflect.getOwnMetadata = getOwnMetadata;
  reflect.getMetadata = (key: unknown, target: Target, property?: string | symbol) => {
    for (let t: Target | null = target; t; t = Object.getPrototypeOf(t) as Target | null) {
      const value = getOwnMetadata(key, t, property);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  reflect.metadata = (key: unknown, value: unknown) => (target: Target, property?: string | symbol) => {
    slot(target, property, true)?.set(key, value);
  };
}

export {};
