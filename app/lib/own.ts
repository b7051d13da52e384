// Lookups in constant tables by a key that came from a request (an `_intent`, `?pesan=`, a search
// word). A plain object answers "constructor", "toString" or "__proto__" from Object.prototype,
// so `TABLE[key] ?? fallback` or `key in TABLE` would take such a word for an entry and fail
// later with a 500. These look at the table's own keys only.

/** Whether `key` is one of the table's own keys. */
export function isOwnKey<K extends PropertyKey>(table: Readonly<Record<K, unknown>>, key: unknown): key is K {
  return (typeof key === "string" || typeof key === "number") && Object.hasOwn(table, key);
}

/** The table's entry for `key`, or undefined when the table has no such entry of its own. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return isOwnKey(table, key) ? table[key] : undefined;
}
