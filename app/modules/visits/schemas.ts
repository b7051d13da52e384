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
