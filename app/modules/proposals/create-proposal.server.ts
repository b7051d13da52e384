// Enter an innovation of the register in an edition: the proposal starts from what the register
// already holds (each section prefilled from the fields the configuration names), so nothing is
// typed twice.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { innovations, proposalHistory, proposals, proposalSections } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, placedUnit, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { isStageOpen, registrationStage } from "~/modules/competitions/config-values";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { mayEnterGroup } from "~/modules/competitions/invitations.server";
import { sectionsFor } from "./form-shape";
import type { NewProposalInput } from "./schemas";

export async function createProposal(db: Db, actor: Actor, input: NewProposalInput, now = new Date()) {
  if (actor.kind !== "user" || !actor.agencyId) throw new AppError("forbidden", "errors.forbidden");
  assertCan(actor, "proposal.create", { agencyId: actor.agencyId });
  const competition = await competitionBySlug(db, input.competition);
  if (!competition || competition.state !== "announced") throw new AppError("invalid", "proposals.errors.competition", { competition: "proposals.errors.competition" });
  const registration = registrationStage(competition.config);
  if (!registration || !isStageOpen(registration, now)) throw new AppError("invalid", "proposals.problems.closed", { competition: "proposals.problems.closed" });
  const config = competition.config;
  if (!config.groups.some((g) => g.code === input.groupCode)) throw new AppError("invalid", "field.choice", { groupCode: "field.choice" });
  if (!config.categories.some((c) => c.code === input.categoryCode)) throw new AppError("invalid", "field.choice", { categoryCode: "field.choice" });

  return db.transaction(async (tx) => {
    const [innovation] = await tx.select().from(innovations).where(eq(innovations.id, input.innovationId));
    // Only the agency's own register entries, and only those already published.
    if (!innovation || innovation.agencyId !== actor.agencyId || innovation.state !== "published") {
      throw new AppError("invalid", "proposals.errors.innovation", { innovationId: "proposals.errors.innovation" });
    }
    // An operator placed in a unit enters its unit's innovations (policy.ts, operatorCovers).
    const unit = placedUnit(actor);
    if (unit !== null && innovation.unitId !== unit) {
      throw new AppError("invalid", "proposals.errors.otherUnitInnovation", { innovationId: "proposals.errors.otherUnitInnovation" });
    }
    const [taken] = await tx
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.competitionId, competition.id), eq(proposals.innovationId, innovation.id), ne(proposals.state, "withdrawn")));
    if (taken) throw new AppError("conflict", "proposals.errors.alreadyEntered", { innovationId: "proposals.errors.alreadyEntered" });
    if (!(await mayEnterGroup(tx, config, competition.id, input.groupCode, innovation.id))) {
      throw new AppError("invalid", "proposals.errors.notInvited", { groupCode: "proposals.errors.notInvited" });
    }
    const [row] = await tx
      .insert(proposals)
      .values({
        competitionId: competition.id,
        innovationId: innovation.id,
        agencyId: innovation.agencyId,
        // The proposal is its innovation's unit's, whoever starts it (Admin Lokal included).
        unitId: innovation.unitId,
        groupCode: input.groupCode,
        categoryCode: input.categoryCode,
        title: innovation.acronym ? `${innovation.name} (${innovation.acronym})` : innovation.name,
        links: innovation.videoUrl ? { video: innovation.videoUrl } : {},
        sourceInnovationIds: innovation.origin === "replication" && innovation.originInnovationId ? [innovation.originInnovationId] : [],
        createdBy: actor.id,
      })
      .returning();
    const sections = sectionsFor(config, input.groupCode).map((s) => ({
      proposalId: row.id,
      sectionCode: s.code,
      body: s.prefill.map((f) => innovation[f].trim()).filter(Boolean).join("\n\n"),
      updatedBy: actor.id,
    }));
    if (sections.length) await tx.insert(proposalSections).values(sections);
    await tx.insert(proposalHistory).values({ proposalId: row.id, actorUserId: actor.id, action: "create" });
    await recordAudit(tx, { actorUserId: actor.id, action: "proposal.create", subjectType: "proposal", subjectId: row.id, data: { competition: competition.slug } });
    return row;
  });
}
