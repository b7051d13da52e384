// The similarity report of an edition: every submitted proposal compared with every other
// proposal (this edition and earlier ones) and every innovation of the register, near-copies
// flagged with their percentage and the matching passages, and identical titles.
//
// Starting a run writes its row (running, done, failed) and queues a job (db/jobs.server.ts):
// a server process works it in slices of a few proposals with a pause between them, so pages
// keep being served meanwhile. A process stopped mid-run loses the job to the next process once
// it expires, which starts that run again from its first proposal.
import { and, eq, inArray, lt, ne } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { Jobs, QueueSpec } from "~/db/jobs.server";
import { innovations, proposals, proposalSections, similarityMatches, similarityRuns } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { INNOVATION_TEXT_FIELDS } from "~/modules/innovations/vocab";
import { buildIndex, findSimilar, identicalTitles, type SimilarityDoc } from "./similarity";

// Proposals per slice: small enough that a slice takes well under a second at 30,000 texts.
const SLICE = 8;
// A run takes about a minute at national scale: a job still active after this long was lost
// with its process, and is tried once more.
const EXPIRE_SECONDS = 15 * 60;
const RETRIES = 1;
// Past every try of its job, a row still "running" is over.
const ABANDONED_AFTER_MS = (RETRIES + 1) * EXPIRE_SECONDS * 1000 + 60_000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

type Owner = { kind: "proposal" | "innovation"; id: number; innovationId: number };

async function documents(db: Db, competitionId: number) {
  const owners = new Map<string, Owner>();
  const docs: SimilarityDoc[] = [];
  // Every proposal ever submitted (withdrawn ones were seen too), with its sections' text.
  const rows = await db
    .select({ id: proposals.id, title: proposals.title, competitionId: proposals.competitionId, innovationId: proposals.innovationId, state: proposals.state })
    .from(proposals)
    .where(inArray(proposals.state, ["submitted", "withdrawn"]));
  const sections = rows.length
    ? await db.select({ proposalId: proposalSections.proposalId, code: proposalSections.sectionCode, body: proposalSections.body }).from(proposalSections).where(inArray(proposalSections.proposalId, rows.map((r) => r.id)))
    : [];
  const textOf = new Map<number, string[]>();
  for (const s of sections) textOf.set(s.proposalId, [...(textOf.get(s.proposalId) ?? []), s.body]);
  const current: SimilarityDoc[] = [];
  for (const r of rows) {
    const doc = { id: `p${r.id}`, title: r.title, text: (textOf.get(r.id) ?? []).join("\n\n") };
    docs.push(doc);
    owners.set(doc.id, { kind: "proposal", id: r.id, innovationId: r.innovationId });
    if (r.competitionId === competitionId && r.state === "submitted") current.push(doc);
  }
  // The register: every entry that has left its author's drafts.
  const register = await db
    .select({ id: innovations.id, name: innovations.name, ...Object.fromEntries(INNOVATION_TEXT_FIELDS.map((f) => [f, innovations[f]])) })
    .from(innovations)
    .where(ne(innovations.state, "draft"));
  for (const i of register as unknown as (Record<string, string> & { id: number; name: string })[]) {
    const doc = { id: `i${i.id}`, title: i.name, text: INNOVATION_TEXT_FIELDS.map((f) => i[f]).join("\n\n") };
    docs.push(doc);
    owners.set(doc.id, { kind: "innovation", id: i.id, innovationId: i.id });
  }
  return { docs, current, owners };
}

async function run(db: Db, runId: number, competitionId: number) {
  const { docs, current, owners } = await documents(db, competitionId);
  await pause();
  const index = buildIndex(docs);
  let flagged = 0;
  const seen = new Set<string>();
  const inEdition = new Set(current.map((d) => d.id));
  for (let k = 0; k < current.length; k += SLICE) {
    await pause();
    const slice = current.slice(k, k + SLICE);
    const rows: (typeof similarityMatches.$inferInsert)[] = [];
    for (const pair of findSimilar(index, slice)) {
      const a = owners.get(pair.a)!;
      const b = owners.get(pair.b)!;
      // A proposal is written from its own register entry (and may re-enter with last year's
      // text): likeness to the same innovation is expected, not a copy.
      if (a.innovationId === b.innovationId) continue;
      const key = [pair.a, pair.b].sort().join("|");
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ runId, proposalId: a.id, otherKind: b.kind, otherId: b.id, similarity: Math.round(pair.similarity), passages: pair.passages.map(({ a: pa, b: pb }) => ({ a: pa, b: pb })) });
      // The other proposal of this edition sees the same pair from its side.
      if (inEdition.has(pair.b)) {
        rows.push({ runId, proposalId: b.id, otherKind: "proposal", otherId: a.id, similarity: Math.round(pair.similarity), passages: pair.passages.map(({ a: pa, b: pb }) => ({ a: pb, b: pa })) });
      }
    }
    if (rows.length) await db.insert(similarityMatches).values(rows);
    flagged += rows.length;
  }
  // The same title on several proposals of this edition was itself a reason for rejection.
  const titleRows: (typeof similarityMatches.$inferInsert)[] = [];
  for (const group of identicalTitles(current)) {
    const ids = group.ids.map((id) => owners.get(id)!.id);
    for (const id of ids) for (const other of ids) if (other !== id) titleRows.push({ runId, proposalId: id, otherKind: "proposal", otherId: other, similarity: 0, identicalTitle: true });
  }
  if (titleRows.length) await db.insert(similarityMatches).values(titleRows);
  await db
    .update(similarityRuns)
    .set({ state: "done", proposals: current.length, comparedWith: docs.length, flagged: flagged + titleRows.length, finishedAt: new Date() })
    .where(eq(similarityRuns.id, runId));
}

/** Start a run for an edition: its row now, its work in the job queue. Resolves with its id. */
export async function startSimilarityRun(db: Db, jobs: Pick<Jobs, "send">, actor: Actor, competitionId: number) {
  assertCan(actor, "competition.manage");
  // A run left "running" after every try of its job is over.
  await db
    .update(similarityRuns)
    .set({ state: "failed", error: "abandoned", finishedAt: new Date() })
    .where(and(eq(similarityRuns.competitionId, competitionId), eq(similarityRuns.state, "running"), lt(similarityRuns.startedAt, new Date(Date.now() - ABANDONED_AFTER_MS))));
  const [busy] = await db.select({ id: similarityRuns.id }).from(similarityRuns).where(and(eq(similarityRuns.competitionId, competitionId), eq(similarityRuns.state, "running")));
  if (busy) throw new AppError("conflict", "screening.errors.running");
  const [row] = await db.insert(similarityRuns).values({ competitionId, startedBy: actor.kind === "user" ? actor.id : null }).returning();
  await recordAudit(db, { actorUserId: actor.kind === "user" ? actor.id : null, action: "similarity.start", subjectType: "competition", subjectId: competitionId, data: { run: row.id } });
  await jobs.send("similarity", { runId: row.id, competitionId });
  return { id: row.id };
}

/** The queue's handler. A retry starts afresh: what a lost try wrote is cleared first. */
export function similarityJob(db: Db): QueueSpec {
  return {
    expireInSeconds: EXPIRE_SECONDS,
    retryLimit: RETRIES,
    async handle(data) {
      const runId = Number(data.runId);
      const competitionId = Number(data.competitionId);
      await db.delete(similarityMatches).where(eq(similarityMatches.runId, runId));
      await db.update(similarityRuns).set({ state: "running", error: null, finishedAt: null }).where(eq(similarityRuns.id, runId));
      try {
        await run(db, runId, competitionId);
      } catch (e) {
        // Recording the failure may fail too (the database went away): the job's retry or the
        // abandonment rule settles the row then.
        await db
          .update(similarityRuns)
          .set({ state: "failed", error: String(e).slice(0, 500), finishedAt: new Date() })
          .where(eq(similarityRuns.id, runId))
          .catch((e2: unknown) => console.error(e2));
        throw e;
      }
    },
  };
}
