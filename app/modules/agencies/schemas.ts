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
  })
  .superRefine((v, ctx) => {
    if (v.type === "bumd" && !v.regionCode) ctx.addIssue({ code: "custom", path: ["regionCode"], message: "agencies.errors.regionRequired" });
  });

export type UnitInput = z.output<typeof UnitSchema>;
export type AgencyInput = z.output<typeof AgencySchema>;
