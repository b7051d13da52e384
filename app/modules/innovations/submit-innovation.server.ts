import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { notify } from "~/modules/notifications/notify.server";
import { loadInnovation } from "./load-innovation.server";
import { REQUIRED_FOR_SUBMIT } from "./schemas";
import { applyTransition } from "./transition.server";

/**
 * Nothing incomplete reaches review or the catalogue: sending an entry and publishing it (which
 * Admin Lokal may do straight from a draft) both need every field REQUIRED_FOR_SUBMIT names.
 */
export function assertComplete(current: Awaited<ReturnType<typeof loadInnovation>>) {
  const missing = REQUIRED_FOR_SUBMIT.filter((f) => {
    const v = current[f];
    return v === null || v === "" || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length) {
    throw new AppError("invalid", "innovations.errors.incomplete", Object.fromEntries(missing.map((f) => [f, "field.required"])));
  }
}

/** Send a complete entry to the agency's Admin Lokal for checking, and tell them by email. */
export async function submitInnovation(db: Db, actor: Actor, id: number, opts: { publicUrl: string }) {
  const current = await loadInnovation(db, id);
  assertCan(actor, "innovation.submit", current);
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  assertComplete(current);
  return applyTransition(db, {
    id,
    from: current.state,
    transition: "submit",
    actorId: actor.id,
    after: async (tx) => {
      const admins = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(eq(users.agencyId, current.agencyId), eq(users.role, "agency_admin"), isNull(users.disabledAt)));
      // By mail and in the work area's notifications, as every step someone must act on.
      const path = `/kelola/inovasi/${id}`;
      await notify(tx, admins, { kind: "innovation-submitted", key: "mail.submitted", vars: { actor: actor.name, name: current.name, link: `${opts.publicUrl}${path}` }, link: path });
    },
  });
}
