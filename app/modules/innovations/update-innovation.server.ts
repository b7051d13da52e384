import { isDeepStrictEqual } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { innovationHistory, innovations, type Indicator } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { loadInnovation } from "./load-innovation.server";
import { resolveInnovationInput, type InnovationColumns } from "./resolve-input.server";
import type { InnovationInput } from "./schemas";

type Stored = Awaited<ReturnType<typeof loadInnovation>>;

// PostgreSQL's jsonb keeps object keys in its own order (shortest first), so the stored
// indicator rows never serialise like the form's: compare their cells, not their text.
const indicatorRows = (v: unknown) =>
  (Array.isArray(v) ? (v as Partial<Indicator>[]) : []).map((r) => ({
    name: r?.name ?? "",
    before: r?.before ?? "",
    after: r?.after ?? "",
    unit: r?.unit ?? "",
    source: r?.source ?? "",
    evidenceFileId: r?.evidenceFileId ?? null,
  }));

// Ticked sectors and SDGs are sets: the order they were stored in means nothing.
const asSet = (v: unknown) => (Array.isArray(v) ? v.map(String).sort() : []);

function normalised(column: keyof InnovationColumns, v: unknown): unknown {
  if (column === "indicators") return indicatorRows(v);
  if (column === "sectors" || column === "sdgs") return asSet(v);
  return v ?? null;
}

/**
 * The columns whose value the input would change. The province follows the region and the
 * start year the start date: one change each, named once in the history.
 */
function changedColumns(columns: InnovationColumns, current: Stored): (keyof InnovationColumns)[] {
  return (Object.keys(columns) as (keyof InnovationColumns)[]).filter(
    (k) =>
      k !== "provinceCode" &&
      k !== "startYear" &&
      !isDeepStrictEqual(normalised(k, columns[k]), normalised(k, (current as Record<string, unknown>)[k])),
  );
}

// The form names a column stored by id after what the person types.
const FORM_FIELD: Partial<Record<keyof InnovationColumns, string>> = { originInnovationId: "originInnovation" };

/**
 * Save changes. The form carries the version it was opened at: if someone saved in between,
 * nothing is overwritten and the second person is told which fields now differ from theirs
 * (optimistic concurrency). A save that changes nothing writes nothing: no history line, no
 * new version.
 */
export async function updateInnovation(db: Db, actor: Actor, id: number, input: InnovationInput) {
  const current = await loadInnovation(db, id);
  assertCan(actor, "innovation.edit", current);
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const columns = await resolveInnovationInput(db, actor, current.agencyId, input, current);
  const changed = changedColumns(columns, current);
  // The fields where the stored entry now differs from this form, named so the form can show
  // the other person's values beside the ones typed.
  const staleAgainst = (latest: Stored) =>
    new AppError(
      "conflict",
      "innovations.errors.staleVersion",
      Object.fromEntries(changedColumns(columns, latest).map((k) => [FORM_FIELD[k] ?? k, "innovations.errors.changedByOther"])),
    );
  // A form opened at an older version that already matches what is stored overwrites nothing,
  // so it is not a conflict.
  if (input.version !== undefined && input.version !== current.version && changed.length) throw staleAgainst(current);
  if (!changed.length) return { id, changed };

  return db.transaction(async (tx) => {
    const updated = await tx
      .update(innovations)
      .set({ ...columns, version: sql`${innovations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(innovations.id, id), eq(innovations.version, current.version)))
      .returning({ id: innovations.id });
    // Someone saved between the read above and this write: compare with what they saved.
    if (!updated.length) throw staleAgainst(await loadInnovation(tx, id));
    await tx.insert(innovationHistory).values({ innovationId: id, actorUserId: actor.id, action: "updated", changedFields: changed });
    await recordAudit(tx, { actorUserId: actor.id, action: "innovation.update", subjectType: "innovation", subjectId: id, data: { changed } });
    return { id, changed };
  });
}
