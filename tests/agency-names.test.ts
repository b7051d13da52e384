// A ministry renamed by a new cabinet (Kominfo → Komdigi, October 2024) stays one agency, but
// what is published about a past year names it as it was then: the compliance list and its
// export, an edition's results and its certificates. Its page lists the former names, and
// searches find it by them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client, pageText as text } from "./app";
import { pdfText } from "./pdf-text";
import type { Database, Db } from "../app/db/client.server";
import { agencyBySlug, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { agencies, awards, competitions, proposals } from "../app/db/schema";
import { seedReference } from "../app/modules/agencies/seed-reference.server";
import { setAgencyYears } from "../app/modules/agencies/set-agency-years.server";
import type { Actor } from "../app/lib/policy";

const KOMINFO = "Kementerian Komunikasi dan Informatika";
const KOMDIGI = "Kementerian Komunikasi dan Digital";
const OLD_CERTIFICATE = "KMNF-2829-ABCD";
const NEW_CERTIFICATE = "KMDG-2825-ABCD";

let database: Database;
let db: Db;
let visitor: Client;
let admin: Client;
let komdigi: typeof agencies.$inferSelect;
let secretariat: Actor;
// A link to Komdigi's page, with the text given.
const linked = (name: string) => new RegExp(`<a href="/instansi/komdigi"[^>]*>${name}</a>`);

async function publishedEdition(edition: number, agencyId: number, code: string) {
  const c = await createCompetition(db, { slug: `kipp-nama-${edition}`, edition, state: "final" });
  await db.update(competitions).set({ decreeNumber: `1/KEP/${edition}`, decreeDate: `${edition}-11-20`, resultsPublishedAt: new Date(`${edition}-11-21T03:00:00Z`) }).where(eq(competitions.id, c.id));
  // Started long before, published now: it meets the duty of neither 2022 nor 2025.
  const innovation = await createInnovation(db, { agencyId, name: `Layanan Digital ${edition}`, startedOn: "2016-01-15" });
  const [p] = await db
    .insert(proposals)
    .values({ competitionId: c.id, innovationId: innovation.id, agencyId, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${edition}`, state: "submitted", screening: "passed", receiptNumber: `KIPP-NAMA-${edition}`, submittedAt: new Date() })
    .returning();
  await db.insert(awards).values({ competitionId: c.id, proposalId: p.id, innovationId: innovation.id, agencyId, tierCode: "top-99", certificateCode: code, source: "stage" });
  return c;
}

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  const app = await testClient(database);
  visitor = app.newClient();
  const a = await createTestUser(db, { role: "national_admin" });
  admin = app.newClient();
  await admin.login(a.email, a.password);
  secretariat = { kind: "user", id: a.id, name: a.name, email: a.email, role: "national_admin", agencyId: null, unitId: null };
  komdigi = await agencyBySlug(db, "komdigi");
  await publishedEdition(2019, komdigi.id, OLD_CERTIFICATE);
  await publishedEdition(2025, komdigi.id, NEW_CERTIFICATE);
});
afterAll(async () => database?.close());

describe("the reference data", () => {
  it("keeps Komdigi's former name, with the last year it was borne", () => {
    expect(komdigi.name).toBe(KOMDIGI);
    expect(komdigi.formerNames).toEqual([{ name: KOMINFO, shortName: "Kominfo", until: 2024 }]);
  });

  it("loads the same rows and names however often it runs, and keeps the admin's years", async () => {
    const before = await db.select().from(agencies).orderBy(agencies.id);
    // An installation from before the former names were kept: the next start fills them in.
    await db.update(agencies).set({ formerNames: [] }).where(eq(agencies.id, komdigi.id));
    await seedReference(db);
    await seedReference(db);
    const after = await db.select().from(agencies).orderBy(agencies.id);
    expect(after.map((r) => ({ ...r, updatedAt: null }))).toEqual(before.map((r) => ({ ...r, updatedAt: null })));

    const ministry = await agencyBySlug(db, "kemendes-pdt");
    await setAgencyYears(db, secretariat, ministry.id, { activeFrom: 2015, activeUntil: undefined });
    await seedReference(db);
    const kept = await agencyBySlug(db, "kemendes-pdt");
    expect({ activeFrom: kept.activeFrom, activeUntil: kept.activeUntil }).toEqual({ activeFrom: 2015, activeUntil: null });
    expect(kept.formerNames.map((f) => f.shortName)).toEqual(["Kemendes PDTT"]);
    const [{ n }] = await db.select({ n: count() }).from(agencies).where(sql`jsonb_array_length(${agencies.formerNames}) > 0`);
    expect(n).toBe(3);
  });
});

describe("the compliance list of a year", () => {
  it("names the agency as it was in that year, on the page and in the export", async () => {
    const y2022 = await text(await visitor.get("/kepatuhan?year=2022&q=komunikasi"));
    expect(y2022).toMatch(linked(KOMINFO));
    expect(y2022).not.toContain(KOMDIGI);
    const y2025 = await text(await visitor.get("/kepatuhan?year=2025&q=komunikasi"));
    expect(y2025).toMatch(linked(KOMDIGI));
    expect(y2025).not.toContain(KOMINFO);
    const csv = await (await visitor.get("/kepatuhan/unduh?year=2022&q=komunikasi")).text();
    expect(csv).toContain(KOMINFO);
    expect(csv).not.toContain(KOMDIGI);
  });

  it("finds the agency by its former name in any year", async () => {
    expect(await text(await visitor.get("/kepatuhan?year=2022&q=kominfo"))).toMatch(linked(KOMINFO));
    expect(await text(await visitor.get("/kepatuhan?year=2025&q=kominfo"))).toMatch(linked(KOMDIGI));
  });
});

describe("an edition's published results", () => {
  it("name the agency as it was in the edition's year, on the page and in the API", async () => {
    const old = await text(await visitor.get("/kompetisi/kipp-nama-2019/hasil"));
    expect(old).toMatch(linked(KOMINFO));
    expect(old).not.toContain(KOMDIGI);
    const recent = await text(await visitor.get("/kompetisi/kipp-nama-2025/hasil"));
    expect(recent).toMatch(linked(KOMDIGI));
    const api = (await (await visitor.get("/api/v1/competitions/kipp-nama-2019/results")).json()) as { data: { awards: { agency: { name: string } }[] } };
    expect(api.data.awards.map((a) => a.agency.name)).toEqual([KOMINFO]);
  });

  it("and so do the certificate, its verification page and its API", async () => {
    const page = await text(await visitor.get(`/sertifikat/${OLD_CERTIFICATE}`));
    expect(page).toMatch(linked(KOMINFO));
    expect(pdfText(Buffer.from(await (await visitor.get(`/sertifikat/${OLD_CERTIFICATE}/pdf`)).arrayBuffer()))).toContain(KOMINFO);
    const api = (await (await visitor.get(`/api/v1/certificates/${OLD_CERTIFICATE}`)).json()) as { data: { agency: { name: string } } };
    expect(api.data.agency.name).toBe(KOMINFO);

    const recent = Buffer.from(await (await visitor.get(`/sertifikat/${NEW_CERTIFICATE}/pdf`)).arrayBuffer());
    expect(pdfText(recent)).toContain(KOMDIGI);
    expect(pdfText(recent)).not.toContain(KOMINFO);
  });
});

describe("the agency", () => {
  it("is shown under its current name, with its former names, on its page and in the API", async () => {
    const html = await text(await visitor.get("/instansi/komdigi"));
    expect(html).toContain(`<h1>${KOMDIGI}</h1>`);
    expect(html).toContain(`<dt>Sebelumnya</dt><dd>${KOMINFO} (Kominfo), sampai 2024</dd>`);
    const bkpm = await text(await visitor.get("/instansi/bkpm"));
    // The most recent first.
    expect(bkpm).toContain(
      "<dt>Sebelumnya</dt><dd>Kementerian Investasi/Badan Koordinasi Penanaman Modal (Kementerian Investasi/BKPM), sampai 2024</dd><dd>Badan Koordinasi Penanaman Modal (BKPM), sampai 2021</dd>",
    );
    expect(await text(await visitor.get("/instansi/kemenkes"))).not.toContain("Sebelumnya");
    const api = (await (await visitor.get("/api/v1/agencies/komdigi")).json()) as { data: { name: string; formerNames: unknown } };
    expect(api.data).toMatchObject({ name: KOMDIGI, formerNames: [{ name: KOMINFO, shortName: "Kominfo", until: 2024 }] });
  });

  it("is found by a former name or short name in the directory, the API and the secretariat's list", async () => {
    expect(await text(await visitor.get("/instansi?q=kominfo"))).toContain(KOMDIGI);
    expect(await text(await visitor.get("/instansi?q=informatika"))).toContain(KOMDIGI);
    const api = (await (await visitor.get("/api/v1/agencies?q=Kominfo")).json()) as { data: { slug: string }[] };
    expect(api.data.map((a) => a.slug)).toEqual(["komdigi"]);
    expect(await text(await admin.get("/kelola/instansi?q=kominfo"))).toContain(KOMDIGI);
    // A former name's letters are matched, not the stored record's keys.
    expect((await (await visitor.get("/api/v1/agencies?q=until")).json()).data).toEqual([]);
  });
});
