// The unit field of /kelola/pengguna in an agency with many units (a province's schools and
// health centres): a search by name narrows the select instead of one list of them all, works as
// a plain GET without JavaScript and keeps what was typed in the rest of the invitation form; the
// chosen unit is still posted by id and checked against the agency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { units, users } from "../app/db/schema";
import { UNIT_SELECT_MAX } from "../app/modules/accounts/unit-choices";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
});
afterAll(async () => database?.close());

const userByEmail = async (email: string) => (await database.db.select().from(users).where(eq(users.email, email)))[0];
/** The options of the select named `name` on a page, as value → label. */
const optionsOf = (html: string, id: string) => {
  const select = html.match(new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? "";
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].filter((m) => m[1] !== "").map((m) => ({ id: Number(m[1]), name: m[2] }));
};

const SCHOOLS = UNIT_SELECT_MAX + 5;

/** An agency with more units than one select lists: many schools, three health centres, two offices. */
async function bigAgency() {
  const agency = await createAgency(database.db);
  const rows = await database.db
    .insert(units)
    .values([
      ...Array.from({ length: SCHOOLS }, (_, i) => ({ agencyId: agency.id, name: `SD Negeri ${String(i + 1).padStart(2, "0")} Sokaraja` })),
      { agencyId: agency.id, name: "Puskesmas Kembaran I" },
      { agencyId: agency.id, name: "Puskesmas Kembaran II" },
      { agencyId: agency.id, name: "Puskesmas Baturraden" },
      { agencyId: agency.id, name: "Dinas Kesehatan" },
      { agencyId: agency.id, name: "Dinas Pendidikan" },
    ])
    .returning();
  const byName = (name: string) => rows.find((r) => r.name === name)!;
  const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
  const c = newClient();
  await c.login(admin.email, admin.password);
  return { agency, rows, byName, admin, c };
}

/** The invitation form's unit search, as its button sends it. */
const search = (c: Client, fields: Record<string, string>) => c.post("/kelola/pengguna", { _intent: "findUnit", ...fields });

describe("the invitation form of an agency with many units", () => {
  it("shows a search by name instead of every unit, and the plain list to a small agency", async () => {
    const { rows, c } = await bigAgency();
    const page = await pageText(await c.get("/kelola/pengguna"));
    expect(page).toContain('name="cariUnit"');
    expect(page).toContain(`punya ${rows.length} unit`);
    // No unit is listed before a search: the select asks for one first.
    expect(optionsOf(page, "f-unitId")).toEqual([]);
    expect(page).not.toContain("Puskesmas Kembaran I");
    expect(page).toContain("Cari unitnya dulu");

    const small = await createAgency(database.db);
    const [unit] = await database.db.insert(units).values({ agencyId: small.id, name: "Bagian Umum" }).returning();
    const smallAdmin = await createTestUser(database.db, { role: "agency_admin", agencyId: small.id });
    const s = newClient();
    await s.login(smallAdmin.email, smallAdmin.password);
    const plain = await pageText(await s.get("/kelola/pengguna"));
    expect(plain).not.toContain('name="cariUnit"');
    expect(optionsOf(plain, "f-unitId")).toEqual([{ id: unit.id, name: "Bagian Umum" }]);
  });

  it("finds units by part of the name whatever its case, keeping what was typed in the form", async () => {
    const { byName, c } = await bigAgency();
    // What the form's search button sends: the whole form, posted with its own intent, so that
    // the name and email typed never go into an address.
    const res = await search(c, { name: "Budi Santoso", email: "budi.cari@uji.go.id", role: "unit_operator", unitId: "", cariUnit: "kembaran" });
    expect(res.status).toBe(200);
    const page = await pageText(res);
    expect(optionsOf(page, "f-unitId").map((o) => o.name)).toEqual(["Puskesmas Kembaran I", "Puskesmas Kembaran II"]);
    expect(page).toContain("2 unit cocok dengan “kembaran”");
    expect(page).toContain('value="Budi Santoso"');
    expect(page).toContain('value="budi.cari@uji.go.id"');
    expect(page).toMatch(/<option value="unit_operator" selected="">/);
    expect(page).toMatch(/id="f-cariUnit"[^>]*value="kembaran"/);

    // Upper case finds the same; a unit already chosen stays a choice while another is searched.
    const upper = await pageText(await search(c, { cariUnit: "PUSKESMAS BATUR", unitId: String(byName("Dinas Kesehatan").id) }));
    expect(optionsOf(upper, "f-unitId").map((o) => o.name)).toEqual(["Dinas Kesehatan", "Puskesmas Baturraden"]);

    // The chosen unit is posted by id.
    const sent = await c.post("/kelola/pengguna", { name: "Budi Santoso", email: "budi.cari@uji.go.id", role: "unit_operator", unitId: String(byName("Puskesmas Kembaran II").id), cariUnit: "kembaran" });
    expect(sent.status).toBe(200);
    expect((await userByEmail("budi.cari@uji.go.id")).unitId).toBe(byName("Puskesmas Kembaran II").id);
  });

  it("lists at most the first matches of a wide search and says the list is cut", async () => {
    const { c } = await bigAgency();
    const page = await pageText(await search(c, { cariUnit: "sd negeri" }));
    const shown = optionsOf(page, "f-unitId");
    expect(shown).toHaveLength(UNIT_SELECT_MAX);
    expect(shown[0].name).toBe("SD Negeri 01 Sokaraja");
    expect(page).toContain(`${SCHOOLS} unit cocok dengan “sd negeri”`);
    expect(page).toContain(`hanya ${UNIT_SELECT_MAX} unit pertama`);

    // A LIKE wildcard typed is searched for as itself; nothing matches and the form says so.
    const none = await pageText(await search(c, { cariUnit: "%" }));
    expect(optionsOf(none, "f-unitId")).toEqual([]);
    expect(none).toContain("Tidak ada unit yang namanya memuat “%”");

    await c.post("/preferensi", { lang: "en" });
    const english = await pageText(await search(c, { cariUnit: "sd negeri" }));
    expect(english).toContain(`${SCHOOLS} units match “sd negeri”. The list shows only the first ${UNIT_SELECT_MAX}`);
  });

  it("refuses a unit of another agency with a field error, the search kept", async () => {
    const { c } = await bigAgency();
    const other = await bigAgency();
    const foreign = other.byName("Puskesmas Kembaran I");
    const res = await c.post("/kelola/pengguna", { name: "Operator Salah", email: "op.salah@uji.go.id", role: "unit_operator", unitId: String(foreign.id), cariUnit: "kembaran" });
    expect(res.status).toBe(400);
    const html = await pageText(res);
    expect(html).toContain("Unit ini bukan milik instansi tersebut.");
    expect(html).toContain('href="#f-unitId"');
    expect(html).toMatch(/id="f-unitId-error"/);
    // The form comes back searched as it was sent, with this agency's matches only.
    const shown = optionsOf(html, "f-unitId");
    expect(shown.map((o) => o.name)).toEqual(["Puskesmas Kembaran I", "Puskesmas Kembaran II"]);
    expect(shown.some((o) => o.id === foreign.id)).toBe(false);
    expect(await userByEmail("op.salah@uji.go.id")).toBeUndefined();
  });

  it("gives the secretariat the search for the agency it chose", async () => {
    const { agency, byName } = await bigAgency();
    const secretariat = await createTestUser(database.db, { role: "national_admin" });
    const c = newClient();
    await c.login(secretariat.email, secretariat.password);
    const fields = { name: "Operator Pusat Besar", email: "op.pusat.besar@uji.go.id", role: "unit_operator", agencyId: String(agency.id) };
    const refused = await pageText(await c.post("/kelola/pengguna", fields));
    expect(refused).toContain("Pilih unit operator ini");
    expect(refused).toContain('name="cariUnit"');
    expect(optionsOf(refused, "f-unitId")).toEqual([]);
    const searched = await pageText(await search(c, { ...fields, unitId: "", cariUnit: "dinas" }));
    expect(optionsOf(searched, "f-unitId").map((o) => o.name)).toEqual(["Dinas Kesehatan", "Dinas Pendidikan"]);
    expect(searched).toContain('value="Operator Pusat Besar"');
    expect((await c.post("/kelola/pengguna", { ...fields, unitId: String(byName("Dinas Pendidikan").id) })).status).toBe(200);
    expect((await userByEmail("op.pusat.besar@uji.go.id")).unitId).toBe(byName("Dinas Pendidikan").id);
  });
});

describe("placing an operator in a unit of an agency with many units", () => {
  it("searches by name with the present unit kept, and refuses a unit of another agency", async () => {
    const { agency, byName, c } = await bigAgency();
    const operator = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, unitId: byName("Dinas Kesehatan").id, name: "Operator Pindah" });
    const page = await pageText(await c.get(`/kelola/pengguna?ubah=${operator.id}`));
    expect(page).toContain('id="f-place-cariUnitUbah"');
    // Only the present unit, chosen, until a search.
    expect(optionsOf(page, "f-place-unitId").map((o) => o.name)).toEqual(["Dinas Kesehatan"]);
    expect(page).toMatch(new RegExp(`<option value="${byName("Dinas Kesehatan").id}" selected="">`));

    const searched = await pageText(await c.get(`/kelola/pengguna?ubah=${operator.id}&cariUnitUbah=Kembaran%20ii`));
    expect(optionsOf(searched, "f-place-unitId").map((o) => o.name)).toEqual(["Dinas Kesehatan", "Puskesmas Kembaran II"]);
    // The invitation form's own unit list is left as it was.
    expect(optionsOf(searched, "f-unitId")).toEqual([]);

    const moved = await c.post(`/kelola/pengguna?ubah=${operator.id}&cariUnitUbah=Kembaran%20ii`, { _intent: "setUnit", userId: String(operator.id), unitId: String(byName("Puskesmas Kembaran II").id) });
    expect(moved.status).toBe(302);
    expect((await userByEmail(operator.email)).unitId).toBe(byName("Puskesmas Kembaran II").id);

    const other = await createAgency(database.db);
    const [foreign] = await database.db.insert(units).values({ agencyId: other.id, name: "Unit Instansi Lain" }).returning();
    const refused = await c.post(`/kelola/pengguna?ubah=${operator.id}`, { _intent: "setUnit", userId: String(operator.id), unitId: String(foreign.id) });
    expect(refused.status).toBe(400);
    const html = await pageText(refused);
    expect(html).toContain("Unit ini bukan milik instansi tersebut.");
    expect(html).toContain('href="#f-place-unitId"');
    expect((await userByEmail(operator.email)).unitId).toBe(byName("Puskesmas Kembaran II").id);
  });
});
