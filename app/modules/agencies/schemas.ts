import { z } from "zod";
import { blankToUndefined } from "~/lib/forms";

export const UnitSchema = z.object({
  name: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(2).max(200)),
  kind: z.preprocess(blankToUndefined, z.string().max(80).optional()),
});

// Ministries, national agencies and regional governments come from reference data; admins add
// state- and region-owned enterprises.
export const AgencySchema = z
  .object({
    name: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(3).max(200)),
    shortName: z.preprocess(blankToUndefined, z.string().max(80).optional()),
    type: z.enum(["bumn", "bumd"], { error: "field.choice" }),
    regionCode: z.preprocess(blankToUndefined, z.string().regex(/^\d{2}(\.\d{2})?$/, { error: "agencies.errors.regionUnknown" }).optional()),
    // The first full year "One Agency, One Innovation" applies to a newly formed enterprise.
    activeFrom: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "agencies.errors.activeFrom" })
        .int({ error: "agencies.errors.activeFrom" })
        .min(2013, { error: "agencies.errors.activeFrom" })
        .refine((y) => y <= new Date().getUTCFullYear() + 1, { message: "agencies.errors.activeFrom" })
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.type === "bumd" && !v.regionCode) ctx.addIssue({ code: "custom", path: ["regionCode"], message: "agencies.errors.regionRequired" });
  });

export type UnitInput = z.output<typeof UnitSchema>;
export type AgencyInput = z.output<typeof AgencySchema>;
