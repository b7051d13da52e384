import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { INNOVATION_STATES } from "./vocab";
import type { Db } from "~/db/client.server";
import { agencies, innovationHistory, innovations, units, users } from "~/db/schema";
import { placedUnit, type Actor } from "~/lib/policy";
import type { InnovationState } from "./vocab";

/**
 * Whose entries the work area shows: the whole agency's, or (for an operator placed in a unit,
 * by default) its unit's, the ones it may write (policy.ts, operatorCovers).
 */
function workScope(actor: Extract<Actor, { kind: "user" }>, unitOnly: boolean): SQL[] {
  if (actor.role === "national_admin") return [];
  const agency = eq(innovations.agencyId, actor.agencyId ?? -1);
  const unit = unitOnly ? placedUnit(actor) : null;
  return unit !== null ? [agency, eq(innovations.unitId, unit)] : [agency];
}

/** The work-area list: the actor's agency's innovations (all agencies for the secretariat). */
export async function listManagedInnovations(db: Db, actor: Actor, opts: { state?: InnovationState; page: number; perPage?: number; unitOnly?: boolean }) {
  if (actor.kind !== "user") return { rows: [], total: 0 };
  const perPage = opts.perPage ?? 25;
  const where: SQL[] = workScope(actor, opts.unitOnly ?? false);
  // The secretariat's list is the review queue: published entries are found in the catalogue.
  if (opts.state) where.push(eq(innovations.state, opts.state));
  else if (actor.role === "national_admin") where.push(inArray(innovations.state, ["submitted", "returned", "draft"]));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: innovations.id,
        name: innovations.name,
        acronym: innovations.acronym,
        state: innovations.state,
        status: innovations.status,
        updatedAt: innovations.updatedAt,
        slug: innovations.slug,
        unitName: units.name,
        agencyName: agencies.shortName,
      })
      .from(innovations)
      .leftJoin(units, eq(units.id, innovations.unitId))
      .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
      .where(cond)
      .orderBy(sql`case ${innovations.state} when 'submitted' then 0 when 'returned' then 1 when 'draft' then 2 else 3 end`, desc(innovations.updatedAt))
      .limit(perPage)
      .offset((opts.page - 1) * perPage),
    db.select({ total: sql<number>`count(*)::int` }).from(innovations).where(cond),
  ]);
  return { rows, total };
}

export async function innovationHistoryOf(db: Db, id: number) {
  return db
    .select({
      id: innovationHistory.id,
      action: innovationHistory.action,
      changedFields: innovationHistory.changedFields,
      comment: innovationHistory.comment,
      at: innovationHistory.at,
      actorName: users.name,
    })
    .from(innovationHistory)
    .leftJoin(users, eq(users.id, innovationHistory.actorUserId))
    .where(eq(innovationHistory.innovationId, id))
    .orderBy(desc(innovationHistory.at), desc(innovationHistory.id));
}

/** How many of the actor's agency's entries (all, for the secretariat) are at each stage. */
export async function countByState(db: Db, actor: Extract<Actor, { kind: "user" }>, opts: { unitOnly?: boolean } = {}) {
  const scope = and(...workScope(actor, opts.unitOnly ?? false));
  const rows = await db
    .select({ state: innovations.state, n: sql<number>`count(*)::int` })
    .from(innovations)
    .where(scope)
    .groupBy(innovations.state);
  return Object.fromEntries(INNOVATION_STATES.map((s) => [s, rows.find((r) => r.state === s)?.n ?? 0])) as Record<InnovationState, number>;
}

/**
 * How the form shows a replication's source: by its name, as the person typed it and knows it
 * (an address's slug means nothing to them). Saved again unchanged, the name keeps the same
 * source (checkReferences), even when another innovation shares it.
 */
export async function sourceNameOf(db: Db, id: number | null) {
  if (!id) return null;
  const [row] = await db.select({ name: innovations.name }).from(innovations).where(eq(innovations.id, id));
  return row?.name ?? null;
}
