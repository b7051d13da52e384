// Saving a proposal's work: sections one by one (each with the version its editor saw), and its
// details (title, group, category, sources, links, declarations) with the proposal's version.
// A stale save never overwrites: the section is reported with the text that is stored now, so
// the person can see the difference and choose; the others are saved.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client.server";
import { preparedPerDatabase } from "~/db/prepared.server";
import { proposals, proposalSections } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, can, type Actor } from "~/lib/policy";
import { sectionsFor } from "./form-shape";
import type { ProposalDetails } from "./schemas";
import type { CompetitionConfig } from "~/modules/competitions/config";

export type SectionEdit = { code: string; body: string; version: number };
export type SectionConflict = { code: string; theirs: string; version: number; mine: string };
export type SaveResult = {
  saved: { code: string; version: number }[];
  conflicts: SectionConflict[];
  /** The proposal's version after the save (details), or as it was. */
  version: number;
  detailsConflict?: boolean;
};

// Sections are long prose; a limit far above any word limit keeps a runaway paste in check
// without ever cutting a real answer.
export const MAX_SECTION_CHARS = 60_000;

/**
 * A section's text, refused whole when over the limit: cut silently, the writer would be told
 * "saved" and find the end of their text gone on the next visit. The page refuses it beside the
 * section with the text kept in the form (see the proposal route), the autosave with a 400.
 */
function withinLimit(edit: Pick<SectionEdit, "code" | "body">): string {
  if (edit.body.length > MAX_SECTION_CHARS) {
    throw new AppError("invalid", "proposals.errors.sectionTooLong", { [`section.${edit.code}`]: "proposals.errors.sectionTooLong" });
  }
  return edit.body;
}

/**
 * Lock the proposal for the save and mark it as touched (any save counts as activity: the lists
 * sort by it), in one statement: an autosave at the deadline rush is a handful of round trips.
 * Who may edit is checked on the row it returns; a refusal rolls the touch back.
 */
async function lockForEdit(tx: Tx, actor: Actor, id: number) {
  const [p] = await tx.update(proposals).set({ updatedAt: new Date() }).where(eq(proposals.id, id)).returning();
  assertMayEdit(actor, p);
  return p;
}

/** Who may save: another agency's proposal is not there at all, as far as its reader can tell. */
function assertMayEdit(actor: Actor, p: { agencyId: number; unitId: number | null; state: (typeof proposals.$inferSelect)["state"] } | undefined): asserts p {
  if (!p || !can(actor, "proposal.view", { agencyId: p.agencyId, state: p.state }).ok) throw new AppError("not-found", "errors.notFound");
  assertCan(actor, "proposal.edit", { agencyId: p.agencyId, unitId: p.unitId, state: p.state });
}

/** A section whose version moved on: the same words already stored are a save, others a conflict to show. */
function staleSection(edit: { code: string; body: string }, current: { body: string; version: number }): Pick<SaveResult, "saved" | "conflicts"> {
  if (current.body === edit.body) return { saved: [{ code: edit.code, version: current.version }], conflicts: [] };
  return { saved: [], conflicts: [{ code: edit.code, theirs: current.body, version: current.version, mine: edit.body }] };
}

/** Section rows for every section of the group (a new group may bring new sections). */
async function ensureSections(tx: Tx, proposalId: number, config: CompetitionConfig, groupCode: string) {
  const rows = sectionsFor(config, groupCode).map((s) => ({ proposalId, sectionCode: s.code }));
  if (rows.length) await tx.insert(proposalSections).values(rows).onConflictDoNothing();
}

export async function saveProposal(
  db: Db,
  actor: Actor,
  id: number,
  /** The edition's configuration: needed only to save the details. */
  config: CompetitionConfig | null,
  input: { sections: SectionEdit[]; details?: ProposalDetails },
): Promise<SaveResult> {
  const userId = actor.kind === "user" ? actor.id : null;
  return db.transaction(async (tx) => {
    const p = await lockForEdit(tx, actor, id);
    const result: SaveResult = { saved: [], conflicts: [], version: p.version };
    if (input.details && config) {
      const d = input.details;
      if (d.version !== p.version) result.detailsConflict = true;
      else {
        if (!config.groups.some((g) => g.code === d.groupCode)) throw new AppError("invalid", "field.choice", { groupCode: "field.choice" });
        if (!config.categories.some((c) => c.code === d.categoryCode)) throw new AppError("invalid", "field.choice", { categoryCode: "field.choice" });
        const links = Object.fromEntries(Object.entries(d.links).filter(([, v]) => v !== ""));
        const [updated] = await tx
          .update(proposals)
          .set({
            title: d.title,
            groupCode: d.groupCode,
            categoryCode: d.categoryCode,
            sourceInnovationIds: [...new Set(d.sources)].filter((s) => s !== p.innovationId),
            declarations: d.declarations.filter((c) => config.attachments.some((a) => a.code === c && a.kind === "declaration")),
            links,
            version: sql`${proposals.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(proposals.id, id))
          .returning({ version: proposals.version });
        result.version = updated.version;
        if (d.groupCode !== p.groupCode) await ensureSections(tx, id, config, d.groupCode);
      }
    }
    for (const s of input.sections) {
      const body = withinLimit(s);
      const [done] = await tx
        .update(proposalSections)
        .set({ body, version: sql`${proposalSections.version} + 1`, updatedBy: userId, updatedAt: new Date() })
        .where(and(eq(proposalSections.proposalId, id), eq(proposalSections.sectionCode, s.code), eq(proposalSections.version, s.version)))
        .returning({ version: proposalSections.version });
      if (done) {
        result.saved.push({ code: s.code, version: done.version });
        continue;
      }
      const [current] = await tx.select().from(proposalSections).where(and(eq(proposalSections.proposalId, id), eq(proposalSections.sectionCode, s.code)));
      if (!current) continue; // not a section of this proposal's form: ignored
      const outcome = staleSection({ code: s.code, body }, current);
      result.saved.push(...outcome.saved);
      result.conflicts.push(...outcome.conflicts);
    }
    return result;
  });
}

// --- The autosave: one section, the commonest request at the deadline rush -------------------
//
// About 200 a second when 2,000 people write (PROGRAMME.md's closing days), so it is the same
// save in as few round trips as can keep its guarantees, each a statement prepared once per
// database handle: who may edit is checked on the proposal as read; the section is written only
// if its version is the one its writer saw and the proposal is still in that state, with the
// proposal row share-locked, so a submission (which locks it for update) and an autosave never
// interleave: one waits for the other and sees its result.
const autosaveStatements = preparedPerDatabase((db: Db) => {
  const id = sql.placeholder("id");
  const code = sql.placeholder("code");
  return {
    proposal: db.select({ agencyId: proposals.agencyId, unitId: proposals.unitId, state: proposals.state }).from(proposals).where(eq(proposals.id, id)).prepare("lumbung_autosave_proposal"),
    write: db
      .update(proposalSections)
      .set({ body: sql`${sql.placeholder("body")}`, version: sql`${proposalSections.version} + 1`, updatedBy: sql`${sql.placeholder("userId")}`, updatedAt: sql`now()` })
      .where(
        and(
          eq(proposalSections.proposalId, id),
          eq(proposalSections.sectionCode, code),
          eq(proposalSections.version, sql.placeholder("version")),
          sql`EXISTS (SELECT 1 FROM ${proposals} p WHERE p.id = ${id} AND p.state = ${sql.placeholder("state")} FOR SHARE)`,
        ),
      )
      .returning({ version: proposalSections.version })
      .prepare("lumbung_autosave_write"),
    current: db
      .select({ body: proposalSections.body, version: proposalSections.version, state: proposals.state })
      .from(proposalSections)
      .innerJoin(proposals, eq(proposals.id, proposalSections.proposalId))
      .where(and(eq(proposalSections.proposalId, id), eq(proposalSections.sectionCode, code)))
      .prepare("lumbung_autosave_current"),
    touch: db.update(proposals).set({ updatedAt: sql`now()` }).where(eq(proposals.id, id)).prepare("lumbung_autosave_touch"),
  };
});

/** Save one section as the autosave sends it; the same answers as saveProposal gives for it. */
export async function autosaveSection(db: Db, actor: Actor, id: number, edit: SectionEdit): Promise<Pick<SaveResult, "saved" | "conflicts">> {
  const s = autosaveStatements(db);
  const [p] = await s.proposal.execute({ id });
  assertMayEdit(actor, p);
  const body = withinLimit(edit);
  const userId = actor.kind === "user" ? actor.id : null;
  const [done] = await s.write.execute({ id, code: edit.code, version: edit.version, state: p.state, body, userId });
  if (done) {
    await s.touch.execute({ id });
    return { saved: [{ code: edit.code, version: done.version }], conflicts: [] };
  }
  const [current] = await s.current.execute({ id, code: edit.code });
  if (!current) return { saved: [], conflicts: [] }; // not a section of this proposal's form: ignored
  // Moved on meanwhile (sent, submitted): judged again on the state it is in now.
  if (current.state !== p.state) assertCan(actor, "proposal.edit", { agencyId: p.agencyId, unitId: p.unitId, state: current.state });
  return staleSection({ code: edit.code, body }, current);
}
