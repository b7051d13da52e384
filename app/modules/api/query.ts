/**
 * A query string as a plain object for a Zod schema. A blank parameter means "not given" (GET
 * forms send every field, filled or not); a name given more than once, or ending in [], becomes
 * an array (facets that take several values).
 */
export function queryToObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v.trim() !== "");
    if (!values.length) continue;
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    out[name] = key.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  return out;
}
