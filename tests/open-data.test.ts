// The open-data files: each holds what the public pages show and nothing more (no drafts, no
// contact people, no provisional results), reads as a spreadsheet reads CSV, and streams across
// batches without losing or repeating a row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation } from "../app/db/factories.server";
import { awards, competitions, innovationCheckIns, proposals } from "../app/db/schema";
import { datasetRows, DATASETS, COLUMNS } from "../app/modules/open-data/datasets.server";

let database: Database;
let anonymous: Client;
let newClientOf: () => Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  newClientOf = newClient;
  anonymous = newClient();
  const db = database.db;
  const agency = await createAgency(db, { name: "Perumda Data Terbuka", type: "bumd", regionCode: "33.02" });
  const source = await createInnovation(db, { agencyId: agency.id, name: "Sumber Replikasi" });
  const hidden = await createInnovation(db, { agencyId: agency.id, name: "Sumber Yang Ditarik", state: "draft" });
  const main = await createInnovation(db, {
    agencyId: agency.id,
    name: "Layanan, \"Keliling\" Desa",
    acronym: "=SUM(A1)",
    summary: "Baris pertama.\nBaris kedua, dengan koma.",
    sectors: ["kesehatan", "pendidikan"],
    sdgs: [3, 4],
    indicators: [{ name: "Waktu tunggu", before: "14", after: "2", unit: "hari", source: "Laporan dinas" }],
    contactName: "Narahubung Rahasia",
    contactEmail: "narahubung@contoh.go.id",
    contactPhone: "0812-0000-1111",
    origin: "replication",
    originInnovationId: source.id,
  });
  const copy = await createInnovation(db, { agencyId: agency.id, name: "Replikasi Dari Draf", origin: "replication", originInnovationId: hidden.id });
  const draft = await createInnovation(db, { agencyId: agency.id, name: "Draf Tidak Untuk Publik", state: "draft" });
  Object.assign(ids, { agency: agency.id, source: source.id, main: main.id, copy: copy.id, draft: draft.id });
  await db.insert(innovationCheckIns).values([
    { innovationId: main.id, year: 2024, outcome: "running", note: "Masih jalan 2024.", evidenceUrl: "https://contoh.go.id/2024" },
    { innovationId: main.id, year: 2025, outcome: "stopped", note: "Berhenti karena anggaran.", stoppedOn: "2025-06-30", evidenceUrl: "https://contoh.go.id/2025" },
    { innovationId: draft.id, year: 2025, outcome: "running", note: "Jawaban draf tersembunyi.", evidenceUrl: "https://contoh.go.id/draf" },
  ]);
  // Two editions, one final (its awards are public) and one whose results are still provisional.
  for (const [slug, state, edition] of [["kipp-final", "final", 2023], ["kipp-sementara", "announced", 2024]] as const) {
    const c = await createCompetition(db, { slug, edition, state: "announced", registrationClosesInDays: -100 });
    await db.update(competitions).set({ state, decreeNumber: `B/${edition}/M.KT.01`, decreeDate: `${edition}-10-01` }).where(eq(competitions.id, c.id));
    const [p] = await db
      .insert(proposals)
      .values({ competitionId: c.id, innovationId: main.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${slug}`, state: "submitted", screening: "passed", submittedAt: new Date() })
      .returning();
    await db.insert(awards).values({ competitionId: c.id, proposalId: p.id, innovationId: main.id, agencyId: agency.id, tierCode: "top-45", certificateCode: state === "final" ? "KIPP-2023-ABCD-EFGH" : null });
  }
});
afterAll(async () => database?.close());

async function download(file: string) {
  const res = await anonymous.get(`/data-terbuka/${file}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Decoded as UTF-8 the byte-order mark would vanish: look for it in the bytes.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { res, body, bom, rows: parse(body, { bom: true, columns: true }) as Record<string, string>[] };
}

describe("the open-data files", () => {
  it("gives every published innovation with its public content, as a spreadsheet reads it", async () => {
    const { res, body, bom, rows } = await download("inovasi.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="inovasi.csv"');
    expect(bom).toBe(true);
    expect(body.startsWith("\uFEFFid,slug,url,name,")).toBe(true);
    expect(body).toContain("\r\n");
    expect(Object.keys(rows[0])).toEqual([...COLUMNS.innovations]);
    const names = rows.map((r) => r.name);
    expect(names).toContain("Sumber Replikasi");
    expect(names).not.toContain("Draf Tidak Untuk Publik");
    const main = rows.find((r) => Number(r.id) === ids.main)!;
    // Quotes, commas and line breaks survive; a formula-like text is neutralised.
    expect(main.name).toBe('Layanan, "Keliling" Desa');
    expect(main.summary).toBe("Baris pertama.\nBaris kedua, dengan koma.");
    expect(main.acronym).toBe("'=SUM(A1)");
    expect(main.sectors).toBe("kesehatan;pendidikan");
    expect(main.sdgs).toBe("3;4");
    expect(JSON.parse(main.indicators)).toEqual([{ name: "Waktu tunggu", before: "14", after: "2", unit: "hari", source: "Laporan dinas" }]);
    expect(main.agency_name).toBe("Perumda Data Terbuka");
    expect(main.agency_type).toBe("bumd");
    expect(main.region_code).toBe("33.02");
    expect(main.province_code).toBe("33");
    expect(main.url).toMatch(new RegExp(`/inovasi/${main.slug}$`));
    expect(main.published_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Its latest check-in, and its published source.
    expect([main.last_check_in_year, main.last_check_in_outcome]).toEqual(["2025", "stopped"]);
    expect(Number(main.origin_innovation_id)).toBe(ids.source);
    // A source the public cannot see is not named.
    expect(rows.find((r) => Number(r.id) === ids.copy)!.origin_innovation_id).toBe("");
    // No contact person in a bulk file.
    expect(body).not.toContain("Narahubung Rahasia");
    expect(body).not.toContain("narahubung@contoh.go.id");
    expect(body).not.toContain("0812-0000-1111");
  });

  it("streams batch after batch without losing or repeating a row", async () => {
    const all: number[] = [];
    let batches = 0;
    for await (const batch of datasetRows(database.db, "innovations", "http://x", 2)) {
      batches++;
      all.push(...batch.map((r) => Number(r[0])));
    }
    const { rows } = await download("inovasi.csv");
    expect(batches).toBeGreaterThan(1);
    expect(all).toEqual(rows.map((r) => Number(r.id)));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort((a, b) => a - b));
  });

  it("gives the check-ins of published innovations only, without who answered", async () => {
    const { rows, body } = await download("pemutakhiran.csv");
    expect(Object.keys(rows[0])).toEqual([...COLUMNS["check-ins"]]);
    expect(rows.map((r) => [Number(r.innovation_id), r.year, r.outcome])).toEqual([
      [ids.main, "2024", "running"],
      [ids.main, "2025", "stopped"],
    ]);
    expect(rows[1].stopped_on).toBe("2025-06-30");
    expect(rows[1]).toMatchObject({ innovation_name: 'Layanan, "Keliling" Desa', agency_name: "Perumda Data Terbuka", agency_id: String(ids.agency) });
    expect(body).not.toContain("Jawaban draf tersembunyi");
  });

  it("gives the agencies with their published innovations counted", async () => {
    const { rows } = await download("instansi.csv");
    const agency = rows.find((r) => Number(r.id) === ids.agency)!;
    // Source, main and the replication of a draft: three published; the drafts do not count.
    expect(agency.published_innovations).toBe("3");
    expect(agency.type).toBe("bumd");
    expect(agency.region_code).toBe("33.02");
    expect(agency.former_names).toBe("");
    expect(agency.active_until).toBe("");
  });

  it("gives the awards of final editions only, with a certificate to verify", async () => {
    const { rows } = await download("penghargaan.csv");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ competition_slug: "kipp-final", edition: "2023", tier: "top-45", certificate_code: "KIPP-2023-ABCD-EFGH", decree_number: "B/2023/M.KT.01" });
    // The keys the other files are joined on.
    expect(rows[0]).toMatchObject({ innovation_id: String(ids.main), agency_id: String(ids.agency) });
    expect(rows[0].certificate_url).toMatch(/\/sertifikat\/KIPP-2023-ABCD-EFGH$/);
    expect(rows[0].tier_name).not.toBe("");
  });

  it("answers a name that is no file with the site's 404 page", async () => {
    for (const name of ["rahasia.csv", "inovasi.xlsx", "constructor"]) {
      const res = await anonymous.get(`/data-terbuka/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.headers.get("content-type"), name).toContain("text/html");
    }
  });

  it("lists every file with its size, its columns explained, and the licence", async () => {
    const res = await anonymous.get("/data-terbuka");
    expect(res.status).toBe(200);
    const text = await pageText(res);
    for (const d of DATASETS) for (const c of COLUMNS[d]) expect(text, `${d}.${c}`).not.toContain(`opendata.field.${c}`);
    expect(text).toContain("Unduh inovasi.csv");
    expect(text).toContain("CC BY 4.0");
    expect(text).toContain("1 baris");
    const en = newClientOf();
    await en.post("/preferensi", { lang: "en" });
    const english = await pageText(await en.get("/data-terbuka"));
    expect(english).toContain("Download instansi.csv");
    expect(english).toContain("Measured indicators as JSON");
  });
});
