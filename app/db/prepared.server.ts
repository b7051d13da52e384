import type { Db } from "./client.server";

/**
 * Statements prepared once per database handle (the pool, or the PGlite instance): Drizzle builds
 * their SQL once, and PostgreSQL plans each once per connection. For the queries every request
 * runs (the session, the menu's unread count, the autosave), where building them each time cost
 * more than running them. Never for a transaction's handle: it would outlive the transaction.
 */
export function preparedPerDatabase<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) cache.set(db, (statements = prepare(db)));
    return statements;
  };
}
