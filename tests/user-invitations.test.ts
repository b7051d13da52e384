// Inviting people on /kelola/pengguna: an operator of an agency with units is invited into one
// (else it would work on every unit's entries), the form chooses no role for the inviter, an
// invitation still pending is sent again with a fresh link, and the page's ids are unique.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, isNull } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { outbox, units, users, userTokens } from "../app/db/schema";
import { hashToken } from "../app/modules/accounts/tokens.server";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
});
afterAll(async () => database?.close());

const userByEmail = async (email: string) => (await database.db.select().from(users).where(eq(users.email, email)))[0];
const linkIn = (html: string) => html.match(/id="invite-link"[^>]*value="[^"]*\/undangan\/([A-Za-z0-9_-]+)"/)?.[1] ?? null;
/** Every id="…" of a page that appears more than once. */
const duplicateIds = (html: string) => {
  const seen = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
};

async function agencyWithUnits() {
  const agency = await createAgency(database.db);
  const [dinkes, dindik] = await database.db
    .insert(units)
    .values([
      { agencyId: agency.id, name: "Dinas Kesehatan" },
      { agencyId: agency.id, name: "Dinas Pendidikan" },
    ])
    .returning();
  const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
  const c = newClient();
  await c.login(admin.email, admin.password);
  return { agency, dinkes, dindik, admin, c };
}

describe("inviting an operator into an agency with units", () => {
  it("requires the unit, naming the field in the reader's language, and says so on the form", async () => {
    const { dinkes, c } = await agencyWithUnits();
    const form = await pageText(await c.get("/kelola/pengguna"));
    expect(form).toContain("wajib untuk Operator Unit");

    const refused = await c.post("/kelola/pengguna", { name: "Operator Tanpa Unit", email: "tanpa.unit@uji.go.id", role: "unit_operator", unitId: "" });
    expect(refused.status).toBe(400);
    const html = await pageText(refused);
    expect(html).toContain("Pilih unit operator ini");
    expect(html).toContain('href="#f-unitId"');
    expect(await userByEmail("tanpa.unit@uji.go.id")).toBeUndefined();

    await c.post("/preferensi", { lang: "en" });
    const english = await pageText(await c.post("/kelola/pengguna", { name: "Operator Tanpa Unit", email: "tanpa.unit@uji.go.id", role: "unit_operator" }));
    expect(english).toContain("Choose this operator&#x27;s unit");
    await c.post("/preferensi", { lang: "id" });

    const placed = await c.post("/kelola/pengguna", { name: "Operator Dinkes", email: "op.dinkes@uji.go.id", role: "unit_operator", unitId: String(dinkes.id) });
    expect(placed.status).toBe(200);
    expect((await userByEmail("op.dinkes@uji.go.id")).unitId).toBe(dinkes.id);
    // Other roles of the agency are not placed in a unit, and need none.
    expect((await c.post("/kelola/pengguna", { name: "Kepala Baru", email: "kepala.unit@uji.go.id", role: "agency_head" })).status).toBe(200);
  });

  it("still invites an operator of an agency without units agency-wide", async () => {
    const agency = await createAgency(database.db);
    const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    const c = newClient();
    await c.login(admin.email, admin.password);
    expect((await c.post("/kelola/pengguna", { name: "Operator Satu", email: "op.satu@uji.go.id", role: "unit_operator" })).status).toBe(200);
    expect((await userByEmail("op.satu@uji.go.id")).unitId).toBeNull();
  });

  it("brings the chosen agency's units to the secretariat's form when its operator needs one", async () => {
    const { agency, dindik } = await agencyWithUnits();
    const secretariat = await createTestUser(database.db, { role: "national_admin" });
    const c = newClient();
    await c.login(secretariat.email, secretariat.password);
    const fields = { name: "Operator Pusat", email: "op.pusat@uji.go.id", role: "unit_operator", agencyId: String(agency.id) };
    const refused = await c.post("/kelola/pengguna", fields);
    expect(refused.status).toBe(400);
    const html = await pageText(refused);
    expect(html).toContain("Pilih unit operator ini");
    expect(html).toContain(`<option value="${dindik.id}">Dinas Pendidikan</option>`);
    expect((await c.post("/kelola/pengguna", { ...fields, unitId: String(dindik.id) })).status).toBe(200);
    expect((await userByEmail("op.pusat@uji.go.id")).unitId).toBe(dindik.id);
  });

  it("flags an operator left without a unit, and keeps it from being taken out of its unit", async () => {
    const { agency, dinkes, c } = await agencyWithUnits();
    const unplaced = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, name: "Operator Lama" });
    const placed = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, unitId: dinkes.id, name: "Operator Dinkes Lama" });
    const row = (html: string, name: string) => html.split("<tr").find((r) => r.includes(name)) ?? "";
    const list = await pageText(await c.get("/kelola/pengguna"));
    expect(row(list, "Operator Lama")).toContain("Belum ditempatkan");
    expect(row(list, "Operator Lama")).toContain(`?ubah=${unplaced.id}`);
    expect(row(list, "Operator Dinkes Lama")).not.toContain("Belum ditempatkan");

    const out = await c.post(`/kelola/pengguna?ubah=${placed.id}`, { _intent: "setUnit", userId: String(placed.id), unitId: "" });
    expect(out.status).toBe(400);
    const html = await pageText(out);
    expect(html).toContain("Pilih unit operator ini");
    // The summary's link reaches the placement form's own field.
    expect(html).toContain('href="#f-place-unitId"');
    expect((await userByEmail(placed.email)).unitId).toBe(dinkes.id);
  });
});

describe("the invitation form's role", () => {
  it("starts with no role chosen, and answers a blank or unknown role with a field error", async () => {
    const { c } = await agencyWithUnits();
    const form = await pageText(await c.get("/kelola/pengguna"));
    const select = form.slice(form.indexOf('<select id="f-role"'), form.indexOf("</select>", form.indexOf('<select id="f-role"')));
    expect(select).toContain('<option value="" selected="">Pilih peran</option>');
    expect(select).not.toMatch(/value="agency_admin" selected/);
    for (const role of ["", "raja"]) {
      const res = await c.post("/kelola/pengguna", { name: "Tanpa Peran", email: "tanpa.peran@uji.go.id", role });
      expect(res.status, role).toBe(400);
      const html = await pageText(res);
      expect(html).toContain('href="#f-role"');
      expect(html).toContain(role ? "Pilih salah satu pilihan yang tersedia" : "Pilih peran pengguna ini");
    }
    // No role field at all (a tampered form) is the same field error.
    expect((await c.post("/kelola/pengguna", { name: "Tanpa Peran", email: "tanpa.peran@uji.go.id" })).status).toBe(400);
  });
});

describe("inviting an address again", () => {
  it("sends a pending invitation of the own agency again, with a fresh link that ends the old one", async () => {
    const { dinkes, c } = await agencyWithUnits();
    const fields = { name: "Bu Lupa", email: "bu.lupa@uji.go.id", role: "unit_operator", unitId: String(dinkes.id) };
    const first = linkIn(await pageText(await c.post("/kelola/pengguna", fields)));
    expect(first).toBeTruthy();
    const again = await c.post("/kelola/pengguna", fields);
    expect(again.status).toBe(200);
    const html = await pageText(again);
    expect(html).toContain("bu.lupa@uji.go.id belum menerima undangannya");
    expect(html).not.toContain("sudah punya akun");
    const second = linkIn(html);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    // One account, its old link ended, the new one working; the mail carries the new link.
    expect(await database.db.select().from(users).where(eq(users.email, "bu.lupa@uji.go.id"))).toHaveLength(1);
    const live = await database.db
      .select({ hash: userTokens.tokenHash })
      .from(userTokens)
      .innerJoin(users, eq(users.id, userTokens.userId))
      .where(and(eq(users.email, "bu.lupa@uji.go.id"), isNull(userTokens.usedAt)));
    const pageFor = async (tok: string) => pageText(await newClient().get(`/undangan/${tok}`));
    expect(await pageFor(first!)).toContain("Tautan ini tidak berlaku lagi");
    expect(await pageFor(second!)).toContain("Bu Lupa");
    expect(await pageFor(second!)).not.toContain("Tautan ini tidak berlaku lagi");
    const valid = await database.db.select({ hash: userTokens.tokenHash, expiresAt: userTokens.expiresAt }).from(userTokens);
    const expiry = (tok: string) => valid.find((v) => v.hash === hashToken(tok))!.expiresAt.getTime();
    expect(expiry(first!)).toBeLessThanOrEqual(Date.now());
    expect(expiry(second!)).toBeGreaterThan(Date.now());
    expect(live.map((l) => l.hash)).toContain(hashToken(second!));
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, "bu.lupa@uji.go.id")).orderBy(desc(outbox.id)).limit(1);
    expect(mail.bodyText).toContain(second!);
  });

  it("answers an address of another agency, the secretariat or an accepted account as taken, in the same words", async () => {
    const { c } = await agencyWithUnits();
    const other = await createAgency(database.db);
    const pendingElsewhere = await createTestUser(database.db, { role: "unit_operator", agencyId: other.id });
    await database.db.update(users).set({ passwordHash: null }).where(eq(users.id, pendingElsewhere.id));
    const pendingSecretariat = await createTestUser(database.db, { role: "national_admin" });
    await database.db.update(users).set({ passwordHash: null }).where(eq(users.id, pendingSecretariat.id));
    const active = await createTestUser(database.db, { role: "unit_operator", agencyId: other.id });
    const answers: string[] = [];
    for (const email of [pendingElsewhere.email, pendingSecretariat.email, active.email]) {
      const res = await c.post("/kelola/pengguna", { name: "Siapa Saja", email, role: "agency_head" });
      expect(res.status, email).toBe(409);
      const html = await pageText(res);
      const summary = html.slice(html.indexOf('class="error-summary"'), html.indexOf("</ul>", html.indexOf('class="error-summary"')));
      expect(summary).toContain("Email ini sudah punya akun.");
      expect(html).not.toContain(other.name);
      answers.push(summary.replace(/id="[^"]*"|aria-labelledby="[^"]*"/g, ""));
    }
    expect(new Set(answers).size).toBe(1);
    expect(await database.db.select().from(userTokens).where(eq(userTokens.userId, pendingElsewhere.id))).toHaveLength(0);
  });
});

describe("the users page's ids", () => {
  it("gives the placement form and the invitation form each their own ids", async () => {
    const { agency, dinkes, c } = await agencyWithUnits();
    const operator = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, unitId: dinkes.id });
    const page = await pageText(await c.get(`/kelola/pengguna?ubah=${operator.id}`));
    expect(page).toContain('id="f-place-unitId"');
    expect(page).toContain('for="f-place-unitId"');
    expect(duplicateIds(page)).toEqual([]);
    // With both forms' errors shown (a refused placement), still none twice.
    const refused = await pageText(await c.post(`/kelola/pengguna?ubah=${operator.id}`, { _intent: "setUnit", userId: String(operator.id), unitId: "" }));
    expect(refused).toContain('href="#f-place-unitId"');
    expect(duplicateIds(refused)).toEqual([]);
  });
});
