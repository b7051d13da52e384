import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "../../../tests/db";
import type { Database, Db } from "~/db/client.server";
import { createAgency, createInnovation } from "~/db/factories.server";
import { innovationFiles } from "~/db/schema";
import { parseCatalogueQuery } from "./schemas";
import { searchInnovations, searchStatements } from "./search-innovations.server";
import { itemsSql, wordWhere } from "./search-sql.server";
import { DEFAULT_LIMITS, estimateRows, planSearch } from "./search-plan.server";
import { rowsOf, type CardRow } from "./cards.server";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(async () => database?.close());

const search = (params: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) p.append(k, x);
  return searchInnovations(db, parseCatalogueQuery(p));
};

describe("searchInnovations: words", () => {
  it("finds 'layanan' when asked for 'pelayanan' (Indonesian stemming)", async () => {
    const hit = await createInnovation(db, {
      name: "Mal Layanan Terpadu Kota Lumbungsari",
      summary: "Layanan perizinan dalam satu gedung.",
    });
    const r = await search({ q: "pelayanan lumbungsari" });
    expect(r.items.map((i) => i.id)).toEqual([hit.id]);
    expect(r.total).toBe(1);
    // Same stem is not a typo: nothing to correct.
    expect(r.correctedQuery).toBeUndefined();
  });

  it("forgives a typo: 'pengadun' finds 'pengaduan' and says so", async () => {
    const hit = await createInnovation(db, {
      name: "Unit Pengaduan Warga Kotabaruku",
      summary: "Warga menyampaikan pengaduan lewat pesan singkat.",
    });
    const r = await search({ q: "pengadun kotabaruku" });
    expect(r.items.map((i) => i.id)).toContain(hit.id);
    expect(r.correctedQuery).toBe("pengaduan kotabaruku");
  });

  it("takes a place's name as it is, not as a typo of a near word: 'balikpapan' is not 'balik'", async () => {
    await createInnovation(db, { name: "Layanan Balik Nama Kendaraan", summary: "Balik nama dalam sehari." });
    const r = await search({ q: "balikpapan" });
    expect(r.correctedQuery ?? null).toBeNull();
    expect(r.items).toEqual([]);
  });

  it("forgives two swapped letters, which trigrams barely see: 'sosail' finds 'sosial'", async () => {
    const hit = await createInnovation(db, { name: "Posko Sosial Warga Tirtamaya", summary: "Bantuan sosial diantar ke rumah." });
    const [{ sim }] = await rowsOf<{ sim: number }>(db, sql`SELECT similarity('sosail', 'sosial') AS sim`);
    expect(sim).toBeLessThan(0.4);
    const r = await search({ q: "sosail tirtamaya" });
    expect(r.items.map((i) => i.id)).toContain(hit.id);
    expect(r.correctedQuery).toBe("sosial tirtamaya");
  });

  it("finds a hyphenated compound by its parts too: 'e-KTP' finds 'KTP elektronik', in any order", async () => {
    const hit = await createInnovation(db, { name: "Cetak KTP Elektronik Sehari Jadi Rembangsari", summary: "Layanan publik keliling desa." });
    const hyphenated = await createInnovation(db, { name: "Antar e-KTP ke Rumah Rembangsari", summary: "Kurir desa." });
    for (const q of ["e-KTP rembangsari", "rembangsari KTP-el"]) {
      const r = await search({ q });
      expect(r.items.map((i) => i.id).sort(), q).toEqual([hit.id, hyphenated.id].sort());
    }
    expect((await search({ q: "layanan-publik rembangsari" })).items.map((i) => i.id)).toEqual([hit.id]);
    // Excluding a compound still excludes it, and quotes keep the phrase exact.
    expect((await search({ q: "rembangsari -e-KTP" })).items.map((i) => i.id)).not.toContain(hyphenated.id);
    expect((await search({ q: '"e-KTP" rembangsari' })).items.map((i) => i.id)).toEqual([hyphenated.id]);
  });

  it("ranks a name match above a mention deep in the text", async () => {
    const deep = await createInnovation(db, {
      name: "Program Umum Satu",
      summary: "Program desa.",
      results: "Warga juga memakai layanan kelorinda di balai desa.",
    });
    const named = await createInnovation(db, { name: "Kelorinda Sehat", summary: "Gizi anak." });
    const r = await search({ q: "kelorinda" });
    expect(r.items.map((i) => i.id)).toEqual([named.id, deep.id]);
  });

  it("puts the innovation whose acronym is the search first, ahead of entries naming the word more often", async () => {
    const chatty = await createInnovation(db, {
      name: "Halo Warga Halo Desa",
      summary: "Halo, layanan halo untuk warga: sapa halo setiap pagi.",
    });
    const known = await createInnovation(db, { name: "Hotline Aduan Layanan Online", acronym: "HALOJA", summary: "Pengaduan warga." });
    const exact = await createInnovation(db, { name: "Hubungi Aparat Lewat Online", acronym: "HALO", summary: "Aduan ketertiban umum." });
    const r = await search({ q: "halo" });
    expect(r.items[0].id).toBe(exact.id);
    expect(r.items.map((i) => i.id)).toContain(chatty.id);
    expect(r.items.map((i) => i.id)).not.toContain(known.id);
  });

  it("never returns an innovation that is not published", async () => {
    const published = await createInnovation(db, { name: "Rahasia Gandaria Terbit" });
    for (const state of ["draft", "submitted", "returned"] as const) {
      await createInnovation(db, { name: `Rahasia Gandaria ${state}`, state });
    }
    const r = await search({ q: "gandaria" });
    expect(r.items.map((i) => i.id)).toEqual([published.id]);
    expect(r.total).toBe(1);
    const statusCount = r.facets.status.reduce((n, c) => n + c.count, 0);
    expect(statusCount).toBe(1);
    // Browsing without words, too.
    const all = await search({ perPage: "100" });
    expect(all.items.some((i) => i.name.includes("Rahasia Gandaria") && i.id !== published.id)).toBe(false);
  });

  it("treats a query without any searchable word as browsing, not an error", async () => {
    const r = await search({ q: "!!! ---" });
    expect(r.total).toBeGreaterThan(0);
  });

  it("fills the card: agency, province, first photo", async () => {
    const agency = await createAgency(db, { name: "BUMD Air Minum Tirtamarta", regionCode: "35.78" });
    const hit = await createInnovation(db, {
      agencyId: agency.id,
      name: "Meter Air Pintar Tirtamarta",
      sectors: ["infrastruktur"],
      sdgs: [6],
    });
    const [photo] = await db
      .insert(innovationFiles)
      .values({ innovationId: hit.id, kind: "photo", filename: "a.jpg", mime: "image/jpeg", size: 3, sha256: "x", data: new Uint8Array([1, 2, 3]) })
      .returning();
    const r = await search({ q: "tirtamarta" });
    const card = r.items[0];
    expect(card).toMatchObject({
      id: hit.id,
      slug: hit.slug,
      agency: { id: agency.id, slug: agency.slug, type: "bumd" },
      provinceCode: "35",
      provinceName: "Jawa Timur",
      sectors: ["infrastruktur"],
      sdgs: [6],
      photoFileId: photo.id,
      startedOn: "2022-01-15",
      startYear: 2022,
      status: "implementasi",
    });
    expect(new Date(card.publishedAt!).getTime()).toBeGreaterThan(0);
  });
});

describe("searchInnovations: facets", () => {
  // Six innovations sharing a rare word, across two provinces, two agency types, sectors.
  beforeAll(async () => {
    const surabaya = await createAgency(db, { regionCode: "35.78" }); // bumd, province 35
    const banyumas = await createAgency(db, { regionCode: "33.02" }); // bumd, province 33
    const ministry = await createAgency(db, { type: "kementerian" }); // no province
    const make = (agencyId: number, sectors: string[], sdgs: number[], status: "implementasi" | "uji_coba", startedOn: string) =>
      createInnovation(db, { agencyId, name: `Facetria ${sectors.join(" ")}`, sectors, sdgs, status, startedOn });
    await make(surabaya.id, ["kesehatan"], [3], "implementasi", "2020-02-01");
    await make(surabaya.id, ["kesehatan", "tik"], [3, 9], "uji_coba", "2021-02-01");
    await make(banyumas.id, ["pendidikan"], [4], "implementasi", "2021-05-01");
    await make(banyumas.id, ["kesehatan"], [3], "implementasi", "2022-05-01");
    await make(ministry.id, ["tik"], [9], "implementasi", "2022-06-01");
    await make(ministry.id, ["pendidikan", "tik"], [4], "uji_coba", "2023-01-01");
  });

  const counts = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.value, c.count]));

  it("counts every facet over the matches", async () => {
    const r = await search({ q: "facetria" });
    expect(r.total).toBe(6);
    expect(counts(r.facets.agencyType)).toEqual({ kementerian: 2, bumd: 4 });
    expect(counts(r.facets.province)).toEqual({ "33": 2, "35": 2 });
    expect(counts(r.facets.sector)).toEqual({ kesehatan: 3, pendidikan: 2, tik: 3 });
    expect(counts(r.facets.sdg)).toEqual({ "3": 3, "4": 2, "9": 2 });
    expect(counts(r.facets.status)).toEqual({ uji_coba: 2, implementasi: 4 });
    expect(counts(r.facets.year)).toEqual({ "2020": 1, "2021": 2, "2022": 2, "2023": 1 });
    expect(r.facets.year.map((c) => c.value)).toEqual(["2023", "2022", "2021", "2020"]);
    expect(r.facets.sector.map((c) => c.value)).toEqual(["kesehatan", "pendidikan", "tik"]);
  });

  it("applies every other filter to a facet's counts, but not its own", async () => {
    const r = await search({ q: "facetria", sector: "kesehatan", province: "35" });
    expect(r.total).toBe(2);
    expect(r.items).toHaveLength(2);
    // Sector counts: province 35 only, any sector.
    expect(counts(r.facets.sector)).toEqual({ kesehatan: 2, tik: 1 });
    // Province counts: kesehatan only, any province.
    expect(counts(r.facets.province)).toEqual({ "33": 1, "35": 2 });
    // The others: both filters.
    expect(counts(r.facets.status)).toEqual({ implementasi: 1, uji_coba: 1 });
    expect(counts(r.facets.agencyType)).toEqual({ bumd: 2 });
    expect(counts(r.facets.year)).toEqual({ "2020": 1, "2021": 1 });
  });

  it("ORs values within a facet and ANDs facets", async () => {
    const r = await search({ q: "facetria", sector: ["pendidikan", "tik"], status: "uji_coba" });
    expect(r.total).toBe(2);
    const y = await search({ q: "facetria", year: ["2020", "2023"], agencyType: "kementerian" });
    expect(y.total).toBe(1);
    expect(counts(y.facets.agencyType)).toEqual({ bumd: 1, kementerian: 1 });
  });

  it("keeps a ticked value listed with 0 so it can be unticked", async () => {
    const r = await search({ q: "facetria", sector: "hukum" });
    expect(r.total).toBe(0);
    expect(r.items).toEqual([]);
    expect(counts(r.facets.sector)).toMatchObject({ hukum: 0, kesehatan: 3 });
  });

  it("filters by agency slug", async () => {
    const agency = await createAgency(db, {});
    await createInnovation(db, { agencyId: agency.id, name: "Facetria milik sendiri" });
    const r = await search({ q: "facetria", agency: agency.slug });
    expect(r.total).toBe(1);
    const unknown = await search({ q: "facetria", agency: "tidak-ada-instansi-ini" });
    expect(unknown.total).toBe(0);
  });
});

describe("searchInnovations: order and pages", () => {
  beforeAll(async () => {
    for (let n = 1; n <= 25; n++) {
      await createInnovation(db, {
        name: `Halamanto ${String(n).padStart(2, "0")}`,
        startedOn: `20${String(n).padStart(2, "0")}-01-01`,
        publishedAt: new Date(Date.UTC(2024, 0, n)),
      });
    }
  });

  it("pages through the results without overlap", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => search({ q: "halamanto", perPage: "10", page: String(page) })));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages[0].pages).toBe(3);
    expect(pages[0].total).toBe(25);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(25);
    const beyond = await search({ q: "halamanto", perPage: "10", page: "9" });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(25);
  });

  it("sorts by name, newest and start date", async () => {
    const byName = await search({ q: "halamanto", sort: "name", perPage: "3" });
    expect(byName.items.map((i) => i.name)).toEqual(["Halamanto 01", "Halamanto 02", "Halamanto 03"]);
    const newest = await search({ q: "halamanto", sort: "newest", perPage: "2" });
    expect(newest.items.map((i) => i.name)).toEqual(["Halamanto 25", "Halamanto 24"]);
    const start = await search({ q: "halamanto", sort: "start", perPage: "1" });
    expect(start.items[0].name).toBe("Halamanto 25");
  });
});

describe("searchInnovations: planning words that go together", () => {
  it("bounds a plain-words query by its rarest word", async () => {
    const hit = await createInnovation(db, { name: "Kesehatan Ibu Hamil Wanareja", summary: "Pemeriksaan ibu hamil." });
    const query = parseCatalogueQuery(new URLSearchParams("q=kesehatan ibu hamil wanareja"));
    const plan = await planSearch(db, query, { q: query.q }, DEFAULT_LIMITS);
    expect(plan.words).toEqual(["kesehatan", "ibu", "hamil", "wanareja"]);
    const rarest = Math.min(...(await Promise.all(plan.words!.map((w) => estimateRows(db, wordWhere(query, w))))));
    expect(plan.estimates.candidates).toBeGreaterThanOrEqual(Math.min(rarest, plan.estimates.tableRows) - 0.001);
    const r = await search({ q: "kesehatan ibu hamil wanareja" });
    expect(r.items.map((i) => i.id)).toEqual([hit.id]);
  });

  it("plans while it checks the words: two rounds, a third only when a word is corrected", async () => {
    const rounds = async (q: string) => (await searchStatements(db, parseCatalogueQuery(new URLSearchParams({ q })))).rounds.length;
    expect(await rounds("kesehatan ibu hamil")).toBe(2);
    expect(await rounds("")).toBe(2);
    // "sumberjo" lacks a letter of the village's name, so it is corrected and planned again.
    const hit = await createInnovation(db, { name: "Jemput Bola Sumberejo", summary: "Layanan keliling desa." });
    const typo = await searchStatements(db, parseCatalogueQuery(new URLSearchParams({ q: "sumberjo" })));
    expect(typo.text).toEqual({ q: "sumberjo", corrected: "sumberejo" });
    expect(typo.rounds.length).toBe(3);
    const r = await search({ q: "sumberjo" });
    expect(r.correctedQuery).toBe("sumberejo");
    expect(r.items.map((i) => i.id)).toEqual([hit.id]);
  });

  it("takes words holding quotes or backslashes as they are", async () => {
    const r = await search({ q: "o'neil back\\slash 'x' \\" });
    expect(r.items).toEqual([]);
  });

  it("plans a query holding bare punctuation between its words like the words alone", async () => {
    const hit = await createInnovation(db, { name: "Posyandu Remaja Kalibening", summary: "Layanan untuk remaja desa." });
    for (const q of ["& | !", "remaja — kalibening", "kalibening ::: remaja"]) {
      const r = await search({ q });
      expect(r.incomplete).toBeUndefined();
      if (/kalibening/.test(q)) expect(r.items.map((i) => i.id)).toEqual([hit.id]);
    }
  });
});

describe("the register's storage", () => {
  it("keeps what a search tests on every row in the row itself: the vector, the sectors, the SDGs", async () => {
    const rows = await rowsOf<{ attname: string; attstorage: string }>(
      db,
      sql`SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'innovations'::regclass AND attname IN ('search_vector', 'sectors', 'sdgs', 'summary') ORDER BY attname`,
    );
    // m: in the row unless it cannot fit a page; x: compressed, then out of line when the row is long.
    expect(Object.fromEntries(rows.map((r) => [r.attname, r.attstorage]))).toEqual({ sdgs: "m", search_vector: "m", sectors: "m", summary: "x" });
  });
});

describe("searchInnovations: beyond the exact limits", () => {
  // Limits at zero make the small test register behave like a million rows.
  const forced = { exactLimit: 0, countLimit: 0, sampleTarget: 0 };

  it("estimates the total and facets from a sample, and says so", async () => {
    const r = await searchInnovations(db, parseCatalogueQuery(new URLSearchParams("q=halamanto")), { limits: forced });
    expect(r.estimated).toEqual({ total: true, facets: true });
    expect(r.total).toBeGreaterThan(5);
    expect(r.total).toBeLessThan(80);
    const exact = await search({ q: "halamanto" });
    expect(exact.estimated).toBeUndefined();
    expect(exact.total).toBe(25);
  });

  it("counts the total exactly when only the facets are many", async () => {
    const r = await searchInnovations(db, parseCatalogueQuery(new URLSearchParams("q=halamanto")), {
      limits: { ...forced, countLimit: 1_000_000 },
    });
    expect(r.estimated).toEqual({ total: false, facets: true });
    expect(r.total).toBe(25);
  });

  it("ranks only the newest matches when they are very many", async () => {
    const query = parseCatalogueQuery(new URLSearchParams("q=halamanto&perPage=5"));
    const rows = await rowsOf<CardRow>(db, itemsSql(query, { q: "halamanto" }, { window: { size: 5, scan: 1_000 } }));
    expect(rows.map((r) => r.name)).toEqual(["Halamanto 25", "Halamanto 24", "Halamanto 23", "Halamanto 22", "Halamanto 21"]);
    const r = await searchInnovations(db, query, { window: { size: 5, scan: 1_000 } });
    expect(r.items.map((i) => i.name)).toEqual(["Halamanto 25", "Halamanto 24", "Halamanto 23", "Halamanto 22", "Halamanto 21"]);
    expect(r.pages).toBe(1);
  });

  it("reads no further than the newest rows it may scan, and then ranks in full", async () => {
    // Rows published after the Halamanto ones fill the scan: the window finds none.
    await createInnovation(db, { name: "Lebih Baru Satu" });
    await createInnovation(db, { name: "Lebih Baru Dua" });
    const query = parseCatalogueQuery(new URLSearchParams("q=halamanto&perPage=5"));
    const bounded = await rowsOf<CardRow>(db, itemsSql(query, { q: "halamanto" }, { window: { size: 5, scan: 2 } }));
    expect(bounded).toEqual([]);
    const r = await searchInnovations(db, query, { window: { size: 5, scan: 2 } });
    expect(r.items.map((i) => i.name)).toEqual(["Halamanto 25", "Halamanto 24", "Halamanto 23", "Halamanto 22", "Halamanto 21"]);
    expect(r.pages).toBe(5);
  });
});
