// Scheduling a presentation stage: one slot per entrant, consecutive from a start instant.
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { presentationSlots } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { stageEntrants } from "~/modules/judging/stage-entrants.server";
import type { GenerateSlotsInput } from "./schemas";
import { agencyZone, clashes, fillPattern, outsideStage, planSlots } from "./slots";
import { stageOfKind } from "./stage-of-kind";
import type { ZoneName } from "~/i18n";

type Competition = { id: number; config: CompetitionConfig };

// Eastern agencies first: a day that starts at 08.00 WIB starts at 10.00 WIT, so the east
// presents in its morning and the late WIB afternoon falls to agencies for whom it is still
// the afternoon, not the evening.
const EAST_FIRST: Record<ZoneName, number> = { WIT: 0, WITA: 1, WIB: 2 };

/**
 * Give every entrant without a slot one, consecutive from `input.start` (the slots already set
 * are kept, unless `replace`: then every slot of the stage is dropped and made again, and the
 * agencies' answers with them). New slots may not clash with kept ones in the same room or link.
 * Weekends (when `workDaysOnly`) and the listed holidays are skipped, judged in the editor's zone.
 */
export async function generatePresentationSlots(db: Db, actor: Actor, competition: Competition, stageCode: string, input: GenerateSlotsInput, editorZone: ZoneName) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const stage = stageOfKind(competition.config, stageCode, "presentation");
  return db.transaction(async (tx) => {
    const where = and(eq(presentationSlots.competitionId, competition.id), eq(presentationSlots.stageCode, stage.code));
    const removed = input.replace ? (await tx.delete(presentationSlots).where(where).returning({ id: presentationSlots.id })).length : 0;
    const kept = input.replace ? [] : await tx.select().from(presentationSlots).where(where);
    const scheduled = new Set(kept.map((s) => s.proposalId));
    const entrants = (await stageEntrants(tx, competition.id, competition.config, stage.code))
      .filter((e) => !scheduled.has(e.id))
      .sort((a, b) => EAST_FIRST[agencyZone(a.zone)] - EAST_FIRST[agencyZone(b.zone)] || a.id - b.id);
    if (!entrants.length) throw new AppError("conflict", "stages.errors.allScheduled");
    const starts = planSlots({
      start: Date.parse(input.start),
      count: entrants.length,
      minutes: input.slotMinutes,
      breakMinutes: input.breakMinutes,
      dayEnd: input.dayEnd,
      zone: editorZone,
      workDaysOnly: input.workDaysOnly,
      holidays: input.holidays,
    });
    const values = entrants.map((e, i) => ({
      competitionId: competition.id,
      stageCode: stage.code,
      proposalId: e.id,
      startsAt: starts[i],
      minutes: input.slotMinutes,
      mode: input.slotMode,
      location: fillPattern(input.pattern, i + 1),
    }));
    const outside = values.map((v) => outsideStage(v, stage)).find(Boolean);
    if (outside) throw new AppError("invalid", `stages.errors.slot.${outside}Stage`, { start: `stages.errors.slot.${outside}Stage` });
    const clash = values.find((v) => kept.some((k) => clashes(v, k)));
    if (clash) throw new AppError("invalid", "stages.errors.overlap", { start: "stages.errors.overlap" });
    await tx.insert(presentationSlots).values(values);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "presentation.schedule",
      subjectType: "competition",
      subjectId: competition.id,
      data: { stage: stage.code, created: values.length, removed, start: input.start, minutes: input.slotMinutes, breakMinutes: input.breakMinutes, mode: input.slotMode, workDaysOnly: input.workDaysOnly, holidays: input.holidays },
    });
    return { created: values.length, removed };
  });
}
