import { and, asc, eq, ilike, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { units } from "~/db/schema";
import { UNIT_QUERY_MAX, UNIT_SELECT_MAX, type UnitChoices, type UnitOption } from "./unit-choices";

// ILIKE's own wildcards typed in a search are searched for as themselves.
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * An agency's units for a form: all of them up to UNIT_SELECT_MAX, else those whose name holds
 * `q` (case-insensitive). `keep` is the unit already chosen (an operator's present unit, the one
 * a refused form had): it stays among the options, so narrowing the list never drops a choice
 * made earlier. Only a unit of this agency is kept; the use cases check the agency again.
 */
export async function unitChoices(db: DbOrTx, agencyId: number, opts: { q?: string | null; keep?: number | null } = {}): Promise<UnitChoices> {
  const q = (opts.q ?? "").replace(/\u0000/g, "").trim().slice(0, UNIT_QUERY_MAX);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(units).where(eq(units.agencyId, agencyId));
  if (total <= UNIT_SELECT_MAX) {
    const options = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.agencyId, agencyId)).orderBy(asc(units.name));
    return { search: false, total, q, matched: null, options };
  }
  let options: UnitOption[] = [];
  let matched: number | null = null;
  if (q) {
    const where = and(eq(units.agencyId, agencyId), ilike(units.name, likePattern(q)));
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(where);
    matched = count.n;
    options = await db.select({ id: units.id, name: units.name }).from(units).where(where).orderBy(asc(units.name), asc(units.id)).limit(UNIT_SELECT_MAX);
  }
  if (opts.keep && !options.some((o) => o.id === opts.keep)) {
    const [kept] = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.id, opts.keep), eq(units.agencyId, agencyId)));
    if (kept) options = [kept, ...options];
  }
  return { search: true, total, q, matched, options };
}
