import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, innovationHistory, innovations } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { slugify } from "~/modules/agencies/regions";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { operatorUnit, resolveInnovationInput } from "./resolve-input.server";
import type { InnovationInput } from "./schemas";

/** Register a new innovation as a draft of the actor's agency (national admins name the agency). */
export async function createInnovation(db: Db, actor: Actor, input: InnovationInput) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const agencyId = actor.role === "national_admin" ? input.agencyId : actor.agencyId;
  if (!agencyId) throw new AppError("invalid", "accounts.errors.agencyRequired", { agencyId: "accounts.errors.agencyRequired" });
  assertCan(actor, "innovation.create", { agencyId });
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError("invalid", "accounts.errors.agencyRequired", { agencyId: "accounts.errors.agencyRequired" });
  const columns = await resolveInnovationInput(db, agencyId, { ...input, unitId: operatorUnit(actor, input.unitId) });

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(innovations)
      .values({
        provinceCode: agency.provinceCode,
        regionCode: agency.regionCode,
        ...columns,
        slug: `${slugify(input.acronym ? `${input.acronym} ${agency.shortName ?? agency.name}` : `${input.name} ${agency.shortName ?? agency.name}`)}-${Date.now().toString(36).slice(-5)}`,
        agencyId,
        agencyType: agency.type,
        state: "draft",
        createdBy: actor.id,
      })
      .returning({ id: innovations.id, slug: innovations.slug });
    await tx.insert(innovationHistory).values({ innovationId: row.id, actorUserId: actor.id, action: "created", changedFields: [] });
    await recordAudit(tx, { actorUserId: actor.id, action: "innovation.create", subjectType: "innovation", subjectId: row.id });
    return row;
  });
}
