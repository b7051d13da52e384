import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "~/db/client.server";
import { innovationHistory, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { notify } from "~/modules/notifications/notify.server";
import { loadInnovation } from "./load-innovation.server";
import { applyTransition } from "./transition.server";
import { assertComplete } from "./submit-innovation.server";

// The check's outcome (and a withdrawal from the catalogue) goes, by mail and in the work area's
// notifications, to the entry's author and to whoever last sent it for checking (an operator who
// took over an entry, or one sent on an imported entry that has no recorded author).
async function tellCreator(tx: Tx, createdBy: number | null, what: "returned" | "published" | "unpublished", id: number, vars: Record<string, string>) {
  const [sent] = await tx
    .select({ by: innovationHistory.actorUserId })
    .from(innovationHistory)
    .where(and(eq(innovationHistory.innovationId, id), eq(innovationHistory.action, "submitted")))
    .orderBy(desc(innovationHistory.at), desc(innovationHistory.id))
    .limit(1);
  const ids = [createdBy, sent?.by ?? null].filter((x): x is number => x !== null);
  if (!ids.length) return;
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.id, ids), isNull(users.disabledAt)));
  await notify(tx, people, { kind: `innovation-${what}`, key: `mail.${what}`, vars, link: `/kelola/inovasi/${id}` });
}

/** Admin Lokal returns an entry to its operator with a note saying what to correct. */
export async function returnInnovation(db: Db, actor: Actor, id: number, comment: string, opts: { publicUrl: string }) {
  const current = await loadInnovation(db, id);
  assertCan(actor, "innovation.review", current);
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return applyTransition(db, {
    id,
    from: current.state,
    transition: "return",
    actorId: actor.id,
    comment,
    after: (tx) =>
      tellCreator(tx, current.createdBy, "returned", id, { name: current.name, comment, link: `${opts.publicUrl}/kelola/inovasi/${id}` }),
  });
}

/** Admin Lokal (or the secretariat) publishes an entry to the open catalogue. */
export async function publishInnovation(db: Db, actor: Actor, id: number, opts: { publicUrl: string }) {
  const current = await loadInnovation(db, id);
  assertCan(actor, "innovation.review", current);
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  assertComplete(current);
  return applyTransition(db, {
    id,
    from: current.state,
    transition: "publish",
    actorId: actor.id,
    after: (tx) =>
      tellCreator(tx, current.createdBy, "published", id, { name: current.name, link: `${opts.publicUrl}/inovasi/${current.slug}` }),
  });
}

/**
 * Withdraw a published entry from the catalogue; it goes back to draft. Its address may already
 * be on posters and in messages, so the withdrawal is never silent: the reason is kept in the
 * history and sent to the operator who wrote it, as a return for correction is.
 */
export async function unpublishInnovation(db: Db, actor: Actor, id: number, reason: string, opts: { publicUrl: string }) {
  const current = await loadInnovation(db, id);
  assertCan(actor, "innovation.unpublish", current);
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return applyTransition(db, {
    id,
    from: current.state,
    transition: "unpublish",
    actorId: actor.id,
    comment: reason,
    after: (tx) =>
      tellCreator(tx, current.createdBy, "unpublished", id, { name: current.name, reason, link: `${opts.publicUrl}/kelola/inovasi/${id}` }),
  });
}
