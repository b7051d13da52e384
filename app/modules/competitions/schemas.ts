import { z } from "zod";
import { blankToUndefined } from "~/lib/forms";
import { PRESETS, type PresetId } from "./presets";

export const CompetitionGeneralSchema = z.object({
  name: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(3, { error: "field.tooShort" }).max(200, { error: "field.tooLong" })),
  theme: z.preprocess((v) => blankToUndefined(v) ?? "", z.string().max(500)),
  legalBasis: z.preprocess((v) => blankToUndefined(v) ?? "", z.string().max(300)),
});
export type CompetitionGeneral = z.output<typeof CompetitionGeneralSchema>;

// "preset:kipp-2023-umum" or "clone:12": one select offers both ways to start.
const source = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "field.required" })
    .regex(/^(preset:[a-z0-9-]+|clone:\d{1,9})$/, { error: "field.choice" })
    .transform((v, ctx): { preset: PresetId } | { cloneOf: number } => {
      const [kind, value] = v.split(":");
      if (kind === "clone") return { cloneOf: Number(value) };
      if (!(PRESETS as readonly string[]).includes(value)) {
        ctx.addIssue({ code: "custom", message: "field.choice" });
        return z.NEVER;
      }
      return { preset: value as PresetId };
    }),
);

export const NewCompetitionSchema = z.object({
  edition: z.preprocess(blankToUndefined, z.coerce.number({ error: "field.number" }).int().min(2014, { error: "competitions.errors.edition" }).max(2100, { error: "competitions.errors.edition" })),
  slug: z.preprocess(
    (v) => (typeof v === "string" ? blankToUndefined(v.toLowerCase()) : v),
    z.string({ error: "field.required" }).min(3, { error: "field.tooShort" }).max(60, { error: "field.tooLong" }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "competitions.errors.slug" }),
  ),
  source,
});
