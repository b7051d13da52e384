// The public catalogue's pages, driven through the real built server: search with facets,
// the innovation page and its link previews, agency, exhibition, print and province pages.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "./db";
import { pageScripts, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { agencyBySlug, createAgency, createCompetition, createInnovation, createUnit } from "../app/db/factories.server";
import { innovationFiles } from "../app/db/schema";

let database: Database;
let client: Client;
const ids = { published: 0, draft: 0, photo: 0, evidence: 0, agencySlug: "", publishedSlug: "", draftSlug: "", otherAgencySlug: "" };

// A unique word keeps each test's counts to its own rows.
const TOKEN = "sungaiwangi";

beforeAll(async () => {
  database = await openTestDatabase();
  ({ client } = await testClient(database));
  const db = database.db;
  const banyumas = await agencyBySlug(db, "kabupaten-banyumas-33-02");
  ids.agencySlug = banyumas.slug;
  const gemas = await createInnovation(db, {
    agencyId: banyumas.id,
    name: "Gerakan Masyarakat Peduli Sungai Sungaiwangi",
    acronym: "Gemas Pesulan",
    summary: "Warga bersama DPU membersihkan sungai & saluran setiap Jumat <b>pagi</b>.",
    problem: "Sungai tersumbat sampah dan banjir setiap musim hujan.",
    results: "Titik banjir turun dari 40 menjadi 12.",
    indicators: [{ name: "Titik banjir", before: "40", after: "12", unit: "titik", source: "BPBD 2023" }],
    sectors: ["lingkungan", "kebencanaan"],
    sdgs: [6, 11],
    status: "implementasi",
    startedOn: "2019-03-01",
    contactName: "Ibu Sri",
    contactEmail: "sri@banyumaskab.go.id",
  });
  ids.published = gemas.id;
  ids.publishedSlug = gemas.slug;
  const files = await db
    .insert(innovationFiles)
    .values([
      { innovationId: gemas.id, kind: "photo", filename: "kerja-bakti.jpg", mime: "image/jpeg", size: 2048, sha256: "a", data: new Uint8Array([1]) },
      { innovationId: gemas.id, kind: "evidence", filename: "laporan-bpbd.pdf", mime: "application/pdf", size: 153600, sha256: "b", data: new Uint8Array([2]) },
    ])
    .returning();
  ids.photo = files[0].id;
  ids.evidence = files[1].id;

  const draft = await createInnovation(db, { agencyId: banyumas.id, name: `Draf Rahasia ${TOKEN}`, state: "draft" });
  ids.draft = draft.id;
  ids.draftSlug = draft.slug;
  await createInnovation(db, { agencyId: banyumas.id, name: `Dikirim Rahasia ${TOKEN}`, state: "submitted" });

  const other = await createAgency(db, { name: "BUMD Air Minum Sungaiwangi", regionCode: "35.78" });
  ids.otherAgencySlug = other.slug;
  await createInnovation(db, { agencyId: other.id, name: `Meter Air ${TOKEN}`, sectors: ["infrastruktur"], sdgs: [6], startedOn: "2021-06-01" });
  await createInnovation(db, { agencyId: other.id, name: `Posyandu Digital ${TOKEN}`, sectors: ["kesehatan"], sdgs: [3], startedOn: "2022-06-01" });
  await createInnovation(db, { name: "Unit Pengaduan Warga Terpadu", summary: "Pengaduan warga dijawab dalam tiga hari." });
});
afterAll(async () => database?.close());

/** The page, with React's text separators (<!-- -->) removed so text reads as shown. */
const html = async (path: string) => {
  const res = await client.get(path);
  return { status: res.status, body: (await res.text()).replace(/<!-- -->/g, ""), res };
};
/** The text inside the element with this id, up to its first child element's end. */
const textOf = (body: string, id: string) => {
  const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`).exec(body);
  return (m?.[1] ?? "").replace(/<[^>]+>/g, "");
};
/** The opening tag of the element with this id. */
const tagOf = (body: string, id: string) => new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(body)?.[0] ?? "";
/** A link: its href, then any attributes React Router adds, then its text. */
const link = (href: string, text: string) =>
  new RegExp(`<a href="${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>${text}</a>`);
const metaContent = (body: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(body)?.[1];

describe("home", () => {
  it("offers the search, the figures, the newest innovations and the compliance page", async () => {
    const { status, body } = await html("/");
    expect(status).toBe(200);
    expect(body).toContain("Katalog terbuka inovasi pelayanan publik Indonesia");
    expect(body).toMatch(/<form[^>]*action="\/inovasi"[^>]*role="search"|<form[^>]*role="search"[^>]*action="\/inovasi"/);
    expect(body).toContain(`href="/inovasi/${ids.publishedSlug}"`);
    expect(body).toContain('href="/kepatuhan"');
    expect(body).not.toContain("Draf Rahasia");
    expect(body).toContain("<strong>4</strong> inovasi terbit");
  });
});

describe("catalogue search", () => {
  it("sends the search page's browser without the validation library (it is parsed on the server)", async () => {
    const scripts = await pageScripts(client, "/inovasi?q=pengaduan");
    expect(scripts.length).toBeGreaterThan(3);
    for (const { src, text } of scripts) expect(text, src).not.toContain("ZodError");
  });

  it("finds by words, with cards linking to the innovation and its agency", async () => {
    const { status, body } = await html("/inovasi?q=gemas+pesulan");
    expect(status).toBe(200);
    expect(textOf(body, "results-title")).toBe("1 inovasi untuk “gemas pesulan”");
    expect(body).toContain(`href="/inovasi/${ids.publishedSlug}"`);
    expect(body).toContain("Gemas Pesulan");
    expect(body).toContain(`href="/instansi/${ids.agencySlug}"`);
    // Summaries are text, never markup.
    expect(body).toContain("&lt;b&gt;pagi&lt;/b&gt;");
    // Shared, the search keeps the parameters it understood and drops the rest.
    const shared = await html("/inovasi?utm_source=wa&q=gemas+pesulan&sector=zzz&page=1");
    expect(metaContent(shared.body, "og:url")).toBe("http://localhost:3000/inovasi?q=gemas+pesulan");
  });

  it("narrows the count as filters are ticked, and shows facet counts", async () => {
    const all = await html(`/inovasi?q=${TOKEN}`);
    expect(textOf(all.body, "results-title")).toBe(`3 inovasi untuk “${TOKEN}”`);
    const box = tagOf(all.body, "f-sector-kesehatan");
    expect(box).toContain('name="sector"');
    expect(box).toContain('value="kesehatan"');
    expect(box).toContain('form="catalogue-search"');
    expect(box).not.toContain("checked");
    expect(all.body).toContain('for="f-sector-kesehatan">Kesehatan <span class="facet-count">(1)</span>');
    expect(all.body).toContain('for="f-province-35">Jawa Timur <span class="facet-count">(2)</span>');

    const filtered = await html(`/inovasi?q=${TOKEN}&sector=kesehatan`);
    expect(textOf(filtered.body, "results-title")).toBe(`1 inovasi untuk “${TOKEN}”`);
    expect(filtered.body).toContain("Posyandu Digital");
    expect(filtered.body).not.toContain("Meter Air");
    // The ticked box stays ticked, and can be removed in one link.
    expect(tagOf(filtered.body, "f-sector-kesehatan")).toContain('checked=""');
    expect(filtered.body).toMatch(link(`/inovasi?q=${TOKEN}`, "Hapus semua saringan"));
    // Other sectors keep their counts (a facet ignores its own filter); provinces narrow.
    expect(filtered.body).toContain('for="f-sector-infrastruktur">Infrastruktur <span class="facet-count">(1)</span>');
    expect(filtered.body).toContain('for="f-province-35">Jawa Timur <span class="facet-count">(1)</span>');
    expect(filtered.body).not.toContain('for="f-province-33"');

    const province = await html(`/inovasi?q=${TOKEN}&province=33`);
    expect(textOf(province.body, "results-title")).toBe(`1 inovasi untuk “${TOKEN}”`);
    const none = await html(`/inovasi?q=${TOKEN}&province=33&sector=kesehatan`);
    expect(textOf(none.body, "results-title")).toBe(`0 inovasi untuk “${TOKEN}”`);
    expect(none.body).toContain("Tidak ada inovasi yang cocok.");
  });

  it("searches in Bahasa Indonesia: stems and forgives typos", async () => {
    const stem = await html("/inovasi?q=pengaduan");
    expect(stem.body).toContain("Unit Pengaduan Warga Terpadu");
    const typo = await html("/inovasi?q=pengadun+warga");
    expect(typo.status).toBe(200);
    expect(typo.body).toContain("Unit Pengaduan Warga Terpadu");
    expect(typo.body).toContain("Termasuk hasil untuk “pengaduan warga”.");
    expect(typo.body).toContain('href="/inovasi?q=pengaduan+warga"');
  });

  it("never lists what is not published", async () => {
    const { body } = await html(`/inovasi?q=rahasia+${TOKEN}`);
    expect(textOf(body, "results-title")).toBe(`0 inovasi untuk “rahasia ${TOKEN}”`);
    expect(body).not.toContain("Draf Rahasia");
    expect(body).not.toContain("Dikirim Rahasia");
  });

  it("pages with links that keep the search", async () => {
    const { body } = await html(`/inovasi?q=${TOKEN}&perPage=2`);
    expect(body).toContain("Halaman 1 dari 2");
    expect(body).toContain(`href="/inovasi?q=${TOKEN}&amp;perPage=2&amp;page=2"`);
    const second = await html(`/inovasi?q=${TOKEN}&perPage=2&page=2`);
    expect(second.body).toContain("Halaman 2 dari 2");
    expect(second.body.match(/class="innovation-card"/g)).toHaveLength(1);
  });

  it("drops an agency or a province that does not exist, like any unknown filter value", async () => {
    const all = textOf((await html(`/inovasi?q=${TOKEN}`)).body, "results-title");
    expect(all).toBe(`3 inovasi untuk “${TOKEN}”`);
    for (const filter of ["agency=tidak-ada-instansi-ini", "province=99"]) {
      const { status, body } = await html(`/inovasi?q=${TOKEN}&${filter}`);
      expect(status, filter).toBe(200);
      expect(textOf(body, "results-title"), filter).toBe(all);
      // No heading over an empty list, no chip with a raw code, no hidden field keeping it.
      expect(body, filter).not.toContain("Saringan aktif");
      expect(body, filter).not.toContain("Hapus saringan: 99");
      expect(body, filter).not.toContain('name="agency"');
    }
    // A real province beside an unknown one is kept, with its name.
    const mixed = await html(`/inovasi?q=${TOKEN}&province=99&province=35`);
    expect(textOf(mixed.body, "results-title")).toBe(`2 inovasi untuk “${TOKEN}”`);
    expect(mixed.body).toContain("Hapus saringan: Jawa Timur");
    expect(mixed.body).not.toContain("Hapus saringan: 99");
  });

  it("answers bad parameters with a page, never an error", async () => {
    for (const q of [
      "page=-1&perPage=0",
      "page=abc&perPage=99999",
      "page=999999999999999999999",
      "sort=drop+table&sdg=99&sdg=abc&year=x&province=xyz&agencyType=raja",
      `agency=${encodeURIComponent("../../etc")}&status=%27`,
      `q=${"kata ".repeat(400)}`,
      'q="unterminated&q=-&q=%7C%7C',
      "q=%E0%A4%A&sector[]=kesehatan&sector[]=bogus",
    ]) {
      const res = await client.get(`/inovasi?${q}`);
      expect(res.status, q).toBe(200);
    }
  });
});

describe("innovation page", () => {
  it("shows every public detail, its files and its agency", async () => {
    const { status, body } = await html(`/inovasi/${ids.publishedSlug}`);
    expect(status).toBe(200);
    // What the agency wrote is marked as Indonesian, for screen readers in English mode too.
    expect(body).toMatch(/<h1 lang="id">Gerakan Masyarakat Peduli Sungai Sungaiwangi \(Gemas Pesulan\)<\/h1>/);
    expect(body).toMatch(/<div class="prose-text" lang="id">Sungai tersumbat sampah/);
    expect(body).toContain("Sungai tersumbat sampah");
    expect(body).toContain("<th scope=\"row\">Titik banjir</th><td>40</td><td>12</td>");
    expect(body).toMatch(new RegExp(`<img src="/berkas/${ids.photo}" alt="Foto 1 inovasi Gerakan Masyarakat Peduli Sungai Sungaiwangi"`));
    expect(body).toMatch(new RegExp(`<a href="/berkas/${ids.evidence}" download="laporan-bpbd.pdf">laporan-bpbd.pdf</a>`));
    expect(body).toContain("PDF, 150 KB");
    expect(body).toMatch(link(`/instansi/${ids.agencySlug}`, "Pemerintah Kabupaten Banyumas"));
    expect(body).toContain("mailto:sri@banyumaskab.go.id");
    expect(body).toContain("1 Maret 2019");
  });

  it("gives link previews: OpenGraph and Twitter tags with absolute addresses", async () => {
    const { body } = await html(`/inovasi/${ids.publishedSlug}`);
    expect(metaContent(body, "og:title")).toBe("Gerakan Masyarakat Peduli Sungai Sungaiwangi (Gemas Pesulan)");
    expect(metaContent(body, "og:description")).toBe("Warga bersama DPU membersihkan sungai &amp; saluran setiap Jumat &lt;b&gt;pagi&lt;/b&gt;.");
    expect(metaContent(body, "og:type")).toBe("article");
    expect(metaContent(body, "og:url")).toBe(`http://localhost:3000/inovasi/${ids.publishedSlug}`);
    expect(metaContent(body, "og:image")).toBe(`http://localhost:3000/berkas/${ids.photo}`);
    expect(metaContent(body, "twitter:card")).toBe("summary_large_image");
    expect(body).toContain("<title>Gerakan Masyarakat Peduli Sungai Sungaiwangi (Gemas Pesulan) · Lumbung</title>");
  });

  it("uses the configured public address in previews", async () => {
    const { client: other } = await testClient(database, { PUBLIC_URL: "https://lumbung.example.id" });
    const body = await (await other.get(`/inovasi/${ids.publishedSlug}`)).text();
    expect(metaContent(body, "og:image")).toBe(`https://lumbung.example.id/berkas/${ids.photo}`);
  });

  it("sends an id to the innovation's one address", async () => {
    const res = await client.get(`/inovasi/${ids.published}`);
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`/inovasi/${ids.publishedSlug}`);
  });

  it("is a 404 for drafts, by slug or id, and for unknown addresses", async () => {
    for (const p of [`/inovasi/${ids.draftSlug}`, `/inovasi/${ids.draft}`, "/inovasi/tidak-ada-inovasi-ini", "/inovasi/%27%3B"]) {
      const res = await client.get(p);
      expect(res.status, p).toBe(404);
      const text = await res.text();
      expect(text).toContain("Halaman tidak ditemukan");
      expect(text).not.toContain("Draf Rahasia");
    }
  });
});

describe("agency pages", () => {
  it("shows the portfolio with counts, and links to the exhibition and print views", async () => {
    const { status, body } = await html(`/instansi/${ids.agencySlug}`);
    expect(status).toBe(200);
    expect(body).toContain("<h1>Pemerintah Kabupaten Banyumas</h1>");
    expect(body).toContain("1 inovasi terbit");
    expect(body).toContain(`href="/inovasi/${ids.publishedSlug}"`);
    expect(body).not.toContain("Draf Rahasia");
    expect(body).toContain(`href="/instansi/${ids.agencySlug}/pameran"`);
    expect(body).toContain(`href="/instansi/${ids.agencySlug}/cetak"`);
    expect(body).toContain(`href="/inovasi?agency=${ids.agencySlug}&amp;status=implementasi"`);
    expect(metaContent(body, "og:title")).toBe("Pemerintah Kabupaten Banyumas");
    expect(metaContent(body, "og:image")).toBe(`http://localhost:3000/berkas/${ids.photo}`);
  });

  it("shows the exhibition as slides linked by anchors, without JavaScript", async () => {
    const { status, body } = await html(`/instansi/${ids.agencySlug}/pameran`);
    expect(status).toBe(200);
    expect(body).toContain('class="exhibition"');
    expect(body).toContain('id="slide-1"');
    expect(body).toContain('href="#slide-1"');
    expect(body).toContain('href="#slide-2"');
    expect(body).toContain("Gerakan Masyarakat Peduli Sungai Sungaiwangi");
    expect(body).toContain("1 dari 1");
  });

  it("prints the portfolio with each innovation's address", async () => {
    const { status, body } = await html(`/instansi/${ids.agencySlug}/cetak`);
    expect(status).toBe(200);
    expect(body).toContain("Portofolio inovasi");
    expect(body).toContain(`http://localhost:3000/inovasi/${ids.publishedSlug}`);
    expect(body).not.toContain("Draf Rahasia");
  });

  it("filters the catalogue to one agency", async () => {
    const { body } = await html(`/inovasi?agency=${ids.otherAgencySlug}`);
    expect(textOf(body, "results-title")).toBe("2 inovasi");
    expect(body).toContain("Instansi: BUMD Air Minum Sungaiwangi");
  });

  it("says a page past the last is empty because of its number, and links to the last page", async () => {
    // Jawa Tengah's 29 regencies fit on one page.
    const { status, body } = await html("/instansi?type=kabupaten&province=33&page=2");
    expect(status).toBe(200);
    expect(body).toContain("29 instansi");
    expect(body).not.toContain("Tidak ada instansi yang cocok.");
    expect(body).toContain("Halaman 2 melewati akhir daftar ini.");
    expect(body).toMatch(link("/instansi?type=kabupaten&amp;province=33", "Ke halaman terakhir"));
    expect(body).toContain('rel="prev" href="/instansi?type=kabupaten&amp;province=33"');
    expect(body).not.toContain("Halaman 2 dari");
    // Nothing to match at all is still said so.
    const none = await html("/instansi?q=tidak+ada+instansi+bernama+begini&page=2");
    expect(none.body).toContain("Tidak ada instansi yang cocok.");
    expect(none.body).not.toContain("melewati akhir daftar");
  });

  it("lists agencies with filters and their innovation counts", async () => {
    const { status, body } = await html("/instansi?q=air+minum+sungaiwangi");
    expect(status).toBe(200);
    expect(body).toContain("1 instansi");
    expect(body).toMatch(/BUMD Air Minum Sungaiwangi<\/a><\/th><td>BUMD<\/td><td><a href="\/wilayah\/35"[^>]*>Jawa Timur<\/a><\/td><td class="num">2<\/td>/);
    expect(metaContent(body, "og:url")).toBe("http://localhost:3000/instansi");
    const kota = await html("/instansi?type=kota&province=35");
    expect(kota.body).toContain("Pemerintah Kota Surabaya");
    expect(kota.body).not.toContain("Pemerintah Kabupaten Banyumas");
    expect((await client.get("/instansi?type=raja&province=zz&page=-4")).status).toBe(200);
  });

  it("lists its units by count, narrows the list to one unit's published innovations, and prints by unit with photos", async () => {
    const db = database.db;
    const agency = await createAgency(db, { name: "BUMD Unit Halaman Kenanga" });
    const dpu = await createUnit(db, { agencyId: agency.id, name: "Divisi Jalan Kenanga" });
    const clinic = await createUnit(db, { agencyId: agency.id, name: "Klinik Kenanga" });
    await createUnit(db, { agencyId: agency.id, name: "Gudang Kenanga" });
    const foreign = await createUnit(db, {});
    const road = await createInnovation(db, { agencyId: agency.id, unitId: dpu.id, name: "Tambal Jalan Kenanga" });
    await createInnovation(db, { agencyId: agency.id, unitId: dpu.id, name: "Lampu Jalan Kenanga" });
    await createInnovation(db, { agencyId: agency.id, unitId: dpu.id, name: "Draf Jalan Kenanga", state: "draft" });
    const care = await createInnovation(db, { agencyId: agency.id, unitId: clinic.id, name: "Antre Klinik Kenanga" });
    const [photo, captioned] = await db
      .insert(innovationFiles)
      .values([
        { innovationId: road.id, kind: "photo", filename: "tambal.jpg", mime: "image/jpeg", size: 10, sha256: "e", data: new Uint8Array([1]) },
        { innovationId: care.id, kind: "photo", filename: "antre.jpg", mime: "image/jpeg", size: 10, sha256: "f", data: new Uint8Array([1]), caption: "Warga antre di loket" },
      ])
      .returning();
    const page = `/instansi/${agency.slug}`;
    const unitLink = (id: number, text: string) => new RegExp(`<a [^>]*href="${page}\\?unit=${id}#innovations-title"[^>]*>${text}</a> <span>(\\d+)</span>`);
    /** The opening tag of the link with this text. */
    const linkTag = (body: string, text: string) => new RegExp(`<a [^>]*>${text}</a>`).exec(body)?.[0] ?? "";

    const all = await html(page);
    expect(all.status).toBe(200);
    expect(all.body).toContain('<h2 id="by-unit-title">Menurut unit</h2>');
    expect(unitLink(dpu.id, "Divisi Jalan Kenanga").exec(all.body)?.[1]).toBe("2");
    expect(unitLink(clinic.id, "Klinik Kenanga").exec(all.body)?.[1]).toBe("1");
    expect(all.body.indexOf("Divisi Jalan Kenanga")).toBeLessThan(all.body.indexOf("Klinik Kenanga"));
    expect(all.body).toContain("1 unit lain belum punya inovasi terbit.");
    expect(all.body).not.toContain("Gudang Kenanga");
    expect(linkTag(all.body, "Semua unit")).toContain(`href="${page}#innovations-title"`);
    expect(linkTag(all.body, "Semua unit")).toContain('aria-current="page"');

    const one = await html(`${page}?unit=${dpu.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toContain("<title>Divisi Jalan Kenanga · BUMD Unit Halaman Kenanga · Inovasi · Lumbung</title>");
    expect(one.body).toContain('<h2 id="innovations-title">Inovasi terbit dari <span lang="id">Divisi Jalan Kenanga</span></h2>');
    expect(one.body).toContain(`href="/inovasi/${road.slug}"`);
    expect(one.body).toContain("Lampu Jalan Kenanga");
    expect(one.body).not.toContain(`href="/inovasi/${care.slug}"`);
    expect(one.body).not.toContain("Draf Jalan Kenanga");
    expect(linkTag(one.body, "Lihat inovasi semua unit \\(3\\)")).toContain(`href="${page}#innovations-title"`);
    expect(linkTag(one.body, "Divisi Jalan Kenanga")).toContain('aria-current="page"');
    expect(linkTag(one.body, "Semua unit")).not.toContain("aria-current");

    // An empty value is no narrowing; another agency's unit, an unknown one or a malformed one is a 404.
    expect((await html(`${page}?unit=`)).status).toBe(200);
    for (const bad of [String(foreign.id), "999999999", "0", "-1", "abc", "1e3", "99999999999"]) {
      expect((await client.get(`${page}?unit=${bad}`)).status, bad).toBe(404);
    }

    // On paper: by unit, the most innovations first, each with its first photo, small.
    const print = await html(`${page}/cetak`);
    expect(print.status).toBe(200);
    expect(print.body).toMatch(/<h2 id="unit-\d+"><span lang="id">Divisi Jalan Kenanga<\/span><\/h2><p class="print-meta">2 inovasi terbit<\/p>/);
    expect(print.body.indexOf("Divisi Jalan Kenanga")).toBeLessThan(print.body.indexOf("Klinik Kenanga"));
    expect(print.body).toMatch(/<h3 id="item-\d+" class="print-item-title"><span class="print-number">1\.<\/span>/);
    expect(print.body).toContain(`<img class="print-photo" src="/berkas/${photo.id}" alt="Foto inovasi Tambal Jalan Kenanga"`);
    expect(print.body).toContain(`<img class="print-photo" src="/berkas/${captioned.id}" alt="Warga antre di loket"`);
    expect(print.body).not.toContain("Draf Jalan Kenanga");
    const english = await (await client.get(`${page}/cetak`, { cookie: "lumbung_lang=en" })).text();
    expect(english.replace(/<!-- -->/g, "")).toContain('alt="Photo of the innovation Tambal Jalan Kenanga"');
  });

  it("is a 404 for an unknown agency, on every view", async () => {
    for (const p of ["/instansi/tidak-ada", "/instansi/tidak-ada/pameran", "/instansi/tidak-ada/cetak"]) {
      expect((await client.get(p)).status, p).toBe(404);
    }
  });
});

describe("province page", () => {
  it("shows its governments and agencies with counts, and its newest innovations", async () => {
    const { status, body } = await html("/wilayah/33");
    expect(status).toBe(200);
    expect(body).toContain("<h1>Jawa Tengah</h1>");
    expect(body).toContain("Pemerintah Provinsi Jawa Tengah");
    expect(body).toMatch(/Pemerintah Kabupaten Banyumas<\/a><\/th><td>Pemerintah Kabupaten<\/td><td class="num">1<\/td>/);
    expect(body).toContain(`href="/inovasi/${ids.publishedSlug}"`);
    expect(body).toContain('href="/inovasi?province=33"');
  });

  it("is a 404 for what is not a province", async () => {
    for (const p of ["/wilayah/99", "/wilayah/33.02", "/wilayah/abc"]) expect((await client.get(p)).status, p).toBe(404);
  });
});

describe("a long facet", () => {
  // Twelve provinces match "lintasnusa": two innovations in ten of them, one in 13 and 16.
  const WORD = "lintasnusa";
  const PROVINCES = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32"];
  beforeAll(async () => {
    for (const code of PROVINCES) {
      const agency = await createAgency(database.db, { name: `BUMD Lintas ${code}`, regionCode: code });
      const n = code === "13" || code === "16" ? 1 : 2;
      for (let i = 0; i < n; i++) await createInnovation(database.db, { agencyId: agency.id, name: `Layanan ${WORD} ${code}-${i}` });
    }
  });
  const provinceBoxes = (body: string) => [...body.matchAll(/id="f-province-(\d+)"/g)].map((m) => m[1]);

  it("shows the ten values with the most matches, and links to all of them", async () => {
    const { body } = await html(`/inovasi?q=${WORD}`);
    // Ten tie at two matches each: in code order.
    expect(provinceBoxes(body)).toEqual(PROVINCES.filter((c) => c !== "13" && c !== "16"));
    expect(body).toMatch(link(`/inovasi?q=${WORD}&amp;expand=province#facet-province`, 'Tampilkan semua \\(12\\)<span class="visually-hidden">: Provinsi</span>'));
    // Short facets have nothing to expand.
    expect(body).not.toContain("expand=status");
  });

  it("shows every value when asked, keeps the list open through the form, and can cut it short again", async () => {
    const { body } = await html(`/inovasi?q=${WORD}&expand=province`);
    expect(provinceBoxes(body)).toEqual(PROVINCES);
    expect(body).toMatch(/<input type="hidden" name="expand" value="province"\/>/);
    expect(body).toMatch(link(`/inovasi?q=${WORD}#facet-province`, 'Tampilkan lebih sedikit<span class="visually-hidden">: Provinsi</span>'));
    // Unknown facets in the address are ignored.
    expect((await html(`/inovasi?q=${WORD}&expand=nothing&expand=<b>`)).status).toBe(200);
  });

  it("never hides a ticked value", async () => {
    const { body } = await html(`/inovasi?q=${WORD}&province=13`);
    // The province facet ignores its own filter, so all twelve still count; 13 is ticked.
    expect(provinceBoxes(body)).toContain("13");
    expect(provinceBoxes(body)).not.toContain("16");
    expect(tagOf(body, "f-province-13")).toContain('checked=""');
    expect(body).toContain("Tampilkan semua (12)");
  });
});

describe("sorting from the search form", () => {
  // Two matches for one word: the older names it (first by relevance), the newer only mentions
  // it in passing (first by date).
  const WORD = "aduanprima";
  const slugs = { named: "", mentioned: "" };
  beforeAll(async () => {
    const named = await createInnovation(database.db, {
      name: `Layanan ${WORD}`,
      acronym: WORD,
      summary: `Pengaduan warga lewat ${WORD}: ${WORD} menjawab dalam sehari.`,
      publishedAt: new Date("2020-01-06T03:00:00Z"),
    });
    const mentioned = await createInnovation(database.db, {
      name: "Layanan Antar Dokumen Kelurahan",
      summary: "Dokumen kependudukan diantar ke rumah warga.",
      results: `Keluhan pengantaran masuk ke kanal ${WORD}.`,
      publishedAt: new Date("2024-01-06T03:00:00Z"),
    });
    slugs.named = named.slug;
    slugs.mentioned = mentioned.slug;
  });
  const order = (body: string) =>
    [slugs.named, slugs.mentioned].sort((a, b) => body.indexOf(`href="/inovasi/${a}"`) - body.indexOf(`href="/inovasi/${b}"`));
  const sortSelect = (body: string) => /<select[^>]*id="catalogue-sort"[^>]*>[\s\S]*?<\/select>/.exec(body)?.[0] ?? "";

  it("sends the default order as no choice, so that new words are ranked by relevance", async () => {
    // Without words the default is newest; the form sends it as an empty sort, not as "newest".
    const browse = sortSelect((await html("/inovasi")).body);
    expect(browse).toContain('form="catalogue-search"');
    expect(browse).toContain('<option value="" selected="">Terbaru terbit</option>');
    expect(browse).toContain('<option value="name">Nama (A–Z)</option>');
    expect(browse).not.toContain('value="newest"');
    // With words the default is relevance, sent the same way; newest is then a choice.
    const words = sortSelect((await html(`/inovasi?q=${WORD}`)).body);
    expect(words).toContain('<option value="" selected="">Paling relevan</option>');
    expect(words).toContain('<option value="newest">Terbaru terbit</option>');
    // A choice sticks.
    expect(sortSelect((await html(`/inovasi?q=${WORD}&sort=newest`)).body)).toContain('<option value="newest" selected="">Terbaru terbit</option>');
  });

  it("ranks by relevance when the form sends an empty sort with words, and by date when newest is chosen", async () => {
    const empty = await html(`/inovasi?q=${WORD}&sort=`);
    expect(textOf(empty.body, "results-title")).toBe(`2 inovasi untuk “${WORD}”`);
    expect(order(empty.body)).toEqual([slugs.named, slugs.mentioned]);
    expect(order((await html(`/inovasi?q=${WORD}&sort=newest`)).body)).toEqual([slugs.mentioned, slugs.named]);
    // The common word ranks too (the empty sort is not read as "newest").
    const pengaduan = await html("/inovasi?q=pengaduan&sort=");
    expect(pengaduan.status).toBe(200);
    expect(sortSelect(pengaduan.body)).toContain('<option value="" selected="">Paling relevan</option>');
    // Links that keep the search carry no empty sort.
    expect(empty.body).not.toContain("sort=&");
    expect(empty.body).not.toMatch(/href="[^"]*sort=[&"]/);
  });
});

describe("link previews on the home and province pages", () => {
  it("give the canonical address, the site's name and Twitter's tags, as every public page does", async () => {
    for (const [path, title] of [["/", "Lumbung — Katalog Inovasi Pelayanan Publik"], ["/wilayah/33", "Jawa Tengah"]]) {
      const { body } = await html(path);
      expect(body, path).toContain(`<link rel="canonical" href="http://localhost:3000${path}"/>`);
      expect(metaContent(body, "og:site_name"), path).toBe("Lumbung");
      expect(metaContent(body, "og:title"), path).toBe(title);
      expect(metaContent(body, "og:url"), path).toBe(`http://localhost:3000${path}`);
      expect(metaContent(body, "twitter:card"), path).toBe("summary");
      expect(metaContent(body, "twitter:title"), path).toBe(title);
      expect(metaContent(body, "twitter:description"), path).toBe(metaContent(body, "description"));
    }
    // The browser's title stays the page's own.
    expect((await html("/wilayah/33")).body).toContain("<title>Jawa Tengah · Inovasi · Lumbung</title>");
  });
});

describe("in English, what agencies and the secretariat wrote is marked as Indonesian", () => {
  const english = async (path: string) => (await client.get(path, { cookie: "lumbung_lang=en" })).text();

  it("on the exhibition and the printable portfolio", async () => {
    const show = await english(`/instansi/${ids.agencySlug}/pameran`);
    expect(show).toMatch(/<html lang="en"/);
    expect(show).toMatch(/<p class="slide-kicker" lang="id">Gemas Pesulan<\/p><h2 id="slide-1-title" lang="id">Gerakan Masyarakat Peduli Sungai Sungaiwangi<\/h2><p class="slide-summary" lang="id">Warga bersama DPU/);
    const print = await english(`/instansi/${ids.agencySlug}/cetak`);
    expect(print).toMatch(/<span lang="id">Gerakan Masyarakat Peduli Sungai Sungaiwangi \(Gemas Pesulan\)<\/span><\/h2>/);
    expect(print).toMatch(/<p lang="id">Warga bersama DPU/);
  });

  it("on the innovation page, the origin's note and source", async () => {
    const source = await createInnovation(database.db, { name: "Sumber Replikasi Sungaiwangi" });
    const copy = await createInnovation(database.db, { origin: "replication", originInnovationId: source.id, originNote: "diadaptasi untuk desa pesisir" });
    const body = (await english(`/inovasi/${copy.slug}`)).replace(/<!-- -->/g, "");
    expect(body).toContain("Replication of another innovation: ");
    expect(new RegExp(`<a [^>]*href="/inovasi/${source.slug}"[^>]*>Sumber Replikasi Sungaiwangi</a>`).exec(body)?.[0]).toContain('lang="id"');
    expect(body).toContain('(<span lang="id">diadaptasi untuk desa pesisir</span>)');
    // The source lists where it has been replicated: published copies only.
    await createInnovation(database.db, { state: "draft", name: "Draf Replikasi Tersembunyi", origin: "replication", originInnovationId: source.id });
    const sourcePage = (await english(`/inovasi/${source.slug}`)).replace(/<!-- -->/g, "");
    expect(sourcePage).toContain("Replicated elsewhere (1)");
    expect(sourcePage).toContain(`href="/inovasi/${copy.slug}"`);
    // With how far the adopter has come: its status and since when (the factory's start date).
    expect(sourcePage).toMatch(/class="tag status-implementasi">Implemented<\/span><span class="muted"> since 15 January 2022<\/span>/);
    expect(sourcePage).not.toContain("Draf Replikasi Tersembunyi");
  });

  it("on a call: its name, theme, stages, groups, categories and form sections, never the reader's labels", async () => {
    const call = await createCompetition(database.db, { state: "announced" });
    const body = (await english(`/kompetisi/${call.slug}`)).replace(/<!-- -->/g, "");
    expect(body).toMatch(/<h1 lang="id">[^<]+<\/h1>/);
    const { config } = call;
    expect(body).toContain(`<td><span lang="id">${config.stages[0].name}</span>`);
    expect(body).toContain(`<dt lang="id">${config.groups[0].name}</dt>`);
    expect(body).toContain(`<span lang="id">${config.categories[0].name}</span>`);
    expect(body).toContain(`<span lang="id">${config.sections[0].title}</span>`);
    expect(body).toContain(`<p class="lead" lang="id">${call.theme}</p>`);
    // The headings and column names are the reader's.
    expect(body).toMatch(/<h2>[A-Z][a-z]+[^<]*<\/h2>/);
    expect(body).not.toMatch(/<h2 lang="id">/);
  });
});

describe("the printable portfolio's date", () => {
  const printedOn = async (cookie: string) => {
    const body = (await (await client.get(`/instansi/${ids.agencySlug}/cetak`, { cookie })).text()).replace(/<!-- -->/g, "");
    return / (?:pada|on) ([^.]+)\.<\/p>/.exec(body)?.[1];
  };

  it("is the day it is in the reader's zone, not in UTC", async () => {
    // 1 March 18:30 UTC is already 2 March in every Indonesian zone.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T18:30:00Z") });
    try {
      expect(await printedOn("")).toBe("2 Maret 2026");
      expect(await printedOn("lumbung_tz=WIT")).toBe("2 Maret 2026");
      expect(await printedOn("lumbung_lang=en; lumbung_tz=WITA")).toBe("2 March 2026");
      // 16:30 UTC is 23:30 WIB (still 1 March) but 01:30 WIT (2 March).
      vi.setSystemTime(new Date("2026-03-01T16:30:00Z"));
      expect(await printedOn("lumbung_tz=WIB")).toBe("1 Maret 2026");
      expect(await printedOn("lumbung_tz=WIT")).toBe("2 Maret 2026");
    } finally {
      vi.useRealTimers();
    }
  });
});
