// Search engines find every public page: robots.txt names the sitemap index, the index names its
// files, and the files list published innovations (never drafts), agencies and public pages
// (never a draft edition), each file within the protocol's 50,000 addresses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation } from "../app/db/factories.server";
import { agencies, competitions, innovationCheckIns, innovations } from "../app/db/schema";
import { sitemapFile, URLS_PER_FILE } from "../app/modules/catalogue/sitemaps.server";

let database: Database;
let anonymous: Client;
const slugs: Record<string, string> = {};
const BASE = "https://lumbung.example.go.id";

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database, { PUBLIC_URL: BASE });
  anonymous = newClient();
  const db = database.db;
  const agency = await createAgency(db, { name: "Perumda Peta Situs" });
  slugs.agency = agency.slug;
  slugs.published = (await createInnovation(db, { agencyId: agency.id, name: "Terbit Di Peta Situs" })).slug;
  slugs.draft = (await createInnovation(db, { agencyId: agency.id, name: "Draf Di Luar Peta", state: "draft" })).slug;
  slugs.final = (await createCompetition(db, { slug: "kipp-peta-final", edition: 2023, state: "announced" })).slug;
  await db.update(competitions).set({ state: "final" }).where(eq(competitions.slug, slugs.final));
  slugs.draftEdition = (await createCompetition(db, { slug: "kipp-peta-draf", edition: 2027, state: "draft" })).slug;
});
afterAll(async () => database?.close());

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

describe("sitemaps", () => {
  it("robots.txt keeps crawlers out of the work area and names the sitemap index", async () => {
    const res = await anonymous.get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await res.text();
    expect(text).toContain("Disallow: /kelola\n");
    expect(text).toContain(`Sitemap: ${BASE}/sitemap.xml\n`);
  });

  it("the index names the pages, the agencies, and each range holding a published innovation", async () => {
    const res = await anonymous.get("/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect(locs(xml)).toEqual([`${BASE}/sitemap/halaman.xml`, `${BASE}/sitemap/instansi.xml`, `${BASE}/sitemap/inovasi-1.xml`]);
  });

  it("the innovations' file lists published ones only, and every file it names answers", async () => {
    const xml = await (await anonymous.get("/sitemap/inovasi-1.xml")).text();
    expect(xml).toContain("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    expect(locs(xml)).toContain(`${BASE}/inovasi/${slugs.published}`);
    expect(xml).not.toContain(slugs.draft);
    for (const loc of locs(xml).slice(0, 5)) expect((await anonymous.get(loc.slice(BASE.length))).status, loc).toBe(200);
  });

  it("the pages' file holds the public pages, an edition's results once final, never a draft edition", async () => {
    const found = locs(await (await anonymous.get("/sitemap/halaman.xml")).text()).map((l) => l.slice(BASE.length));
    expect(found).toEqual(expect.arrayContaining(["/", "/inovasi", "/data-terbuka", "/wilayah/33", `/kompetisi/${slugs.final}`, `/kompetisi/${slugs.final}/hasil`]));
    expect(found.some((p) => p.includes(slugs.draftEdition))).toBe(false);
    for (const path of found) expect((await anonymous.get(path)).status, path).toBe(200);
  });

  it("dates a page by its latest change: an agency's by its newest innovation, an innovation's by its latest check-in", async () => {
    const db = database.db;
    const [agency] = await db.select().from(agencies).where(eq(agencies.slug, slugs.agency));
    await db.update(agencies).set({ updatedAt: new Date("2020-01-01T00:00:00Z") }).where(eq(agencies.id, agency.id));
    await db.update(innovations).set({ updatedAt: new Date("2021-01-01T00:00:00Z"), publishedAt: new Date("2024-05-06T07:08:09Z") }).where(eq(innovations.slug, slugs.published));
    const [pub] = await db.select().from(innovations).where(eq(innovations.slug, slugs.published));
    await db.insert(innovationCheckIns).values({ innovationId: pub.id, year: 2025, outcome: "running", note: "Masih berjalan.", evidenceUrl: "https://contoh.go.id", recordedAt: new Date("2025-03-04T05:06:07Z") });
    const entry = (xml: string, loc: string) => new RegExp(`<loc>${loc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</loc><lastmod>([^<]+)</lastmod>`).exec(xml)?.[1];
    expect(entry(await (await anonymous.get("/sitemap/instansi.xml")).text(), `${BASE}/instansi/${slugs.agency}`)).toBe("2024-05-06T07:08:09Z");
    expect(entry(await (await anonymous.get("/sitemap/inovasi-1.xml")).text(), `${BASE}/inovasi/${slugs.published}`)).toBe("2025-03-04T05:06:07Z");
  });

  it("the agencies' file holds every agency's page", async () => {
    const found = locs(await (await anonymous.get("/sitemap/instansi.xml")).text());
    expect(found).toContain(`${BASE}/instansi/${slugs.agency}`);
    expect(found.length).toBeGreaterThan(500);
    expect(found.length).toBeLessThanOrEqual(URLS_PER_FILE);
  });

  it("a file the index does not name is a 404", async () => {
    for (const name of ["inovasi-2.xml", "inovasi-0.xml", "inovasi-x.xml", "rahasia.xml", "constructor"]) {
      expect((await anonymous.get(`/sitemap/${name}`)).status, name).toBe(404);
    }
    expect(await sitemapFile(database.db, BASE, "inovasi-99999.xml")).toBeNull();
  });
});
