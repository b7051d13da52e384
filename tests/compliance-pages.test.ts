// "One Agency, One Innovation" as a visitor sees it: the page at /kepatuhan (server-rendered,
// GET forms, no JavaScript needed) and its CSV export.
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database, Db } from "../app/db/client.server";
import { agencies } from "../app/db/schema";
import { createAgency, createInnovation } from "../app/db/factories.server";
import { formatNumber, formatPercent } from "../app/i18n";

let database: Database;
let db: Db;
let client: Client;
let total: number;
let semarang: typeof agencies.$inferSelect;
let tricky: typeof agencies.$inferSelect;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  ({ client } = await testClient(database));
  [semarang] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.regionCode, "33.74"), eq(agencies.type, "kota")));
  // Kota Semarang met the duty in 2022; everyone else has not.
  await createInnovation(db, { agencyId: semarang.id, startedOn: "2022-03-01", publishedAt: new Date("2022-04-01T03:00:00Z") });
  tricky = await createAgency(db, { name: '=Perumda "Uji", Jawa Tengah', type: "bumd", regionCode: "33.74" });
  await createInnovation(db, { agencyId: tricky.id, startedOn: "2020-01-01", publishedAt: new Date("2020-02-01T03:00:00Z") });
  // The agencies of 2022 (the reference list also holds bodies formed or ended since).
  [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(agencies)
    .where(sql`coalesce(${agencies.activeFrom}, 0) <= 2022 and coalesce(${agencies.activeUntil}, 9999) >= 2022`);
});
afterAll(async () => database?.close());

const page = async (url: string, headers: Record<string, string> = {}) => {
  const res = await client.get(url, headers);
  return { status: res.status, html: await res.text() };
};

describe("the compliance page", () => {
  it("shows the year's headline figure and the tables by type and by province", async () => {
    const { status, html } = await page("/kepatuhan?year=2022");
    expect(status).toBe(200);
    expect(html).toContain("<h1>Satu Instansi Satu Inovasi</h1>");
    // Shared on WhatsApp, the year's page shows its title and what the duty is.
    expect(html).toContain('<meta property="og:title" content="Satu Instansi Satu Inovasi 2022"/>');
    expect(html).toContain('<meta property="og:url" content="http://localhost:3000/kepatuhan?year=2022"/>');
    expect(html).toContain(formatPercent("id", 1 / total));
    expect(html).toContain(`1 dari ${formatNumber("id", total)} instansi memenuhi kewajiban pada tahun 2022`);
    expect(html).toContain('<option value="2022" selected="">2022</option>');
    expect(html).toContain("Pemerintah Kota</th>");
    expect(html).toContain("Menurut provinsi");
    // The 34 provinces of 2022 (the four Papuan ones formed that year count from 2023), each a
    // row header linking to its filtered list.
    expect(html.match(/<th scope="row"><a href="\/kepatuhan\?year=2022&amp;province=\d{2}#not-met"/g)).toHaveLength(34);
  });

  it("lists the agencies that have not met the duty, filtered by GET form, with the CSV link", async () => {
    const { html } = await page("/kepatuhan?year=2022&type=kota&province=33");
    expect(html).toMatch(/<form class="filters compliance-filters"[^>]*method="get">/);
    expect(html).toContain("5 instansi sesuai saringan.");
    expect(html).toContain("Pemerintah Kota Surakarta");
    expect(html).not.toContain(">Pemerintah Kota Semarang</a>");
    expect(html).not.toContain(">Pemerintah Kabupaten Banyumas</a>");
    expect(html).toContain('href="/kepatuhan/unduh?year=2022&amp;type=kota&amp;province=33"');

    const byName = await page("/kepatuhan?year=2022&q=surakarta");
    expect(byName.html).toContain("1 instansi sesuai saringan.");
    expect(byName.html).toContain('value="surakarta"');
  });

  it("shows an agency's history in the list", async () => {
    const { html } = await page("/kepatuhan?year=2022&type=bumd&q=Perumda");
    expect(html).toContain("=Perumda &quot;Uji&quot;, Jawa Tengah");
    expect(html).toMatch(/<td class="num">1<\/td><td class="num">2020<\/td>/);
    const never = await page("/kepatuhan?year=2022&q=surakarta");
    expect(never.html).toContain("Belum pernah");
  });

  it("pages through the list with shareable links that keep the filters", async () => {
    const first = await page("/kepatuhan?year=2022&type=kabupaten");
    expect(first.html).toContain('rel="next" href="/kepatuhan?year=2022&amp;type=kabupaten&amp;page=2"');
    const second = await page("/kepatuhan?year=2022&type=kabupaten&page=2");
    expect(second.html).toMatch(/Halaman 2 dari \d+/);
    expect(second.html).toMatch(/rel="prev"/);
  });

  it("says a page past the last is empty because of its number, and links to the last page", async () => {
    // Everyone but Kota Semarang has not met the duty in 2022, fifty to a page.
    const pages = Math.ceil((total - 1) / 50);
    const { status, html } = await page("/kepatuhan?year=2022&page=50");
    expect(status).toBe(200);
    expect(html).toContain(`${formatNumber("id", total - 1)} instansi sesuai saringan.`);
    expect(html).not.toContain("Tidak ada instansi yang belum memenuhi");
    expect(html).toContain("Halaman 50 melewati akhir daftar ini.");
    expect(html).toMatch(new RegExp(`<a href="/kepatuhan\\?year=2022&amp;page=${pages}#not-met"[^>]*>Ke halaman terakhir</a>`));
    // The page navigation leads back too, and claims no "page 50 of ${pages}".
    expect(html).toContain(`rel="prev" href="/kepatuhan?year=2022&amp;page=${pages}"`);
    expect(html).not.toContain("Halaman 50 dari");
    // The last page itself lists agencies.
    const last = await page(`/kepatuhan?year=2022&page=${pages}`);
    expect(last.html).toContain(`Halaman ${pages} dari ${pages}`);
    expect(last.html).not.toContain("melewati akhir daftar");
    // A filter that matches nothing is still said so.
    const none = await page("/kepatuhan?year=2022&q=tidak+ada+instansi+bernama+begini&page=3");
    expect(none.html).toContain("Tidak ada instansi yang sesuai saringan ini.");
  });

  it("tells filters that name no agency from agencies that all met the duty", async () => {
    // Kota Semarang met the duty in 2022: an empty list there is full compliance, said so.
    const met = await page("/kepatuhan?year=2022&type=kota&q=semarang");
    expect(met.html).toContain("0 instansi sesuai saringan.");
    expect(met.html).toContain("Semua 1 instansi yang sesuai saringan ini sudah memenuhi kewajiban pada tahun 2022.");
    // A name that no agency bears: nothing is said about anyone's compliance.
    const none = await page("/kepatuhan?year=2022&q=tidak+ada+instansi+bernama+begini");
    expect(none.html).toContain("Tidak ada instansi yang sesuai saringan ini.");
    expect(none.html).not.toContain("sudah memenuhi kewajiban");
  });

  it("drops a province code that names no province, with a note, rather than reporting an empty list", async () => {
    for (const [code, year] of [["99", 2022], ["95", 2022]] as const) {
      // 99 is no province; 95 (Papua Pegunungan) was formed in 2022 and counts from 2023.
      const { status, html } = await page(`/kepatuhan?year=${year}&province=${code}`);
      expect(status, code).toBe(400);
      expect(html, code).toContain('href="#f-province"');
      expect(html, code).toContain(`Tidak ada provinsi berkode ${code} pada tahun ${year}, jadi daftar tidak disaring menurut provinsi.`);
      expect(html, code).toMatch(/<p class="error-message" id="f-province-error">Tidak ada provinsi berkode/);
      // The list is the unfiltered one, never an empty "nobody has failed".
      expect(html, code).toContain(`${formatNumber("id", total - 1)} instansi sesuai saringan.`);
      expect(html, code).not.toContain("Tidak ada instansi yang");
      // Nor does the download carry the dropped filter.
      expect(html, code).toContain(`href="/kepatuhan/unduh?year=${year}"`);
    }
    // Papua Pegunungan is a province from 2023 on.
    const later = await page("/kepatuhan?year=2023&province=95");
    expect(later.status).toBe(200);
    expect(later.html).not.toContain("Tidak ada provinsi berkode");
    const english = await page("/kepatuhan?year=2022&province=99", { cookie: "lumbung_lang=en" });
    expect(english.html).toContain("No province has the code 99 in 2022, so the list is not filtered by province.");
  });

  it("names an unknown agency type beside its field", async () => {
    const { status, html } = await page("/kepatuhan?year=2022&type=desa");
    expect(status).toBe(400);
    expect(html).toContain('href="#f-type"');
    expect(html).toMatch(/<p class="error-message" id="f-type-error">/);
    expect(html).toContain(`${formatNumber("id", total - 1)} instansi sesuai saringan.`);
  });

  it("names a bad parameter in an error summary and still shows the figures", async () => {
    const { status, html } = await page("/kepatuhan?year=1999&province=abc");
    expect(status).toBe(400);
    expect(html).toContain("Ada masalah");
    expect(html).toContain('href="#f-year"');
    expect(html).toContain('href="#f-province"');
    expect(html).toContain("Pilih tahun antara 2013 dan tahun ini.");
    expect(html).toContain("Menurut jenis instansi");
  });

  it("speaks English when asked", async () => {
    const { html } = await page("/kepatuhan?year=2022", { cookie: "lumbung_lang=en" });
    expect(html).toContain("<h1>One Agency, One Innovation</h1>");
    expect(html).toContain(`1 of ${formatNumber("en", total)} agencies met the duty in 2022`);
  });

  it("scrolls each table in its own region, named by its heading and reachable by keyboard, never the page", async () => {
    const { html } = await page("/kepatuhan?year=2022");
    for (const id of ["by-type", "by-province", "not-met"]) {
      expect(html, id).toMatch(new RegExp(`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0"><table aria-labelledby="${id}">`));
    }
  });
});

describe("the CSV export", () => {
  it("downloads every matching agency as UTF-8 CSV with a byte-order mark, named by year", async () => {
    const res = await client.get("/kepatuhan/unduh?year=2022&province=33");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="satu-instansi-satu-inovasi-2022-belum-memenuhi.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1).split("\r\n");
    expect(lines[0]).toBe("Instansi,Jenis instansi,Provinsi,Kode wilayah,Inovasi terbit (semua tahun),Tahun inovasi terakhir");
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(1, -1);
    // Jawa Tengah's 36 governments and the BUMD, less Kota Semarang: no page limit applies.
    expect(rows).toHaveLength(36);
    expect(rows).toContain("Pemerintah Kabupaten Banyumas,Pemerintah Kabupaten,Jawa Tengah,33.02,0,");
    expect(rows.some((r) => r.startsWith("Pemerintah Kota Semarang,"))).toBe(false);
    // Quoted, and the leading "=" neutralised so a spreadsheet does not run it.
    expect(rows).toContain(`"'=Perumda ""Uji"", Jawa Tengah",BUMD,Jawa Tengah,33.74,1,2020`);
  });

  it("downloads the same list as an Excel workbook, with typed cells and the formula-like name as plain text", async () => {
    const res = await client.get("/kepatuhan/unduh?year=2022&province=33&format=xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="satu-instansi-satu-inovasi-2022-belum-memenuhi.xlsx"');
    const sheet = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(sheet[0]).toEqual(["Instansi", "Jenis instansi", "Provinsi", "Kode wilayah", "Inovasi terbit (semua tahun)", "Tahun inovasi terakhir"]);
    expect(sheet).toHaveLength(37);
    expect(sheet).toContainEqual(['=Perumda "Uji", Jawa Tengah', "BUMD", "Jawa Tengah", "33.74", 1, 2020]);
    // The page offers it beside the CSV; an unknown format is named.
    expect(await (await client.get("/kepatuhan?year=2022&province=33")).text()).toContain('href="/kepatuhan/unduh?year=2022&amp;province=33&amp;format=xlsx"');
    const bad = await client.get("/kepatuhan/unduh?year=2022&format=pdf");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("format: Pilih csv atau xlsx.");
  });

  it("names the file in the reader's language", async () => {
    for (const [format, extension] of [["csv", "csv"], ["xlsx", "xlsx"]]) {
      const res = await client.get(`/kepatuhan/unduh?year=2022&province=33&format=${format}`, { cookie: "lumbung_lang=en" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="one-agency-one-innovation-2022-not-met.${extension}"`);
    }
  });

  it("answers 400 in plain text for a bad filter", async () => {
    const res = await client.get("/kepatuhan/unduh?year=2099");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toContain("year: Pilih tahun antara 2013 dan tahun ini.");
  });

  it("refuses a province code that names no province, rather than an empty list", async () => {
    const res = await client.get("/kepatuhan/unduh?year=2022&province=99");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toContain("province: Tidak ada provinsi berkode 99 pada tahun 2022.");
    const xlsx = await client.get("/kepatuhan/unduh?year=2022&province=95&format=xlsx");
    expect(xlsx.status).toBe(400);
    expect(await xlsx.text()).toContain("province: Tidak ada provinsi berkode 95 pada tahun 2022.");
  });
});
