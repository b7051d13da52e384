import { eq, like, or } from "drizzle-orm";
import type { Db, Tx } from "~/db/client.server";
import { agencies, innovationHistory, innovations } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { resolveInnovationInput } from "./resolve-input.server";
import type { InnovationInput } from "./schemas";
import { innovationSlugBase } from "./slug";

/** Register a new innovation as a draft of the actor's agency (national admins name the agency). */
export async function createInnovation(db: Db, actor: Actor, input: InnovationInput) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const agencyId = actor.role === "national_admin" ? input.agencyId : actor.agencyId;
  if (!agencyId) throw new AppError("invalid", "accounts.errors.agencyRequired", { agencyId: "accounts.errors.agencyRequired" });
  assertCan(actor, "innovation.create", { agencyId });
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError("invalid", "accounts.errors.agencyRequired", { agencyId: "accounts.errors.agencyRequired" });
  const columns = await resolveInnovationInput(db, actor, agencyId, input);
  const base = innovationSlugBase(input.name, input.acronym, agency.shortName ?? agency.name);

  return db.transaction(async (tx) => {
    const values = {
      provinceCode: agency.provinceCode,
      regionCode: agency.regionCode,
      ...columns,
      agencyId,
      agencyType: agency.type,
      state: "draft" as const,
      createdBy: actor.id,
    };
    // The address is unique (innovations_slug_idx). Two people registering the same name at
    // once may both see the same number free: the loser of the race inserts nothing (no error,
    // so the transaction stays usable) and takes the next free number.
    let row: { id: number; slug: string } | undefined;
    for (let attempt = 0; !row; attempt++) {
      if (attempt === 10) throw new AppError("conflict", "errors.conflict");
      const slug = await freeSlug(tx, base);
      [row] = await tx.insert(innovations).values({ ...values, slug }).onConflictDoNothing({ target: innovations.slug }).returning({ id: innovations.id, slug: innovations.slug });
    }
    await tx.insert(innovationHistory).values({ innovationId: row.id, actorUserId: actor.id, action: "created", changedFields: [] });
    await recordAudit(tx, { actorUserId: actor.id, action: "innovation.create", subjectType: "innovation", subjectId: row.id });
    return row;
  });
}

/** The base itself when free, else the base with the first free number from 2 ("…-2", "…-3"). */
async function freeSlug(tx: Tx, base: string): Promise<string> {
  // A slug is [a-z0-9-] only, so the base holds none of LIKE's wildcards.
  const rows = await tx.select({ slug: innovations.slug }).from(innovations).where(or(eq(innovations.slug, base), like(innovations.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
