import { and, desc, eq, ilike, inArray, sql, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovations, proposals, units, users } from "~/db/schema";
import { agencyNameMatches, containsPattern } from "./name-matches.server";

export async function agencyById(db: DbOrTx, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, id));
  return row ?? null;
}

/** Every agency as a choice in a form. */
export async function agencyOptions(db: DbOrTx) {
  return db.select({ id: agencies.id, name: agencies.name }).from(agencies).orderBy(agencies.name);
}

export async function unitsOfAgency(db: DbOrTx, agencyId: number) {
  return db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.agencyId, agencyId)).orderBy(units.name);
}

// Qualified by hand: in a select from one table Drizzle writes columns bare ("unit_id" = "id"),
// and inside a subquery a bare "id" would be the inner table's own.
const usesOf = (table: typeof innovations | typeof users | typeof proposals, unitId: SQLWrapper | number) =>
  sql<number>`(select count(*)::int from ${table} where ${table}.${sql.identifier("unit_id")} = ${unitId})`;

/** What names a unit: its innovations, its operators and its competition proposals. */
export const unitUseCounts = (unitId: SQLWrapper | number) => ({
  innovations: usesOf(innovations, unitId),
  operators: usesOf(users, unitId),
  proposals: usesOf(proposals, unitId),
});

/**
 * The units page's list: each unit with what uses it, a page at a time (a province's agency may
 * hold thousands), optionally only those whose name contains `q`.
 */
export async function unitsWithUse(db: DbOrTx, agencyId: number, opts: { q?: string; page?: number; perPage?: number } = {}) {
  const perPage = opts.perPage ?? 50;
  const page = opts.page ?? 1;
  const q = opts.q?.trim();
  // `%` and `_` typed in the search are letters, not wildcards.
  const where = q ? and(eq(units.agencyId, agencyId), ilike(units.name, containsPattern(q))) : eq(units.agencyId, agencyId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: units.id, name: units.name, kind: units.kind, ...unitUseCounts(sql`${units}.${sql.identifier("id")}`) })
      .from(units)
      .where(where)
      .orderBy(units.name, units.id)
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ total: sql<number>`count(*)::int` }).from(units).where(where),
  ]);
  return { rows, total };
}

/** One unit of the agency, for its own form; null when the agency has no such unit. */
export async function unitOfAgency(db: DbOrTx, agencyId: number, unitId: number) {
  const [row] = await db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.agencyId, agencyId)));
  return row ?? null;
}

/** Whether the agency has any unit: then each of its operators works for one (inviteUser). */
export async function agencyHasUnits(db: DbOrTx, agencyId: number) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.agencyId, agencyId)).limit(1);
  return Boolean(row);
}

// What the secretariat's list of agencies shows of each.
const listed = {
  id: agencies.id,
  name: agencies.name,
  type: agencies.type,
  regionCode: agencies.regionCode,
  slug: agencies.slug,
  activeFrom: agencies.activeFrom,
  activeUntil: agencies.activeUntil,
};

/** The state- and region-owned enterprises the secretariat added, newest first. */
export async function listEnterprises(db: DbOrTx, limit = 200) {
  return db.select(listed).from(agencies).where(inArray(agencies.type, ["bumn", "bumd"])).orderBy(desc(agencies.createdAt), desc(agencies.id)).limit(limit);
}

/** Any agency (ministry, regional government, enterprise) by a part of its name or short name, current or former. */
export async function findAgencies(db: DbOrTx, q: string, limit = 50) {
  return db
    .select(listed)
    .from(agencies)
    .where(agencyNameMatches(q))
    .orderBy(agencies.name, agencies.id)
    .limit(limit);
}

/** One agency with its years, for the form that corrects them. */
export async function agencyWithYears(db: DbOrTx, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await db.select(listed).from(agencies).where(eq(agencies.id, id));
  return row ?? null;
}
