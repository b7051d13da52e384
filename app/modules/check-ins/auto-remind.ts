// The automatic reminder's settings, as the form offers them and the server checks them
// (auto-remind.server.ts runs it).
import { z } from "zod";

/** How often a reminder may go: every week at most (as by hand), every eight weeks at least. */
export const AUTO_EVERY_WEEKS = [1, 2, 4, 8] as const;

export const AutoReminderSchema = z.object({
  enabled: z.boolean(),
  everyWeeks: z.literal(AUTO_EVERY_WEEKS),
  // The month (1–12) the yearly check-in season starts: agencies are reminded from then until
  // the year ends (answers for a year are given within that year).
  fromMonth: z.number().int().min(1).max(12),
});
export type AutoReminder = z.infer<typeof AutoReminderSchema>;

export const AUTO_REMINDER_OFF: AutoReminder = { enabled: false, everyWeeks: 2, fromMonth: 7 };
