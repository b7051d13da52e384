// The yearly check-in form: is the innovation still running, what happened this year, and the
// evidence for it.
import { z } from "zod";
import { blankToUndefined, webAddress } from "~/lib/forms";
import { latestStartDate } from "~/modules/innovations/schemas";

export const CHECK_IN_OUTCOMES = ["running", "stopped"] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

// Long enough to say what ran and for whom ("Masih berjalan" alone says nothing a reader can
// trust), short enough to read in the list of a year's answers.
export const NOTE_MIN = 30;
export const NOTE_MAX = 2000;

export const checkInSchema = z
  .object({
    outcome: z.preprocess(blankToUndefined, z.enum(CHECK_IN_OUTCOMES, { error: "field.choice" }).optional()),
    note: z.preprocess(
      blankToUndefined,
      z
        .string()
        .min(NOTE_MIN, { error: "field.tooShort" })
        .max(NOTE_MAX, { error: "field.tooLong" })
        .optional(),
    ),
    evidenceUrl: webAddress(),
    stoppedOn: z.preprocess(
      blankToUndefined,
      z.iso
        .date({ error: "field.date" })
        .refine((d) => d <= latestStartDate(), { message: "checkins.errors.stoppedInFuture" })
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "checkins.errors.outcomeRequired" });
    if (!v.note) ctx.addIssue({ code: "custom", path: ["note"], message: v.outcome === "stopped" ? "checkins.errors.whyStopped" : "checkins.errors.noteRequired" });
    if (v.outcome === "stopped" && !v.stoppedOn) ctx.addIssue({ code: "custom", path: ["stoppedOn"], message: "checkins.errors.stoppedOnRequired" });
  });

export type CheckInInput = z.output<typeof checkInSchema>;
