// Saving a proposal's work: sections one by one (each with the version its editor saw), and its
// details (title, group, category, sources, links, declarations) with the proposal's version.
// A stale save never overwrites: the section is reported with the text that is stored now, so
// the person can see the difference and choose; the others are saved.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client.server";
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
 * Lock the proposal for the save and mark it as touched (any save counts as activity: the lists
 * sort by it), in one statement: an autosave at the deadline rush is a handful of round trips.
 * Who may edit is checked on the row it returns; a refusal rolls the touch back.
 */
async function lockForEdit(tx: Tx, actor: Actor, id: number) {
  const [p] = await tx.update(proposals).set({ updatedAt: new Date() }).where(eq(proposals.id, id)).returning();
  // Another agency's proposal is not there at all, as far as its reader can tell.
  if (!p || !can(actor, "proposal.view", { agencyId: p.agencyId, state: p.state }).ok) throw new AppError("not-found", "errors.notFound");
  assertCan(actor, "proposal.edit", { agencyId: p.agencyId, state: p.state });
  return p;
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
      const body = s.body.slice(0, MAX_SECTION_CHARS);
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
      // The same words already stored: nothing to tell.
      if (current.body === body) result.saved.push({ code: s.code, version: current.version });
      else result.conflicts.push({ code: s.code, theirs: current.body, version: current.version, mine: body });
    }
    return result;
  });
}
