// /kelola/unit: the list paged and searchable (an agency may hold thousands of units), each form
// with its own ids, and the CSV import reporting every bad row by its line (a formula among
// them) with names compared and stored as their words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { units } from "../app/db/schema";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
});
afterAll(async () => database?.close());

const csv = (text: string, name = "data.csv") => new File([text], name, { type: "text/csv" });
const duplicateIds = (html: string) => {
  const seen = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
};
const rowsOf = (html: string) => [...html.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);

async function adminOfNewAgency() {
  const agency = await createAgency(database.db);
  const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
  const c = newClient();
  await c.login(admin.email, admin.password);
  return { agency, c };
}
const namesOf = async (agencyId: number) => (await database.db.select({ name: units.name }).from(units).where(eq(units.agencyId, agencyId)).orderBy(units.name)).map((u) => u.name);

describe("the units list", () => {
  it("shows 50 units a page, with links to the others, and finds units by a part of their name", async () => {
    const { agency, c } = await adminOfNewAgency();
    await database.db.insert(units).values(Array.from({ length: 120 }, (_, i) => ({ agencyId: agency.id, name: `Puskesmas ${String(i).padStart(3, "0")}` })));
    await database.db.insert(units).values({ agencyId: agency.id, name: "Dinas 100% Digital" });

    const first = await pageText(await c.get("/kelola/unit"));
    expect(rowsOf(first)).toHaveLength(50);
    expect(first).toContain("Halaman 1 dari 3");
    expect(first).toContain('href="/kelola/unit?halaman=2"');
    const third = await pageText(await c.get("/kelola/unit?halaman=3"));
    expect(rowsOf(third)).toHaveLength(21);
    // "Dinas 100% Digital" comes first: the third page starts at the hundred-and-first name.
    expect(rowsOf(third)[0]).toBe("Puskesmas 099");

    // A GET form: works without JavaScript, and the pages keep the search.
    expect(first).toMatch(/<form[^>]*method="get"[^>]*>[\s\S]*?name="cari"/);
    const found = await pageText(await c.get("/kelola/unit?cari=skesmas%2005"));
    expect(rowsOf(found)).toEqual(Array.from({ length: 10 }, (_, i) => `Puskesmas 05${i}`));
    expect(rowsOf(await pageText(await c.get("/kelola/unit?cari=100%25")))).toEqual(["Dinas 100% Digital"]);
    expect(await pageText(await c.get("/kelola/unit?cari=tidak-ada"))).toContain("Tidak ada unit yang cocok");
    for (const bad of ["halaman=-1", "halaman=abc", "halaman=99999999999", `cari=${"x".repeat(5000)}`]) expect((await c.get(`/kelola/unit?${bad}`)).status, bad).toBe(200);

    // The secretariat's choice of agency is kept by the search.
    const secretariat = await createTestUser(database.db, { role: "national_admin" });
    const s = newClient();
    await s.login(secretariat.email, secretariat.password);
    const theirs = await pageText(await s.get(`/kelola/unit?instansi=${agency.id}`));
    expect(theirs).toContain(`<input type="hidden" name="instansi" value="${agency.id}"/>`);
    expect(rowsOf(await pageText(await s.get(`/kelola/unit?instansi=${agency.id}&cari=Digital`)))).toEqual(["Dinas 100% Digital"]);
  });

  it("opens any unit's form, on any page, with ids of its own", async () => {
    const { agency, c } = await adminOfNewAgency();
    const rows = await database.db
      .insert(units)
      .values(Array.from({ length: 60 }, (_, i) => ({ agencyId: agency.id, name: `Kantor ${String(i).padStart(2, "0")}`, kind: "OPD" })))
      .returning();
    const last = rows.at(-1)!;
    const page = await pageText(await c.get(`/kelola/unit?ubah=${last.id}`));
    expect(page).toContain("Ubah unit Kantor 59");
    expect(page).toContain('id="f-rename-name"');
    expect(page).toContain('for="f-rename-name"');
    expect(page).toContain('id="f-rename-kind-hint"');
    expect(duplicateIds(page)).toEqual([]);

    // A refused rename's summary links to the rename form's field, not the add form's.
    const refused = await pageText(await c.post(`/kelola/unit?ubah=${last.id}`, { _intent: "rename", unitId: String(last.id), name: "" }));
    expect(refused).toContain('href="#f-rename-name"');
    expect(duplicateIds(refused)).toEqual([]);
    const added = await pageText(await c.post(`/kelola/unit?ubah=${last.id}`, { name: "" }));
    expect(added).toContain('href="#f-name"');
    expect(duplicateIds(added)).toEqual([]);
  });
});

describe("adding and importing units", () => {
  it("stores a name with its spaces collapsed and finds the same name however it is spaced", async () => {
    const { agency, c } = await adminOfNewAgency();
    expect((await c.post("/kelola/unit", { name: "  Dinas  Pekerjaan \t Umum ", kind: "OPD" })).status).toBe(200);
    expect(await namesOf(agency.id)).toEqual(["Dinas Pekerjaan Umum"]);
    expect((await c.post("/kelola/unit", { name: "dinas pekerjaan   UMUM" })).status).toBe(409);
    // A unit stored before names were collapsed is still the same name.
    await database.db.insert(units).values({ agencyId: agency.id, name: "Dinas  Sosial" });
    const res = await c.post("/kelola/unit", { _intent: "import", file: csv("nama,jenis\nDinas Sosial,OPD\nDinas  Pekerjaan   Umum,OPD\nBadan Keuangan,OPD\nBadan   Keuangan,OPD\n") });
    expect(res.status).toBe(400);
    const html = await pageText(res);
    expect(html).toContain("Baris 2: name: Unit dengan nama ini sudah ada.");
    expect(html).toContain("Baris 3: name: Unit dengan nama ini sudah ada.");
    expect(html).toContain("Baris 5: name: Sama dengan baris 4.");
  });

  it("reports a formula cell as its row's error, with its line, beside the other rows' errors", async () => {
    const { agency, c } = await adminOfNewAgency();
    const res = await c.post("/kelola/unit", {
      _intent: "import",
      file: csv('name,kind\nDinas Kesehatan,OPD\n=HYPERLINK("http://evil","klik"),OPD\n,Puskesmas\n"=1+2",OPD\nDinas Sosial,@SUM(A1)\nDinas Pendidikan,OPD\n'),
    });
    expect(res.status).toBe(400);
    const html = await pageText(res);
    expect(html).not.toContain("Berkas bukan CSV teks");
    expect(html).toContain("Baris 3: Sel tidak boleh diawali =, +, - atau @");
    expect(html).toContain("Baris 4: name: Wajib diisi.");
    expect(html).toContain("Baris 5: Sel tidak boleh diawali");
    expect(html).toContain("Baris 6: Sel tidak boleh diawali");
    expect(html).not.toContain("Baris 7");
    expect(await namesOf(agency.id)).toEqual([]);
  });

  it("collapses a quoted line break inside a name into a space", async () => {
    const { agency, c } = await adminOfNewAgency();
    const res = await c.post("/kelola/unit", { _intent: "import", file: csv('name,kind\r\n"Puskesmas\r\nSokaraja",Puskesmas\r\nDinas Kesehatan,OPD\r\n') });
    expect(await pageText(res)).toContain("2 baris diimpor");
    expect(await namesOf(agency.id)).toEqual(["Dinas Kesehatan", "Puskesmas Sokaraja"]);
  });

  it("says an empty file is empty, takes tabs as it takes semicolons, and names the Indonesian titles", async () => {
    const { agency, c } = await adminOfNewAgency();
    for (const text of ["", "\uFEFF", "  \n\n", "nama,jenis\n"]) {
      const res = await c.post("/kelola/unit", { _intent: "import", file: csv(text) });
      expect(res.status, JSON.stringify(text)).toBe(400);
      const html = await pageText(res);
      expect(html, JSON.stringify(text)).toContain("Berkas kosong.");
      expect(html).not.toContain("Wajib diisi.");
    }
    // No file chosen at all is still a missing field.
    expect(await pageText(await c.post("/kelola/unit", { _intent: "import", file: new File([], "") }))).toContain("Wajib diisi.");

    const tabs = await c.post("/kelola/unit", { _intent: "import", file: csv("nama\tjenis\nDinas Kesehatan, Pengendalian Penduduk\tOPD\nPuskesmas Ajibarang\tPuskesmas\n") });
    expect(await pageText(tabs)).toContain("2 baris diimpor");
    expect(await namesOf(agency.id)).toEqual(["Dinas Kesehatan, Pengendalian Penduduk", "Puskesmas Ajibarang"]);

    const header = await pageText(await c.post("/kelola/unit", { _intent: "import", file: csv("unit\ttipe\nX\tY\n") }));
    expect(header).toContain("Judul kolom harus: name,kind (atau nama,jenis).");
  });

  it("offers a sample file that the import takes as it is", async () => {
    const { agency, c } = await adminOfNewAgency();
    const page = await pageText(await c.get("/kelola/unit"));
    const href = page.match(/href="([^"]*contoh-unit\.csv)"/)?.[1];
    expect(href).toBeTruthy();
    const sample = await c.get(href!);
    expect(sample.status).toBe(200);
    expect(sample.headers.get("content-type")).toContain("text/csv");
    const text = await sample.text();
    expect(text.replace("\uFEFF", "").split("\r\n")[0]).toBe("nama,jenis");
    const res = await c.post("/kelola/unit", { _intent: "import", file: csv(text) });
    expect(await pageText(res)).toContain("2 baris diimpor");
    expect(await namesOf(agency.id)).toHaveLength(2);
  });
});
