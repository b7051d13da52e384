// The site-visit request form and the host's answer.
import { z } from "zod";
import { blankToUndefined } from "~/lib/forms";
import { latestStartDate } from "~/modules/innovations/schemas";

export const visitRequestSchema = z.object({
  // A visit is asked for ahead: not for a day already past everywhere in the country (checked
  // here with the other fields, so every mistake is named at once).
  preferredOn: z.preprocess(blankToUndefined, z.iso.date({ error: "field.date" }).refine((d) => d >= latestStartDate(), { message: "visits.errors.pastDate" })),
  participants: z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
    z.number({ error: "field.number" }).int({ error: "field.number" }).min(1, { error: "field.numberMin" }).max(100, { error: "field.numberMax" }),
  ),
  purpose: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(20, { error: "field.tooShort" }).max(2000, { error: "field.tooLong" })),
});
export type VisitRequestInput = z.output<typeof visitRequestSchema>;

export const visitAnswerSchema = z
  .object({
    decision: z.preprocess(blankToUndefined, z.enum(["accept", "decline"], { error: "visits.errors.decisionRequired" })),
    agreedOn: z.preprocess(blankToUndefined, z.iso.date({ error: "field.date" }).optional()),
    answer: z.preprocess(blankToUndefined, z.string().max(2000, { error: "field.tooLong" }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "accept" && !v.agreedOn) ctx.addIssue({ code: "custom", path: ["agreedOn"], message: "visits.errors.agreedOnRequired" });
    if (v.decision === "decline" && (!v.answer || v.answer.length < 10)) ctx.addIssue({ code: "custom", path: ["answer"], message: "visits.errors.reasonRequired" });
  });
export type VisitAnswerInput = z.output<typeof visitAnswerSchema>;

const reason = z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(10, { error: "field.tooShort" }).max(2000, { error: "field.tooLong" }));

/** The host moves an accepted visit: a new day, and why (the asking agency reads it). */
export const visitRescheduleSchema = z.object({
  newDate: z.preprocess(blankToUndefined, z.iso.date({ error: "field.date" }).refine((d) => d >= latestStartDate(), { message: "visits.errors.pastDate" })),
  reason,
});
export type VisitRescheduleInput = z.output<typeof visitRescheduleSchema>;

/** Either side calls off an accepted visit: the other side is told why. */
export const visitCallOffSchema = z.object({ reason });
export type VisitCallOffInput = z.output<typeof visitCallOffSchema>;

/**
 * After the day, the asking agency says whether the visit took place. Held: how many came and
 * what they learnt (the record of knowledge passed on); not held: a note is welcome, not needed.
 */
export const visitOutcomeSchema = z
  .object({
    held: z.preprocess(blankToUndefined, z.enum(["yes", "no"], { error: "visits.errors.heldRequired" })),
    attendees: z.preprocess(
      (v) => (typeof v === "string" && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
      z.number({ error: "field.number" }).int({ error: "field.number" }).min(1, { error: "field.numberMin" }).max(100, { error: "field.numberMax" }).optional(),
    ),
    learned: z.preprocess(blankToUndefined, z.string().max(2000, { error: "field.tooLong" }).optional()),
  })
  // Run even when a field is wrong, so that every mistake is named at once (only blanks and
  // short notes are added here; a wrong number is already named by its field).
  .superRefine(
    (v, ctx) => {
      if (v.held !== "yes") return;
      if (v.attendees === undefined) ctx.addIssue({ code: "custom", path: ["attendees"], message: "visits.errors.attendeesRequired" });
      if (v.learned === undefined || (typeof v.learned === "string" && v.learned.length < 20)) ctx.addIssue({ code: "custom", path: ["learned"], message: "visits.errors.learnedRequired" });
    },
    { when: () => true },
  );
export type VisitOutcomeInput = z.output<typeof visitOutcomeSchema>;
