// Closing the running stage early from the edition's management page: a confirmation first
// (plain forms), then the close, with or without opening the next stage now; registration only
// with a reason, which goes to the agencies with proposals; refused on a stale page and when
// the timetable would overlap; audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client, pageText as text } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { auditLog, competitions, groupInvitations, notifications, outbox, proposals } from "../app/db/schema";
import { stageAt } from "../app/modules/competitions/config-values";

let database: Database;
let admin: Client;
let agencyAdmin: Client;
const people: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  // Registration open (ten days left); screening running (registration closed three days ago);
  // and a draft.
  const open = await createCompetition(db, { slug: "kipp-daftar", state: "announced", registrationClosesInDays: 10 });
  await createCompetition(db, { slug: "kipp-seleksi", state: "announced", registrationClosesInDays: -3 });
  await createCompetition(db, { slug: "kipp-tumpang", state: "announced", registrationClosesInDays: -3 });
  await createCompetition(db, { slug: "kipp-draf-tutup", registrationClosesInDays: 10 });
  // Agency A is writing a proposal (a draft) and agency D was invited to the special group: both
  // must hear of the early close. Agency B withdrew its proposal; agency C has none.
  const [a, b, c] = [await createAgency(db, { name: "Pemkab A" }), await createAgency(db, { name: "Pemkab B" }), await createAgency(db, { name: "Pemkab C" })];
  for (const [agency, state] of [[a, "draft"], [b, "withdrawn"]] as const) {
    const innovation = await createInnovation(db, { agencyId: agency.id });
    await db.insert(proposals).values({ competitionId: open.id, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${agency.name}`, state });
  }
  const adminA = await createTestUser(db, { role: "agency_admin", agencyId: a.id });
  people.adminA = adminA.id;
  people.operatorA = (await createTestUser(db, { role: "unit_operator", agencyId: a.id })).id;
  people.adminB = (await createTestUser(db, { role: "agency_admin", agencyId: b.id })).id;
  people.adminC = (await createTestUser(db, { role: "agency_admin", agencyId: c.id })).id;
  const d = await createAgency(db, { name: "Pemkab D" });
  await db.insert(groupInvitations).values({ competitionId: open.id, groupCode: "khusus", innovationId: (await createInnovation(db, { agencyId: d.id })).id });
  people.adminD = (await createTestUser(db, { role: "agency_admin", agencyId: d.id })).id;
  const secretariat = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(secretariat.email, secretariat.password);
  agencyAdmin = newClient();
  await agencyAdmin.login(adminA.email, adminA.password);
});
afterAll(async () => database?.close());

const row = async (slug: string) => (await database.db.select().from(competitions).where(eq(competitions.slug, slug)))[0];
const page = (slug: string) => `/kelola/kompetisi/${slug}`;
/** The confirmation's form, as a browser posts it. */
const confirm = async (slug: string, over: Record<string, string> = {}) => {
  const r = await row(slug);
  return admin.post(page(slug), { _intent: "closeStage", stage: stageAt(r.config, new Date())!.code, version: String(r.version), confirm: "yes", ...over });
};
const WIB_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

describe("closing registration early", () => {
  it("offers the running stage's close, and asks first what else to do, changing nothing yet", async () => {
    const before = await row("kipp-daftar");
    const shown = await text(await admin.get(page("kipp-daftar")));
    expect(shown).toContain("Tutup tahap sekarang");
    const asked = await admin.post(page("kipp-daftar"), { _intent: "closeStage", stage: "registrasi" });
    expect(asked.status).toBe(200);
    const html = await text(asked);
    expect(html).toContain("Tutup tahap Pendaftaran proposal sekarang?");
    expect(html).toContain("Buka juga tahap berikutnya, Seleksi administrasi, sekarang");
    expect(html).toContain("Semua instansi yang punya proposal di edisi ini akan diberi tahu");
    expect(html).toContain('name="confirm" value="yes"');
    expect(await row("kipp-daftar")).toEqual(before);
  });

  it("requires a reason, since the agencies are cut off from sending", async () => {
    const before = await row("kipp-daftar");
    const res = await confirm("kipp-daftar", { reason: "   " });
    expect(res.status).toBe(400);
    const html = await text(res);
    expect(html).toContain('href="#f-reason"');
    expect(html).toContain("Tuliskan alasan penutupan pendaftaran; alasan ini dikirim kepada instansi.");
    expect((await row("kipp-daftar")).config).toEqual(before.config);
  });

  it("refuses a confirmation from a page older than the last save", async () => {
    const before = await row("kipp-daftar");
    const res = await confirm("kipp-daftar", { reason: "Semua proposal sudah masuk.", version: String(before.version - 1) });
    expect(res.status).toBe(409);
    expect(await text(res)).toContain("Orang lain telah menyimpan perubahan");
    expect((await row("kipp-daftar")).config).toEqual(before.config);
  });

  it("is the secretariat's alone", async () => {
    const before = await row("kipp-daftar");
    const res = await agencyAdmin.post(page("kipp-daftar"), { _intent: "closeStage", stage: "registrasi", version: String(before.version), confirm: "yes", reason: "x" });
    expect(res.status).toBe(403);
    expect((await row("kipp-daftar")).version).toBe(before.version);
  });

  it("closes it now, keeps the next stage's time, tells the agencies with proposals or invitations why, and audits", async () => {
    const before = await row("kipp-daftar");
    const from = Date.now();
    const res = await confirm("kipp-daftar", { reason: "Keputusan Menteri memajukan jadwal." });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/kelola/kompetisi/kipp-daftar?pesan=ditutup");
    const after = await row("kipp-daftar");
    expect(after.version).toBe(before.version + 1);
    const closesAt = after.config.stages[0].closesAt;
    expect(closesAt).toMatch(WIB_SECOND);
    expect(Date.parse(closesAt)).toBeGreaterThanOrEqual(from - 1000);
    expect(Date.parse(closesAt)).toBeLessThanOrEqual(Date.now());
    expect(after.config.stages.slice(1)).toEqual(before.config.stages.slice(1));
    // The deadline has passed: registration is no longer the stage running.
    expect(stageAt(after.config, new Date(Date.parse(closesAt) + 1000))?.code).not.toBe("registrasi");

    const told = await database.db.select({ userId: notifications.userId, vars: notifications.vars }).from(notifications).where(eq(notifications.kind, "competition.registration-closed"));
    expect(told.map((n) => n.userId).sort()).toEqual([people.adminA, people.operatorA, people.adminD].sort());
    expect(told[0].vars).toMatchObject({ competition: before.name, reason: "Keputusan Menteri memajukan jadwal." });
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.kind, "competition.registration-closed"));
    expect(mail.bodyText).toContain("Keputusan Menteri memajukan jadwal.");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "competition.stage.close"), eq(auditLog.subjectId, String(before.id))));
    expect(audit.data).toMatchObject({ stage: "registrasi", closesAt: { from: before.config.stages[0].closesAt, to: closesAt }, reason: "Keputusan Menteri memajukan jadwal." });
    expect(await text(await admin.get(`${page("kipp-daftar")}?pesan=ditutup`))).toContain("Tahap ditutup.");
  });
});

describe("closing another stage", () => {
  it("closes the screening and opens the evaluation now, later stages kept, nobody told", async () => {
    const before = await row("kipp-seleksi");
    expect(stageAt(before.config, new Date())?.code).toBe("seleksi-administrasi");
    const mails = (await database.db.select().from(outbox)).length;
    const res = await confirm("kipp-seleksi", { openNext: "1" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/kelola/kompetisi/kipp-seleksi?pesan=ditutup-dibuka");
    const after = await row("kipp-seleksi");
    const at = after.config.stages[1].closesAt;
    expect(at).toMatch(WIB_SECOND);
    expect(after.config.stages[2].opensAt).toBe(at);
    expect(after.config.stages[2].closesAt).toBe(before.config.stages[2].closesAt);
    expect(after.config.stages.slice(3)).toEqual(before.config.stages.slice(3));
    expect(stageAt(after.config, new Date(Date.parse(at) + 1000))?.code).toBe("evaluasi");
    expect((await database.db.select().from(outbox)).length).toBe(mails);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "competition.stage.close"), eq(auditLog.subjectId, String(before.id))));
    expect(audit.data).toMatchObject({ stage: "seleksi-administrasi", opened: "evaluasi", opensAt: { from: before.config.stages[2].opensAt, to: at }, reason: null });
  });

  it("refuses, naming the stages, when a later stage would overlap (an edition stored before the rule)", async () => {
    const r = await row("kipp-tumpang");
    const stages = structuredClone(r.config.stages);
    stages[3].opensAt = stages[2].opensAt; // the panel opens with the evaluators, not after them
    await database.db.update(competitions).set({ config: { ...r.config, stages } }).where(eq(competitions.id, r.id));
    const before = await row("kipp-tumpang");
    const res = await confirm("kipp-tumpang", { openNext: "1" });
    expect(res.status).toBe(409);
    expect(await text(res)).toContain("Tahap tidak ditutup: Penilaian Tim Panel Independen akan dibuka sebelum Evaluasi proposal (Tim Evaluasi) ditutup");
    expect(await row("kipp-tumpang")).toEqual(before);
  });

  it("refuses a stage that is not the one running, and a draft's stages", async () => {
    const stale = await confirm("kipp-seleksi", { stage: "seleksi-administrasi" });
    expect(stale.status).toBe(409);
    expect(await text(stale)).toContain("Tahap ini tidak sedang berjalan.");
    expect(await text(await admin.get(page("kipp-draf-tutup")))).not.toContain("Tutup tahap sekarang");
    const draft = await confirm("kipp-draf-tutup", { reason: "Uji." });
    expect(draft.status).toBe(409);
    expect((await row("kipp-draf-tutup")).version).toBe(1);
  });
});
