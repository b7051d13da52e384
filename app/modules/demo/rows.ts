import { createHash } from "node:crypto";
import type { agencies, innovationFiles, innovationHistory, innovations } from "~/db/schema";
import { slugify } from "~/modules/agencies/regions";
import type { ArticleInnovation } from "./articles";
import { bannerPng } from "./files/png";
import { simplePdf } from "./files/pdf";
import type { PlannedInnovation } from "./plan";

// Turns hand-written and planned innovations into table rows. Dates are fixed (09:00 WIB on the
// day recorded), never "now", so the demo is identical on every run.

type AgencyRow = typeof agencies.$inferSelect;
export type InnovationRow = typeof innovations.$inferInsert;
type HistoryRow = typeof innovationHistory.$inferInsert;
type FileRow = typeof innovationFiles.$inferInsert;

const at = (isoDate: string, plusDays = 0) => new Date(Date.parse(`${isoDate}T02:00:00Z`) + plusDays * 86400000);

const denormalised = (agency: AgencyRow, startedOn: string) => ({
  agencyId: agency.id,
  agencyType: agency.type,
  provinceCode: agency.provinceCode,
  regionCode: agency.regionCode,
  startYear: Number(startedOn.slice(0, 4)),
});

export function articleRow(a: ArticleInnovation, agency: AgencyRow, unitId: number): InnovationRow {
  const published = at(a.publishedOn);
  return {
    slug: a.slug,
    name: a.name,
    acronym: a.acronym,
    summary: a.summary,
    problem: a.problem,
    targetGroup: a.targetGroup,
    novelty: a.novelty,
    implementation: a.implementation,
    results: a.results,
    // These are real governments: say plainly that the figures are the demo's, not theirs.
    indicators: a.indicators.map((i) => ({ ...i, source: `${i.source} (angka ilustrasi demo)` })),
    benefits: a.benefits,
    resources: a.resources,
    sustainability: a.sustainability,
    sectors: a.sectors,
    sdgs: a.sdgs,
    status: a.status,
    startedOn: a.startedOn,
    unitId,
    origin: a.origin,
    originNote: a.originNote ?? null,
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    state: "published",
    publishedAt: published,
    createdAt: at(a.publishedOn, -14),
    updatedAt: published,
    ...denormalised(agency, a.startedOn),
  };
}

export function plannedRow(p: PlannedInnovation, agency: AgencyRow, unitId: number, slug: string): InnovationRow {
  const recorded = at(p.recordedOn);
  const { agency: _a, unit: _u, themeId: _t, source: _s, recordedOn: _r, ...fields } = p;
  return {
    ...fields,
    slug,
    unitId,
    reviewComment: p.reviewComment ?? null,
    publishedAt: p.state === "published" ? at(p.recordedOn, 3) : null,
    createdAt: recorded,
    updatedAt: at(p.recordedOn, p.state === "draft" ? 0 : 3),
    ...denormalised(agency, p.startedOn),
  };
}

/** A slug not yet taken: "jempol-akta-kab-sikka", then "-2", "-3"… */
export function uniqueSlug(base: string, taken: Set<string>): string {
  const root = slugify(base) || "inovasi";
  let slug = root;
  for (let n = 2; taken.has(slug); n++) slug = `${root}-${n}`;
  taken.add(slug);
  return slug;
}

/** The history a real entry would have: created, then each review step up to its state. */
export function historyRows(id: number, row: InnovationRow): HistoryRow[] {
  const created = row.createdAt as Date;
  const day = (n: number) => new Date(created.getTime() + n * 86400000);
  const out: HistoryRow[] = [{ innovationId: id, action: "created", at: created }];
  if (row.state === "submitted" || row.state === "returned") out.push({ innovationId: id, action: "submitted", at: day(1) });
  if (row.state === "returned") out.push({ innovationId: id, action: "returned", comment: row.reviewComment, at: day(3) });
  if (row.state === "published") out.push({ innovationId: id, action: "published", at: (row.publishedAt as Date) ?? day(3) });
  return out;
}

function fileRow(innovationId: number, kind: "photo" | "evidence", filename: string, mime: string, data: Uint8Array, caption: string): FileRow {
  return {
    innovationId,
    kind,
    filename,
    mime,
    size: data.byteLength,
    sha256: createHash("sha256").update(data).digest("hex"),
    caption,
    data,
  };
}

export function photoRow(innovationId: number, slug: string, title: string, subtitle: string, color: readonly [number, number, number]) {
  return fileRow(innovationId, "photo", `${slug}.png`, "image/png", bannerPng({ title, subtitle, color }), `${title} – ${subtitle}`);
}

export function evidenceRow(innovationId: number, slug: string, title: string, lines: string[]) {
  return fileRow(innovationId, "evidence", `${slug}-laporan.pdf`, "application/pdf", simplePdf({ title, lines }), title);
}
