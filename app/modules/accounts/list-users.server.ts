import { and, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, units, users } from "~/db/schema";
import { can, type Actor } from "~/lib/policy";
import { containsPattern } from "~/modules/agencies/name-matches.server";

export type AccountState = "active" | "pending" | "deactivated";

/**
 * The people an admin manages: everyone for the secretariat, its own agency's for Admin Lokal;
 * optionally those whose name or email contains `q`. Each row says whether the actor may switch
 * it off or on, by the same rule the action checks.
 */
export async function listUsers(
  db: DbOrTx,
  actor: Extract<Actor, { kind: "user" }>,
  opts: { q?: string; page?: number; perPage?: number } = {},
) {
  const perPage = opts.perPage ?? 50;
  const page = opts.page ?? 1;
  const conditions: SQL[] = [];
  if (actor.role !== "national_admin") conditions.push(eq(users.agencyId, actor.agencyId ?? -1));
  const q = opts.q?.trim();
  // `%` and `_` typed in the filter are letters, not wildcards.
  if (q) conditions.push(or(ilike(users.name, containsPattern(q)), ilike(users.email, containsPattern(q)))!);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        agencyId: users.agencyId,
        agencyName: agencies.shortName,
        unitName: units.name,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        disabled: sql<boolean>`${users.disabledAt} is not null`,
        twoStep: sql<boolean>`${users.totpEnabledAt} is not null`,
        agencyHasUnits: sql<boolean>`exists (select 1 from ${units} au where au.agency_id = ${users.agencyId})`,
      })
      .from(users)
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(users.name, users.id)
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return {
    total,
    rows: rows.map(({ hasPassword, disabled, agencyHasUnits, ...u }) => ({
      ...u,
      // An operator in no unit of an agency that has units. Since operators are invited into a
      // unit there (inviteUser), only one from before, or one whose agency added its first units
      // later, is such. It keeps working agency-wide (operatorCovers) rather than being locked
      // out of work in progress by a rule it was not invited under; the list flags it, beside
      // "Ubah unit", for its Admin Lokal to place.
      unplaced: u.role === "unit_operator" && u.unitName === null && agencyHasUnits,
      // Deactivation wins: a deactivated invitee is off, whatever its invitation says.
      state: (disabled ? "deactivated" : hasPassword ? "active" : "pending") as AccountState,
      canToggle: can(actor, disabled ? "user.reactivate" : "user.deactivate", u).ok,
      canSetUnit: can(actor, "user.setUnit", u).ok,
      canResetTwoStep: u.twoStep && can(actor, "user.resetTwoStep", u).ok,
    })),
  };
}

/**
 * An operator the actor may place in a unit; null when there is no such account or the actor may
 * not place it (the page says "not found").
 */
export async function placeableOperator(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>, userId: number) {
  const [u] = await db
    .select({ id: users.id, name: users.name, role: users.role, agencyId: users.agencyId, unitId: users.unitId })
    .from(users)
    .where(eq(users.id, userId));
  return u && can(actor, "user.setUnit", u).ok ? u : null;
}
