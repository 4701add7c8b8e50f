const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are checked before any query, so a malformed one is a plain "not found". */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
