import { z } from "zod";
import { blankToUndefined, toArray } from "~/lib/forms";

const id = z.coerce.number({ error: "field.choice" }).int().min(1, { error: "field.choice" }).max(2_147_483_647, { error: "field.choice" });
// Group and category codes come from a select: a value longer than any code is not one of its options.
const code = z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(40, { error: "field.choice" });

export const NewProposalSchema = z.object({
  competition: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(60, { error: "field.choice" })),
  innovationId: z.preprocess(blankToUndefined, id),
  groupCode: z.preprocess(blankToUndefined, code),
  categoryCode: z.preprocess(blankToUndefined, code),
});
export type NewProposalInput = z.output<typeof NewProposalSchema>;

// The parts of a proposal besides its sections' text.
export const ProposalDetailsSchema = z.object({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  title: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(3, { error: "field.tooShort" }).max(200, { error: "field.tooLong" })),
  groupCode: z.preprocess(blankToUndefined, code),
  categoryCode: z.preprocess(blankToUndefined, code),
  sources: z.preprocess(toArray, z.array(id).max(10)),
  declarations: z.preprocess(toArray, z.array(z.string().max(40)).max(20)),
  links: z.record(z.string().max(40), z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "field.url" }).max(500)])),
});
export type ProposalDetails = z.output<typeof ProposalDetailsSchema>;

export const CommentSchema = z.object({
  comment: z.preprocess(blankToUndefined, z.string({ error: "proposals.errors.commentRequired" }).min(3, { error: "field.tooShort" }).max(3000, { error: "field.tooLong" })),
});
