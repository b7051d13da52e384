// The open-data files: everything the public pages show, as CSV files anyone may download and
// build on. PROGRAMME.md: three ministries kept separate databases of replications until 2023;
// one open catalogue with an open API *and bulk files* ends that. The API answers questions a
// page at a time; these files hand over the whole register at once (a researcher's
// spreadsheet, another portal's nightly import).
//
// Each file is streamed in batches read by key order (id > last id), so a million innovations
// never sit in memory and no statement runs long; a file is therefore not one snapshot, which
// does not matter for a register that changes by a few rows an hour. Only what a public page
// shows goes in, and less: the contact person's name, email and phone stay on each innovation's
// page, where a person looks them up, rather than in a file that hands a million of them to
// whoever collects addresses.
import { inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { BOM, csvLine, type Cell } from "~/lib/csv";
import { rowsOf } from "~/modules/catalogue/cards.server";
import { publishedResults } from "~/modules/results/public.server";

export const DATASETS = ["innovations", "agencies", "check-ins", "awards"] as const;
export type Dataset = (typeof DATASETS)[number];

/** The file names the public downloads, in Indonesian like every public address. */
export const DATASET_FILES: Record<Dataset, string> = {
  innovations: "inovasi.csv",
  agencies: "instansi.csv",
  "check-ins": "pemutakhiran.csv",
  awards: "penghargaan.csv",
};

export const datasetOfFile = (file: string): Dataset | null =>
  (Object.entries(DATASET_FILES).find(([, f]) => f === file)?.[0] as Dataset | undefined) ?? null;

/**
 * Each file's columns, in order. The header names are stable English field names, as in the
 * open API, so that a program reading the file never breaks when the page's language changes;
 * the page explains each one in the reader's language (messages: opendata.field.<name>).
 */
export const COLUMNS: Record<Dataset, readonly string[]> = {
  innovations: [
    "id", "slug", "url", "name", "acronym", "status", "started_on", "start_year", "published_at", "updated_at",
    "origin", "origin_innovation_id", "origin_note", "agency_id", "agency_slug", "agency_name", "agency_type",
    "unit_name", "region_code", "region_name", "province_code", "province_name", "sectors", "sdgs",
    "summary", "problem", "target_group", "novelty", "implementation", "results", "indicators", "benefits",
    "resources", "sustainability", "video_url", "last_check_in_year", "last_check_in_outcome",
  ],
  agencies: [
    "id", "slug", "url", "name", "short_name", "type", "region_code", "region_name", "province_code", "province_name", "website",
    "active_from", "active_until", "former_names", "published_innovations",
  ],
  "check-ins": [
    "innovation_id", "innovation_slug", "innovation_name", "agency_id", "agency_name", "year", "outcome", "stopped_on", "note",
    "evidence_url", "evidence_file_url", "recorded_at",
  ],
  awards: [
    "competition_slug", "edition", "competition_name", "decree_number", "decree_date", "tier", "tier_name",
    "category", "category_name", "group", "group_name", "innovation_id", "innovation_name", "innovation_slug", "innovation_url",
    "agency_id", "agency_name", "agency_slug", "agency_type", "certificate_code", "certificate_url",
  ],
};

/** Rows per statement: small enough to stream steadily, large enough that round trips do not dominate. */
export const BATCH_ROWS = 1000;

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

type Row = Record<string, string | number | null>;

/**
 * The statement for the batch after `after` (a key of the previous batch's last row), every
 * value as text or a number so both drivers answer alike. Each returns `key`, the order key.
 */
function batchSql(dataset: Exclude<Dataset, "awards">, base: string, after: number, limit: number): SQL {
  switch (dataset) {
    case "innovations":
      return sql`SELECT i.id AS key, i.id, i.slug, ${base} || '/inovasi/' || i.slug AS url, i.name, i.acronym,
          i.status::text AS status, i.started_on::text AS started_on, i.start_year, ${iso(sql`i.published_at`)} AS published_at,
          ${iso(sql`i.updated_at`)} AS updated_at, i.origin::text AS origin,
          -- A replication's source only when the public can see it, as on the innovation's page.
          CASE WHEN src.state = 'published' THEN src.id END AS origin_innovation_id, i.origin_note,
          a.id AS agency_id, a.slug AS agency_slug, a.name AS agency_name, a.type::text AS agency_type,
          u.name AS unit_name, i.region_code, r.name AS region_name, i.province_code, p.name AS province_name,
          array_to_string(i.sectors, ';') AS sectors, array_to_string(i.sdgs, ';') AS sdgs,
          i.summary, i.problem, i.target_group, i.novelty, i.implementation, i.results,
          -- An indicator's evidence file as its public address (evidenceUrl), not the internal id.
          CASE WHEN jsonb_array_length(i.indicators) > 0 THEN (
            SELECT jsonb_agg(CASE WHEN x.e->>'evidenceFileId' IS NULL THEN x.e
                ELSE (x.e - 'evidenceFileId') || jsonb_build_object('evidenceUrl', ${base} || '/berkas/' || (x.e->>'evidenceFileId')) END ORDER BY x.n)
            FROM jsonb_array_elements(i.indicators) WITH ORDINALITY AS x(e, n)
          )::text END AS indicators,
          i.benefits, i.resources, i.sustainability, i.video_url,
          last.year AS last_check_in_year, last.outcome::text AS last_check_in_outcome
        FROM innovations i
        JOIN agencies a ON a.id = i.agency_id
        LEFT JOIN units u ON u.id = i.unit_id
        LEFT JOIN regions r ON r.code = i.region_code
        LEFT JOIN regions p ON p.code = i.province_code
        LEFT JOIN innovations src ON src.id = i.origin_innovation_id
        LEFT JOIN LATERAL (
          SELECT c.year, c.outcome FROM innovation_check_ins c WHERE c.innovation_id = i.id ORDER BY c.year DESC LIMIT 1
        ) last ON true
        WHERE i.state = 'published' AND i.id > ${after}
        ORDER BY i.id
        LIMIT ${limit}`;
    case "agencies":
      return sql`SELECT a.id AS key, a.id, a.slug, ${base} || '/instansi/' || a.slug AS url, a.name, a.short_name,
          a.type::text AS type, a.region_code, r.name AS region_name, a.province_code, p.name AS province_name, a.website,
          a.active_from, a.active_until,
          -- Names it bore before a rename, each with its last year, so that older files and
          -- awards can be matched to it.
          CASE WHEN jsonb_array_length(a.former_names) > 0 THEN a.former_names::text END AS former_names,
          (SELECT count(*)::int FROM innovations i WHERE i.agency_id = a.id AND i.state = 'published') AS published_innovations
        FROM agencies a
        LEFT JOIN regions r ON r.code = a.region_code
        LEFT JOIN regions p ON p.code = a.province_code
        WHERE a.id > ${after}
        ORDER BY a.id
        LIMIT ${limit}`;
    case "check-ins":
      // The answers the innovation's public page shows: those of published innovations, without
      // who answered (the page names the agency, not its staff).
      return sql`SELECT c.id AS key, c.innovation_id, i.slug AS innovation_slug, i.name AS innovation_name, i.agency_id,
          a.name AS agency_name, c.year, c.outcome::text AS outcome,
          c.stopped_on::text AS stopped_on, c.note, c.evidence_url,
          CASE WHEN c.evidence_file_id IS NOT NULL THEN ${base} || '/berkas/' || c.evidence_file_id END AS evidence_file_url,
          ${iso(sql`c.recorded_at`)} AS recorded_at
        FROM innovation_check_ins c
        JOIN innovations i ON i.id = c.innovation_id AND i.state = 'published'
        JOIN agencies a ON a.id = i.agency_id
        WHERE c.id > ${after}
        ORDER BY c.id
        LIMIT ${limit}`;
  }
}

/** The dataset's rows, batch by batch, each row's cells in COLUMNS order. */
export async function* datasetRows(db: DbOrTx, dataset: Dataset, base: string, batchRows = BATCH_ROWS): AsyncGenerator<Cell[][]> {
  if (dataset === "awards") {
    yield* awardRows(db, base);
    return;
  }
  let after = 0;
  for (;;) {
    const rows = await rowsOf<Row>(db, batchSql(dataset, base, after, batchRows));
    if (rows.length === 0) return;
    yield rows.map((r) => COLUMNS[dataset].map((c) => r[c]));
    if (rows.length < batchRows) return;
    after = Number(rows[rows.length - 1].key);
  }
}

/**
 * The awards of every edition whose results are final, one edition per batch, exactly as its
 * public results page lists them (publishedResults): the agency under its name of that year, an
 * innovation since withdrawn from the catalogue named without a link. Provisional results never
 * leave the work area. A few hundred rows an edition: no need to page within one.
 */
async function* awardRows(db: DbOrTx, base: string): AsyncGenerator<Cell[][]> {
  const finals = await rowsOf<{ slug: string }>(db, sql`SELECT slug FROM competitions WHERE state = 'final' ORDER BY edition, id`);
  for (const { slug } of finals) {
    const r = await publishedResults(db, slug);
    if (!r || r.awards.length === 0) continue;
    const tierName = new Map(r.tiers.map((t) => [t.code, t.name]));
    // The ids a program joins on (the other files' keys), looked up by the slugs the public
    // results carry: an agency always has one; an innovation only while it is published.
    const agencySlugs = [...new Set(r.awards.map((a) => a.agency.slug))];
    const innovationSlugs = [...new Set(r.awards.flatMap((a) => (a.innovation.slug ? [a.innovation.slug] : [])))];
    const agencyId = new Map((await rowsOf<{ id: number; slug: string }>(db, sql`SELECT id, slug FROM agencies WHERE ${inArray(sql`slug`, agencySlugs)}`)).map((x) => [x.slug, Number(x.id)]));
    const innovationId = new Map(
      (await rowsOf<{ id: number; slug: string }>(db, sql`SELECT id, slug FROM innovations WHERE state = 'published' AND ${inArray(sql`slug`, innovationSlugs)}`)).map((x) => [x.slug, Number(x.id)]),
    );
    yield r.awards.map((a) => [
      r.slug, r.edition, r.name, r.decree.number, r.decree.date, a.tier, tierName.get(a.tier) ?? a.tier,
      a.category, a.categoryName, a.group, a.groupName,
      a.innovation.slug ? innovationId.get(a.innovation.slug) : null, a.innovation.name, a.innovation.slug,
      a.innovation.slug ? `${base}/inovasi/${a.innovation.slug}` : null,
      agencyId.get(a.agency.slug), a.agency.name, a.agency.slug, a.agency.type, a.certificate, a.certificate ? `${base}/sertifikat/${a.certificate}` : null,
    ]);
  }
}

/**
 * The whole file as encoded bytes, a chunk per batch (the header first), each with the rows it
 * holds: the one encoding both the live download and the nightly snapshot (snapshots.server.ts)
 * use, so that a snapshot's bytes are the live file's.
 */
export async function* datasetCsvChunks(db: DbOrTx, dataset: Dataset, base: string, batchRows = BATCH_ROWS): AsyncGenerator<{ bytes: Uint8Array; rows: number }> {
  const encoder = new TextEncoder();
  yield { bytes: encoder.encode(BOM + csvLine(COLUMNS[dataset])), rows: 0 };
  for await (const batch of datasetRows(db, dataset, base, batchRows)) {
    yield { bytes: encoder.encode(batch.map(csvLine).join("")), rows: batch.length };
  }
}

/**
 * The whole file as a byte stream: the header, then each batch as it is read. A reader who
 * goes away stops the reading (cancel); a failure mid-file ends the download with an error, so
 * a truncated file is never taken for a whole one.
 */
export function datasetCsvStream(db: DbOrTx, dataset: Dataset, base: string, batchRows = BATCH_ROWS): ReadableStream<Uint8Array> {
  const chunks = datasetCsvChunks(db, dataset, base, batchRows);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value.bytes);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** How many rows each file holds, for the page (cheap counts; awards only of final editions). */
export async function datasetSizes(db: DbOrTx): Promise<Record<Dataset, number>> {
  const [r] = await rowsOf<Record<string, number | string>>(
    db,
    sql`SELECT
        (SELECT count(*) FROM innovations WHERE state = 'published')::int AS innovations,
        (SELECT count(*) FROM agencies)::int AS agencies,
        (SELECT count(*) FROM innovation_check_ins c JOIN innovations i ON i.id = c.innovation_id AND i.state = 'published')::int AS checkins,
        (SELECT count(*) FROM awards aw JOIN competitions c ON c.id = aw.competition_id AND c.state = 'final')::int AS awards`,
  );
  return { innovations: Number(r.innovations), agencies: Number(r.agencies), "check-ins": Number(r.checkins), awards: Number(r.awards) };
}
