// A competition's whole configuration: groups, categories, the proposal form, eligibility, the
// stages with their criteria and advancement rules, the award tiers and the scoring settings.
//
// It is one document (a jsonb column), not a dozen tables, because it is edited, validated,
// cloned and compared as a whole: the stages, groups, categories, criteria and forms change
// every year (PROGRAMME.md), and its parts refer to each other by code (a criterion to a form
// section, a quota to a group, a stage to the tier it awards). Proposals, scores and results
// refer to these codes; a code in use cannot be removed (see update-config.server.ts).
import { z } from "zod";
import { wholeNumberField } from "~/lib/forms";
import { AGENCY_TYPES, INNOVATION_TEXT_FIELDS } from "~/modules/innovations/vocab";
import { ADVANCEMENT_RULES, ADVANCEMENT_SCOPES, AGGREGATES, ATTACHMENT_KINDS, GROUP_KINDS, JUDGE_POOLS, SCORED_KINDS, STAGE_KINDS } from "./config-values";

const code = z
  .string({ error: "field.required" })
  .trim()
  .min(1, { error: "field.required" })
  .max(40, { error: "field.tooLong" })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "competitions.errors.code" });
const name = z.string({ error: "field.required" }).trim().min(1, { error: "field.required" }).max(200, { error: "field.tooLong" });
const longText = z.string().trim().max(4000, { error: "field.tooLong" }).default("");
const percent = z.coerce.number({ error: "field.number" }).min(0, { error: "competitions.errors.percent" }).max(100, { error: "competitions.errors.percent" });
const instant = z.iso.datetime({ offset: true, error: "competitions.errors.instant" });

export const GroupSchema = z.object({ code, name, kind: z.enum(GROUP_KINDS, { error: "field.choice" }), description: longText });
export const CategorySchema = z.object({ code, name, description: longText });

export const SectionSchema = z.object({
  code,
  title: name,
  guidance: longText,
  wordLimit: z.coerce.number({ error: "field.number" }).int().min(10, { error: "competitions.errors.wordLimit" }).max(5000, { error: "competitions.errors.wordLimit" }),
  weight: percent,
  evidenceRequired: z.boolean().default(false),
  /** Groups whose form has this section; empty: every group. */
  groups: z.array(code).default([]),
  /** Register fields a new proposal's section starts from (nothing is typed twice). */
  prefill: z.array(z.enum(INNOVATION_TEXT_FIELDS, { error: "field.choice" })).default([]),
});

export const AttachmentSchema = z.object({
  code,
  name,
  kind: z.enum(ATTACHMENT_KINDS, { error: "field.choice" }),
  required: z.boolean().default(true),
  groups: z.array(code).default([]),
});

export const RubricLevelSchema = z.object({
  min: z.coerce.number({ error: "field.number" }),
  max: z.coerce.number({ error: "field.number" }),
  description: z.string().trim().min(1, { error: "field.required" }).max(1000, { error: "field.tooLong" }),
});

export const CriterionSchema = z.object({
  code,
  name,
  description: longText,
  weight: percent,
  scaleMin: wholeNumberField(0, 100),
  scaleMax: wholeNumberField(1, 100),
  /** The form section a judge reads beside this criterion, if any. */
  section: code.optional(),
  rubric: z.array(RubricLevelSchema).default([]),
});

export const AdvancementSchema = z.object({
  rule: z.enum(ADVANCEMENT_RULES, { error: "field.choice" }),
  /** "top": how many go on, overall or per category or group. */
  n: wholeNumberField(1, 100_000).optional(),
  scope: z.enum(ADVANCEMENT_SCOPES).default("overall"),
  /** "passing": the lowest proposal score (0–100) that goes on. */
  minScore: percent.optional(),
  /** At least this share (%) of those going on come from eastern Indonesia (WITA and WIT zones). */
  minEastShare: percent.optional(),
  /** At least this share (%) of those going on are of each listed agency type. */
  minTypeShares: z.array(z.object({ agencyType: z.enum(AGENCY_TYPES, { error: "competitions.errors.shares" }), share: percent })).default([]),
});

export const StageSchema = z.object({
  code,
  name,
  kind: z.enum(STAGE_KINDS, { error: "field.choice" }),
  opensAt: instant,
  closesAt: instant,
  judges: z.enum(JUDGE_POOLS, { error: "field.choice" }).default("none"),
  reviewersPerProposal: wholeNumberField(0, 10).default(0),
  criteria: z.array(CriterionSchema).default([]),
  advancement: AdvancementSchema.default({ rule: "all", scope: "overall", minTypeShares: [] }),
  /** The award tier those going on from this stage earn (e.g. the panel stage gives Top 99). */
  tier: code.optional(),
});

export const TierSchema = z.object({
  code,
  name,
  /** 1 is the highest. */
  rank: wholeNumberField(1, 20),
  /** How many are meant to receive it (a guide for the plenary, not a hard limit). */
  count: wholeNumberField(0, 10_000).optional(),
  /** Winners of a top tier may not enter later editions' general groups. */
  topTier: z.boolean().default(false),
});

export const QuotaSchema = z.object({
  group: code.optional(),
  agencyType: z.enum(AGENCY_TYPES).optional(),
  max: wholeNumberField(1, 1000),
});

export const EligibilitySchema = z.object({
  /** Months an innovation must have been running when registration closes. */
  minMonthsOperating: wholeNumberField(0, 120).default(12),
  /** Innovations that earned one of these tiers in an earlier edition are excluded. */
  excludeTiers: z.array(code).default([]),
  /** At most `times` earlier entries in `tier` (e.g. not in the Top 99 twice). */
  maxTimesInTier: z.object({ tier: code, times: wholeNumberField(1, 20) }).optional(),
  /** Per agency: at most `max` proposals (in a group, of an agency type, or both). */
  quotas: z.array(QuotaSchema).default([]),
});

export const ScoringSchema = z.object({
  aggregate: z.enum(AGGREGATES).default("mean"),
  /** Show each judge's z-score normalised total beside the raw one. */
  normalise: z.boolean().default(false),
  /** Flag a proposal when its reviews' totals (0–100) spread more than this. */
  disagreementThreshold: percent.default(20),
  /** A judge sees the other judges' scores only after submitting their own. */
  revealAfterSubmit: z.boolean().default(true),
});

// The administrative screening's checklist, from the reasons proposals were rejected as
// reported (PROGRAMME.md: too young, incomplete, careless answers, the same title twice).
export const DEFAULT_CHECKLIST = [
  { code: "usia", label: "Inovasi telah berjalan sesuai syarat" },
  { code: "lengkap", label: "Semua bagian dan lampiran lengkap" },
  { code: "sungguh", label: "Jawaban diisi dengan sungguh-sungguh, tidak asal" },
  { code: "judul-unik", label: "Judul tidak sama dengan proposal lain" },
  { code: "bukti-sah", label: "Bukti dukung dan surat pernyataan sah" },
];

export const ChecklistItemSchema = z.object({ code, label: name });

/**
 * Each part's own fields, without the rules between parts. A setup page checks the part it
 * changes against these first (part-forms.ts), where a message can still name its limit.
 */
export const ConfigFieldsSchema = z.object({
  groups: z.array(GroupSchema).min(1, { error: "competitions.errors.needGroup" }),
  categories: z.array(CategorySchema).min(1, { error: "competitions.errors.needCategory" }),
  sections: z.array(SectionSchema).min(1, { error: "competitions.errors.needSection" }),
  attachments: z.array(AttachmentSchema).default([]),
  eligibility: EligibilitySchema,
  stages: z.array(StageSchema).min(1, { error: "competitions.errors.needStage" }),
  tiers: z.array(TierSchema).default([]),
  scoring: ScoringSchema,
  objectionDays: wholeNumberField(0, 60).default(5),
  checklist: z.array(ChecklistItemSchema).default(DEFAULT_CHECKLIST),
});

export const CompetitionConfigSchema = ConfigFieldsSchema.superRefine(checkReferences);

export type CompetitionConfig = z.output<typeof CompetitionConfigSchema>;
export type Group = z.output<typeof GroupSchema>;
export type Category = z.output<typeof CategorySchema>;
export type Section = z.output<typeof SectionSchema>;
export type Attachment = z.output<typeof AttachmentSchema>;
export type Stage = z.output<typeof StageSchema>;
export type Criterion = z.output<typeof CriterionSchema>;
export type Tier = z.output<typeof TierSchema>;
export type Eligibility = z.output<typeof EligibilitySchema>;
export type Scoring = z.output<typeof ScoringSchema>;

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

function uniqueCodes(ctx: Ctx, list: { code: string }[], path: (string | number)[]) {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.code)) issue(ctx, [...path, i, "code"], "competitions.errors.duplicateCode");
    seen.add(item.code);
  });
}

// Weights are percentages of a total: they must add up to 100 (to a rounding).
const sums100 = (weights: number[]) => Math.abs(weights.reduce((a, b) => a + b, 0) - 100) < 0.01;

/** Everything one part of the configuration says about another. Paths name the form fields. */
function checkReferences(c: CompetitionConfig, ctx: Ctx) {
  uniqueCodes(ctx, c.groups, ["groups"]);
  uniqueCodes(ctx, c.categories, ["categories"]);
  uniqueCodes(ctx, c.sections, ["sections"]);
  uniqueCodes(ctx, c.attachments, ["attachments"]);
  uniqueCodes(ctx, c.stages, ["stages"]);
  uniqueCodes(ctx, c.tiers, ["tiers"]);
  uniqueCodes(ctx, c.checklist, ["checklist"]);
  const groups = new Set(c.groups.map((g) => g.code));
  const sections = new Set(c.sections.map((s) => s.code));
  const tiers = new Set(c.tiers.map((t) => t.code));

  c.sections.forEach((s, i) => s.groups.forEach((g) => groups.has(g) || issue(ctx, ["sections", i, "groups"], "competitions.errors.unknownGroup")));
  c.attachments.forEach((a, i) => a.groups.forEach((g) => groups.has(g) || issue(ctx, ["attachments", i, "groups"], "competitions.errors.unknownGroup")));
  // Each group's form: its sections' weights make its score out of 100 (or none is weighted).
  for (const g of c.groups) {
    const weights = c.sections.filter((s) => !s.groups.length || s.groups.includes(g.code)).map((s) => s.weight);
    if (weights.some((w) => w > 0) && !sums100(weights)) issue(ctx, ["sections"], "competitions.errors.sectionWeights");
  }

  c.eligibility.quotas.forEach((q, i) => {
    if (q.group && !groups.has(q.group)) issue(ctx, ["eligibility", "quotas", i, "group"], "competitions.errors.unknownGroup");
  });
  c.eligibility.excludeTiers.forEach((t) => tiers.has(t) || issue(ctx, ["eligibility", "excludeTiers"], "competitions.errors.unknownTier"));
  const cap = c.eligibility.maxTimesInTier;
  if (cap && !tiers.has(cap.tier)) issue(ctx, ["eligibility", "maxTimesInTier"], "competitions.errors.unknownTier");

  // The stages run in the order listed; registration comes first and only once.
  if (c.stages[0] && c.stages[0].kind !== "registration") issue(ctx, ["stages", 0, "kind"], "competitions.errors.registrationFirst");
  c.stages.forEach((s, i) => {
    const at = ["stages", i];
    if (i > 0 && s.kind === "registration") issue(ctx, [...at, "kind"], "competitions.errors.registrationFirst");
    if (Date.parse(s.closesAt) <= Date.parse(s.opensAt)) issue(ctx, [...at, "closesAt"], "competitions.errors.closesBeforeOpens");
    const previous = c.stages[i - 1];
    if (previous && Date.parse(s.opensAt) < Date.parse(previous.opensAt)) issue(ctx, [...at, "opensAt"], "competitions.errors.stageOrder");
    if (s.tier && !tiers.has(s.tier)) issue(ctx, [...at, "tier"], "competitions.errors.unknownTier");
    const a = s.advancement;
    if (a.rule === "top" && !a.n) issue(ctx, [...at, "advancement", "n"], "field.required");
    if (a.rule === "passing" && a.minScore === undefined) issue(ctx, [...at, "advancement", "minScore"], "field.required");
    if (SCORED_KINDS.includes(s.kind)) {
      if (s.judges === "none") issue(ctx, [...at, "judges"], "competitions.errors.needJudges");
      if (s.reviewersPerProposal < 1) issue(ctx, [...at, "reviewersPerProposal"], "competitions.errors.needReviewers");
      if (!s.criteria.length) issue(ctx, [...at, "criteria"], "competitions.errors.needCriteria");
      else if (!sums100(s.criteria.map((k) => k.weight))) issue(ctx, [...at, "criteria"], "competitions.errors.criteriaWeights");
    } else if (a.rule !== "all" && s.kind !== "decision") {
      // Only a scored stage (or the plenary) has scores to rank by.
      issue(ctx, [...at, "advancement", "rule"], "competitions.errors.unscoredAdvancement");
    }
    uniqueCodes(ctx, s.criteria, [...at, "criteria"]);
    s.criteria.forEach((k, j) => {
      const kat = [...at, "criteria", j];
      if (k.scaleMax <= k.scaleMin) issue(ctx, [...kat, "scaleMax"], "competitions.errors.scale");
      if (k.section && !sections.has(k.section)) issue(ctx, [...kat, "section"], "competitions.errors.unknownSection");
      const levels = [...k.rubric].sort((x, y) => x.min - y.min);
      levels.forEach((l, n) => {
        const bad = l.min > l.max || l.min < k.scaleMin || l.max > k.scaleMax || (n > 0 && l.min <= levels[n - 1].max);
        if (bad) issue(ctx, [...kat, "rubric"], "competitions.errors.rubric");
      });
    });
  });
}
