// The activity log's rows: newest first, a page at a time by id (keyset: the log grows to
// millions of rows, where an OFFSET would read every row it skips, and a count of them all would
// read the whole table on every page), under the reader's scope and filters, all in SQL.
import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, auditLog, users } from "~/db/schema";
import { assertCan, auditLogScope, type Actor } from "~/lib/policy";
import { actionsOf } from "./actions";
import type { AuditQuery } from "./query";

export type AuditScope = NonNullable<ReturnType<typeof auditLogScope>>;

/** The rows the actor may read (the page's and the CSV's); a 403 for anyone who may read none. */
export function readableScope(actor: Actor): AuditScope {
  assertCan(actor, "auditLog.view");
  return auditLogScope(actor)!;
}

export const PER_PAGE = 50;

// A LIKE pattern matches the typed text itself: its % and _ are not wildcards.
const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The rows the reader asked for, as one condition (the scope and paging aside). */
export function auditFilters(db: DbOrTx, q: AuditQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.account) conds.push(eq(auditLog.actorUserId, q.account));
  if (q.person) {
    const p = likePattern(q.person);
    conds.push(inArray(auditLog.actorUserId, db.select({ id: users.id }).from(users).where(or(ilike(users.name, p), ilike(users.email, p)))));
  }
  if (q.group) conds.push(inArray(auditLog.action, actionsOf(q.group)));
  if (q.subject) conds.push(and(eq(auditLog.subjectType, q.subject.type), eq(auditLog.subjectId, q.subject.id)));
  if (q.fromAt) conds.push(gte(auditLog.at, q.fromAt));
  if (q.untilAt) conds.push(lt(auditLog.at, q.untilAt));
  return and(...conds);
}

/**
 * Which rows a page reads: the filter's, within the reader's scope, beyond the cursor, in order.
 * Admin Lokal's scope (auditLogScope) is two kinds of row, those its people did and those about
 * its people's accounts: each is read through its own index (actor, subject), a page's worth at
 * most, and the two joined. As one OR, PostgreSQL walks the whole log backwards by id testing
 * each row, which for a small agency among millions of rows is the whole table on every page.
 */
function pageIds(db: DbOrTx, scope: AuditScope, where: SQL | undefined, order: "newest" | "oldest", limit: number): SQL | undefined {
  if (scope === "all") return where;
  const by = order === "newest" ? desc(auditLog.id) : asc(auditLog.id);
  // What its people did: each person's newest rows through the (actor, id) index, a page's worth
  // each at most. As one "actor IN (its people)", PostgreSQL walks the whole log by id instead,
  // testing each row, which for an agency that rarely acts is the whole table
  // (bench/activity-log.ts: 100 ms at 500,000 rows, growing with the log).
  const didThem = sql`select x.id from ${users} cross join lateral (
      select ${auditLog.id} as id from ${auditLog}
      where ${auditLog.actorUserId} = ${users.id}${where ? sql` and ${where}` : sql``}
      order by ${auditLog.id} ${sql.raw(order === "newest" ? "desc" : "asc")} limit ${limit}) x
    where ${users.agencyId} = ${scope.agencyId}`;
  const aboutThem = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "user"), sql`${auditLog.subjectId} IN (SELECT id::text FROM users WHERE agency_id = ${scope.agencyId})`, where))
    .orderBy(by)
    .limit(limit);
  // Read as an array first: as "id IN (…)", PostgreSQL merges the few ids with a walk of the
  // whole log back to the oldest of them.
  return sql`${auditLog.id} = any(array((${didThem}) union (${aboutThem})))`;
}

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  subjectType: string;
  subjectId: string;
  data: unknown;
  actor: { id: number; name: string; email: string; agencyName: string | null } | null;
};

function selectRows(db: DbOrTx, scope: AuditScope, where: SQL | undefined, order: "newest" | "oldest", limit: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      data: auditLog.data,
      actorId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      actorAgency: agencies.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(pageIds(db, scope, where, order, limit))
    .orderBy(order === "newest" ? desc(auditLog.id) : asc(auditLog.id))
    .limit(limit);
}

const toRow = (r: Awaited<ReturnType<typeof selectRows>>[number]): AuditRow => ({
  id: Number(r.id),
  at: r.at,
  action: r.action,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  data: r.data,
  actor: r.actorId !== null && r.actorName !== null ? { id: r.actorId, name: r.actorName, email: r.actorEmail ?? "", agencyName: r.actorAgency } : null,
});

async function anyWhere(db: DbOrTx, scope: AuditScope, where: SQL | undefined) {
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).where(pageIds(db, scope, where, "newest", 1)).limit(1);
  return row !== undefined;
}

/**
 * One page of the log: the rows, and the cursors of the pages beside it (null where there is
 * none). `before` pages back in time, `after` forward; a forward page that reaches the newest
 * rows is the first page, whole.
 */
export async function listAudit(db: DbOrTx, scope: AuditScope, q: AuditQuery, perPage = PER_PAGE) {
  const where = auditFilters(db, q);
  let rows: AuditRow[];
  let newer: number | null = null;
  let older: number | null = null;
  if (q.after && !q.before) {
    const up = (await selectRows(db, scope, and(where, gt(auditLog.id, q.after)), "oldest", perPage + 1)).map(toRow);
    if (up.length > perPage) {
      rows = up.slice(0, perPage).reverse();
      newer = rows[0].id;
      older = (await anyWhere(db, scope, and(where, lt(auditLog.id, rows.at(-1)!.id)))) ? rows.at(-1)!.id : null;
      return { rows, newer, older, toNewest: false };
    }
    // Fewer than a page are newer: that is the first page.
    return listAudit(db, scope, { ...q, after: null }, perPage);
  }
  const down = (await selectRows(db, scope, and(where, q.before ? lt(auditLog.id, q.before) : undefined), "newest", perPage + 1)).map(toRow);
  rows = down.slice(0, perPage);
  if (down.length > perPage) older = rows.at(-1)!.id;
  if (q.before && rows.length) newer = (await anyWhere(db, scope, and(where, gt(auditLog.id, rows[0].id)))) ? rows[0].id : null;
  // An old link past the oldest row: the way back to the newest rows is kept.
  const toNewest = Boolean(q.before && !rows.length && (await anyWhere(db, scope, where)));
  return { rows, newer, older, toNewest };
}

/**
 * Every row of the filter, newest first, in batches read by id: for the CSV, which may hold
 * tens of thousands of rows and must not hold them all in memory at once.
 */
export async function* auditBatches(db: DbOrTx, scope: AuditScope, q: AuditQuery, opts: { max: number; batch?: number }) {
  const where = auditFilters(db, q);
  const batch = opts.batch ?? 1000;
  let before: number | null = null;
  let left = opts.max;
  while (left > 0) {
    const rows: AuditRow[] = (await selectRows(db, scope, and(where, before ? lt(auditLog.id, before) : undefined), "newest", Math.min(batch, left))).map(toRow);
    if (!rows.length) return;
    yield rows;
    left -= rows.length;
    before = rows.at(-1)!.id;
  }
}

/**
 * A person named by a link's account id, for the page to say whose actions it shows: only one
 * the reader may know of (Admin Lokal: its own agency's people), else null.
 */
export async function personName(db: DbOrTx, scope: AuditScope, id: number): Promise<string | null> {
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, id), scope === "all" ? undefined : eq(users.agencyId, scope.agencyId)));
  return row ? `${row.name} (${row.email})` : null;
}
