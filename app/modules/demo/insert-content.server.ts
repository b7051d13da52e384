import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovationFiles, innovationHistory, innovations, regions, units } from "~/db/schema";
import { slugify } from "~/modules/agencies/regions";
import { ARTICLE_INNOVATIONS } from "./articles";
import { DEMO_ENTERPRISES } from "./enterprises";
import { planGeneratedInnovations, type AgencyRef } from "./plan";
import { createRng } from "./prng";
import { articleRow, evidenceRow, historyRows, photoRow, plannedRow, uniqueSlug, type InnovationRow } from "./rows";
import { DEMO_UNITS, type UnitSpec } from "./units";

// Writes the demo content in a handful of multi-row statements: PGlite pays per statement, and
// the whole seed must stay within a few seconds on `npm start`.

const BATCH = 100;
const SEED = 20131009; // the day of the first "One Agency, One Innovation" workshop
const PALETTE = [[15, 118, 110], [124, 58, 237], [194, 65, 12], [3, 105, 161], [77, 124, 15]] as const;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const unitKey = (agencyId: number, name: string) => `${agencyId}|${name.toLowerCase()}`;

export async function insertDemoContent(tx: DbOrTx, generated: number): Promise<number> {
  await tx
    .insert(agencies)
    .values(DEMO_ENTERPRISES.map((e) => ({ ...e, slug: slugify(e.shortName) })))
    .onConflictDoNothing({ target: agencies.slug });
  const allAgencies = await tx.select().from(agencies).orderBy(agencies.slug);
  const bySlug = new Map(allAgencies.map((a) => [a.slug, a]));
  const byId = new Map(allAgencies.map((a) => [a.id, a]));
  const provinces = await tx.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.level, "province"));
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));

  const refs: AgencyRef[] = allAgencies.map((a) => ({ id: a.id, slug: a.slug, type: a.type, name: a.name, shortName: a.shortName, provinceCode: a.provinceCode }));
  const plan = planGeneratedInnovations(createRng(SEED), refs, provinceNames, generated);

  // Units: the demo agencies' full lists, then whatever the generated entries need.
  const wanted = new Map<string, { agencyId: number } & UnitSpec>();
  const want = (agencyId: number, u: UnitSpec) => wanted.set(unitKey(agencyId, u.name), { agencyId, ...u });
  for (const [slug, list] of Object.entries(DEMO_UNITS)) for (const u of list) want(bySlug.get(slug)!.id, u);
  for (const a of ARTICLE_INNOVATIONS) want(bySlug.get(a.agencySlug)!.id, { name: a.unitName, kind: "OPD" });
  for (const p of plan) want(p.agency.id, p.unit);
  await insertInBatches([...wanted.values()], (b) => tx.insert(units).values(b).onConflictDoNothing());
  const agencyIds = [...new Set([...wanted.values()].map((u) => u.agencyId))];
  const unitRows = await tx.select().from(units).where(inArray(units.agencyId, agencyIds));
  const unitIds = new Map(unitRows.map((u) => [unitKey(u.agencyId, u.name), u.id]));

  // Hand-written entries first, so generated replications can point at them.
  const articleRows = ARTICLE_INNOVATIONS.map((a) => {
    const agency = bySlug.get(a.agencySlug)!;
    return articleRow(a, agency, unitIds.get(unitKey(agency.id, a.unitName))!);
  });
  const articleIds = await tx.insert(innovations).values(articleRows).returning({ id: innovations.id });
  const idOfArticle = new Map(ARTICLE_INNOVATIONS.map((a, i) => [a.key, articleIds[i].id]));

  const taken = new Set(ARTICLE_INNOVATIONS.map((a) => a.slug));
  const plannedRows: InnovationRow[] = plan.map((p) => {
    const agency = byId.get(p.agency.id)!;
    return plannedRow(p, agency, unitIds.get(unitKey(agency.id, p.unit.name))!, uniqueSlug(`${p.acronym} ${agency.shortName ?? agency.name}`, taken));
  });
  const plannedIds: number[] = [];
  await insertInBatches(plannedRows, async (b) => {
    const ids = await tx.insert(innovations).values(b).returning({ id: innovations.id });
    plannedIds.push(...ids.map((r) => r.id));
  });

  // Replication links, set once every id is known.
  const links: [number, number][] = [
    ...ARTICLE_INNOVATIONS.filter((a) => a.replicates).map((a) => [idOfArticle.get(a.key)!, idOfArticle.get(a.replicates!)!] as [number, number]),
    ...plan.flatMap((p, i): [number, number][] =>
      p.source ? [[plannedIds[i], p.source.kind === "article" ? idOfArticle.get(p.source.key)! : plannedIds[p.source.index]]] : [],
    ),
  ];
  if (links.length) {
    const values = sql.join(links.map(([id, src]) => sql`(${id}::int, ${src}::int)`), sql`, `);
    await tx.execute(sql`update innovations set origin_innovation_id = v.src from (values ${values}) as v(id, src) where innovations.id = v.id`);
  }

  const allRows = [...articleRows, ...plannedRows];
  const allIds = [...articleIds.map((r) => r.id), ...plannedIds];
  await insertInBatches(allRows.flatMap((row, i) => historyRows(allIds[i], row)), (b) => tx.insert(innovationHistory).values(b));

  // Photos and an evidence PDF so innovation pages and link previews have something to show.
  const files = ARTICLE_INNOVATIONS.flatMap((a) => {
    const id = idOfArticle.get(a.key)!;
    const agency = bySlug.get(a.agencySlug)!;
    const subtitle = `${a.unitName}, ${agency.shortName ?? agency.name}`;
    return [
      ...(a.photo ? [photoRow(id, a.slug, a.acronym ?? a.name, subtitle, a.photo.color)] : []),
      ...(a.evidence ? [evidenceRow(id, a.slug, a.evidence.title, a.evidence.lines)] : []),
    ];
  });
  plan.forEach((p, i) => {
    if (p.state !== "published" || i % 60 !== 30) return;
    const row = plannedRows[i];
    files.push(photoRow(plannedIds[i], row.slug, p.acronym, `${p.unit.name}, ${p.agency.shortName ?? p.agency.name}`, PALETTE[Math.floor(i / 60) % PALETTE.length]));
  });
  for (const f of files) await tx.insert(innovationFiles).values(f);

  // Indicators linked to the evidence report that proves them, once the file has its id.
  const proving = ARTICLE_INNOVATIONS.filter((a) => a.evidence?.proves?.length);
  if (proving.length) {
    const ids = proving.map((a) => idOfArticle.get(a.key)!);
    const evidence = await tx
      .select({ id: innovationFiles.id, innovationId: innovationFiles.innovationId })
      .from(innovationFiles)
      .where(and(inArray(innovationFiles.innovationId, ids), eq(innovationFiles.kind, "evidence")));
    const fileOf = new Map(evidence.map((f) => [f.innovationId, f.id]));
    for (const a of proving) {
      const id = idOfArticle.get(a.key)!;
      const fileId = fileOf.get(id);
      if (fileId === undefined) continue;
      const proves = new Set(a.evidence!.proves);
      await tx
        .update(innovations)
        .set({ indicators: a.indicators.map((r, i) => (proves.has(i) ? { ...r, evidenceFileId: fileId } : r)) })
        .where(eq(innovations.id, id));
    }
  }
  return allRows.length;
}
