// Field verification through the app: the secretariat sees every entrant's team, warned when a
// team lacks a panelist or an evaluator, and sets the visit date; a team member writes the
// report (checklist, testimonies, photos checked by their bytes, the decision with a reason
// when not verified) and submits it, which locks it; the secretariat reads and may reopen it;
// anyone outside the team is told the report is not there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import { fileOf, PNG_1PX } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { assignments, auditLog, competitions, fieldVisitPhotos, fieldVisits, heldUploads, proposals, stageDecisions } from "../app/db/schema";
import type { CompetitionConfig } from "../app/modules/competitions/config";
import { competitionById } from "../app/modules/competitions/queries.server";

const DAY = 86_400_000;
const SLUG = "kipp-lapangan";
const STAGE = "verifikasi-lapangan";
const BEFORE = "presentasi";
const VISITS = `/kelola/kompetisi/${SLUG}/tahap/${STAGE}/verifikasi`;
const report = (proposalId: number) => `/kelola/verifikasi/${SLUG}/${STAGE}/${proposalId}`;

let database: Database;
let competitionId = 0;
const ids: Record<string, number> = {};
const clients: Record<string, Client> = {};

const html = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "").replaceAll("&quot;", '"');

/** Open the field-verification stage now (and move the plenary after it). */
async function openStage() {
  const c = (await competitionById(database.db, competitionId))!;
  const config: CompetitionConfig = structuredClone(c.config);
  const s = config.stages.find((x) => x.code === STAGE)!;
  s.opensAt = new Date(Date.now() - DAY).toISOString();
  s.closesAt = new Date(Date.now() + 20 * DAY).toISOString();
  const plenary = config.stages.find((x) => x.kind === "decision")!;
  plenary.opensAt = new Date(Date.now() + 21 * DAY).toISOString();
  plenary.closesAt = new Date(Date.now() + 30 * DAY).toISOString();
  await database.db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));
}

/** A complete report as the form sends it. */
function fullReport(extra: Record<string, string | string[] | Blob> = {}) {
  return {
    _intent: "submit",
    "check[]": ["berjalan", "sasaran", "warga"],
    notes: "Kami mengunjungi puskesmas dan melihat antrean daring berjalan.",
    "testimonies.0.name": "Ibu Sari",
    "testimonies.0.relation": "Pengguna layanan",
    "testimonies.0.text": "Sekarang tidak perlu antre sejak subuh.",
    "testimonies.1.name": "",
    "testimonies.1.relation": "",
    "testimonies.1.text": "",
    verified: "yes",
    reason: "",
    ...extra,
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  competitionId = (await createCompetition(db, { slug: SLUG, state: "announced", registrationClosesInDays: -90 })).id;
  await openStage();

  const agency = await createAgency(db, { name: "Dinas Kesehatan Uji Lapangan" });
  for (const key of ["lengkap", "kurang"]) {
    const innovation = await createInnovation(db, { agencyId: agency.id, name: `Inovasi ${key}` });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", receiptNumber: `KIPP-LAP-${key}`, submittedAt: new Date(), screening: "passed" })
      .returning();
    ids[key] = p.id;
  }
  await db.insert(stageDecisions).values(["lengkap", "kurang"].map((k) => ({ competitionId, stageCode: BEFORE, proposalId: ids[k], advances: true, proposed: true })));

  const users = {
    admin: await createTestUser(db, { role: "national_admin" }),
    panelist: await createTestUser(db, { role: "panelist", name: "Panelis Lapangan" }),
    evaluator: await createTestUser(db, { role: "evaluator", name: "Evaluator Lapangan" }),
    evaluator2: await createTestUser(db, { role: "evaluator", name: "Evaluator Kedua" }),
    stranger: await createTestUser(db, { role: "evaluator" }),
    agencyAdmin: await createTestUser(db, { role: "agency_admin", agencyId: agency.id }),
  };
  for (const [key, u] of Object.entries(users)) {
    clients[key] = newClient();
    await clients[key].login(u.email, u.password);
    ids[key] = u.id;
  }
  // "lengkap" has a panelist and an evaluator; "kurang" has an evaluator only.
  await db.insert(assignments).values([
    { competitionId, stageCode: STAGE, proposalId: ids.lengkap, judgeId: users.panelist.id },
    { competitionId, stageCode: STAGE, proposalId: ids.lengkap, judgeId: users.evaluator.id },
    { competitionId, stageCode: STAGE, proposalId: ids.kurang, judgeId: users.evaluator2.id },
  ]);
});
afterAll(async () => database?.close());

const visitOf = async (key: string) =>
  (await database.db.select().from(fieldVisits).where(and(eq(fieldVisits.competitionId, competitionId), eq(fieldVisits.proposalId, ids[key]))))[0];

describe("the secretariat's field visits", () => {
  it("lists every entrant's team and warns of a team without a panelist", async () => {
    const page = await html(await clients.admin.get(VISITS));
    expect(page).toContain("Proposal lengkap");
    expect(page).toContain("Proposal kurang");
    expect(page).toContain("Panelis Lapangan");
    expect(page).toContain("Evaluator Kedua");
    expect(page.match(/Tim belum memiliki anggota Tim Panel Independen/g)).toHaveLength(1);
    expect(page).not.toContain("Tim belum memiliki anggota Tim Evaluasi");
    expect(page).toContain("1 tim belum memenuhi syarat");
    expect((await clients.admin.get(`/kelola/kompetisi/${SLUG}/tahap/evaluasi/verifikasi`)).status).toBe(404);
    expect((await clients.panelist.get(VISITS)).status).toBe(403);
  });

  it("sets the visit date, refusing a date that does not exist", async () => {
    const bad = await clients.admin.post(VISITS, { _intent: "date", proposal: String(ids.lengkap), visitDate: "2026-02-30" });
    expect(bad.status).toBe(400);
    expect(await html(bad)).toContain("Isi tanggal yang ada");
    const ok = await clients.admin.post(VISITS, { _intent: "date", proposal: String(ids.lengkap), visitDate: "2026-08-20" });
    expect(ok.status).toBe(302);
    expect((await visitOf("lengkap")).visitDate).toBe("2026-08-20");
    expect(await html(await clients.admin.get(VISITS))).toContain('value="2026-08-20"');
  });
});

describe("the team's report", () => {
  it("is the team's alone (and the secretariat's to read)", async () => {
    expect((await clients.stranger.get(report(ids.lengkap))).status).toBe(404);
    expect((await clients.stranger.post(report(ids.lengkap), fullReport())).status).toBe(404);
    expect((await clients.agencyAdmin.get(report(ids.lengkap))).status).toBe(404);
    expect((await clients.evaluator2.get(report(ids.lengkap))).status).toBe(404);
    const page = await html(await clients.evaluator.get(report(ids.lengkap)));
    expect(page).toContain("Laporan verifikasi lapangan: Proposal lengkap");
    expect(page).toContain("Inovasi berjalan seperti yang diuraikan dalam proposal");
    expect(page).toContain('name="testimonies.0.name"');
    expect((await clients.admin.get(report(ids.lengkap))).status).toBe(200);
    expect((await clients.admin.post(report(ids.lengkap), fullReport())).status).toBe(403);
  });

  it("refuses 'not verified' without a reason, keeping what was typed", async () => {
    const res = await clients.evaluator.post(report(ids.lengkap), fullReport({ verified: "no", reason: "" }));
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("Tulis alasan bila inovasi tidak terverifikasi");
    expect(page).toContain('href="#f-reason"');
    expect(page).toContain("Sekarang tidak perlu antre sejak subuh.");
    expect(page).toContain("Kami mengunjungi puskesmas");
    expect((await visitOf("lengkap")).submittedAt).toBeNull();
  });

  it("refuses a testimony row without a name, and a report without any testimony", async () => {
    const noName = await clients.evaluator.post(report(ids.lengkap), fullReport({ "testimonies.0.name": "" }));
    expect(noName.status).toBe(400);
    expect(await html(noName)).toContain('href="#f-testimonies-0-name"');
    const none = await clients.evaluator.post(report(ids.lengkap), fullReport({ "testimonies.0.name": "", "testimonies.0.relation": "", "testimonies.0.text": "" }));
    expect(none.status).toBe(400);
    expect(await html(none)).toContain("Isi paling sedikit satu kesaksian warga");
  });

  it("refuses a fake photo by its content", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fullReport())) (Array.isArray(v) ? v : [v]).forEach((x) => form.append(k, x));
    form.append("photos", fileOf(Buffer.from("ini bukan gambar, hanya teks"), "foto.png", "image/png"));
    const res = await clients.evaluator.post(report(ids.lengkap), form);
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("Jenis berkas tidak diterima (foto.png)");
    expect(page).toContain("Ibu Sari");
    expect(await database.db.select().from(fieldVisitPhotos)).toHaveLength(0);
    expect((await visitOf("lengkap")).submittedAt).toBeNull();
  });

  it("keeps the photo of a refused report for its sender, and takes it when the report comes back", async () => {
    // Refused for a missing reason: the photo waits, named by a token in the re-shown form.
    const first = new FormData();
    for (const [k, v] of Object.entries(fullReport({ verified: "no", reason: "" }))) (Array.isArray(v) ? v : [v]).forEach((x) => first.append(k, x));
    first.append("photos", fileOf(PNG_1PX, "antrean.png", "image/png"));
    const refused = await clients.evaluator.post(report(ids.lengkap), first);
    expect(refused.status).toBe(400);
    const shown = await html(refused);
    expect(shown).toContain("Berkas yang sudah Anda pilih");
    expect(shown).toContain("antrean.png (1 kB)");
    const token = /name="_held"[^>]*value="([\w-]{22})"/.exec(shown)?.[1];
    expect(token).toBeDefined();
    expect(await database.db.select().from(fieldVisitPhotos)).toHaveLength(0);
    expect(await database.db.select().from(heldUploads)).toHaveLength(1);

    // Another member of the team cannot use the token: it is not theirs.
    const theirs = await clients.panelist.post(report(ids.lengkap), fullReport({ verified: "no", reason: "", _held: token! }));
    expect(theirs.status).toBe(400);
    expect(await html(theirs)).not.toContain("antrean.png");

    // Sent again with the token and no file chosen: the photo is stored, and no longer held.
    const res = await clients.evaluator.post(report(ids.lengkap), fullReport({ _held: token! }));
    expect(res.status).toBe(302);
    expect(await database.db.select().from(heldUploads)).toHaveLength(0);
    const visit = await visitOf("lengkap");
    expect(visit.submittedAt).not.toBeNull();
    expect(visit.submittedBy).toBe(ids.evaluator);
    expect(visit.verified).toBe(true);
    expect(visit.visitDate).toBe("2026-08-20");
    expect(visit.checklist).toMatchObject({ berjalan: true, sasaran: true, warga: true, bukti: false });
    expect(visit.testimonies).toEqual([{ name: "Ibu Sari", relation: "Pengguna layanan", text: "Sekarang tidak perlu antre sejak subuh." }]);
    const photos = await database.db.select().from(fieldVisitPhotos).where(eq(fieldVisitPhotos.visitId, visit.id));
    expect(photos).toHaveLength(1);
    expect(photos[0].mime).toBe("image/png");

    // The other member reads it, with the photo; it is locked for them too.
    const page = await html(await clients.panelist.get(report(ids.lengkap)));
    expect(page).toContain("terkunci");
    expect(page).toContain(`?foto=${photos[0].id}`);
    expect(page).toContain("Ibu Sari");
    const photo = await clients.panelist.get(`${report(ids.lengkap)}?foto=${photos[0].id}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG_1PX)).toBe(true);
    expect((await clients.stranger.get(`${report(ids.lengkap)}?foto=${photos[0].id}`)).status).toBe(404);
    expect((await clients.panelist.get(`${report(ids.lengkap)}?foto=999999`)).status).toBe(404);

    const again = await clients.panelist.post(report(ids.lengkap), fullReport({ _intent: "save" }));
    expect(again.status).toBe(409);
    expect(await html(again)).toContain("sudah dikirim dan terkunci");
    expect(await html(await clients.admin.get(VISITS))).toContain("Dikirim: terverifikasi");
    // The secretariat reads the submitted report, and may reopen it.
    const read = await html(await clients.admin.get(report(ids.lengkap)));
    expect(read).toContain("Sekarang tidak perlu antre sejak subuh.");
    expect(read).toContain("Ya — Inovasi berjalan seperti yang diuraikan dalam proposal");
    expect(read).toContain("Tidak — Bukti dukung sesuai");
    expect(read).toContain('name="reopenReason"');
  });

  it("is reopened by the secretariat with a reason, audited", async () => {
    const missing = await clients.admin.post(report(ids.lengkap), { _intent: "reopen", reopenReason: " " });
    expect(missing.status).toBe(400);
    expect(await html(missing)).toContain("Tulis alasan membuka kembali laporan");
    const res = await clients.admin.post(report(ids.lengkap), { _intent: "reopen", reopenReason: "Kesaksian kedua belum dicatat." });
    expect(res.status).toBe(302);
    const visit = await visitOf("lengkap");
    expect(visit.submittedAt).toBeNull();
    expect(visit.reopenedAt).not.toBeNull();
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "fieldReport.reopen"));
    expect(audit.data).toMatchObject({ reason: "Kesaksian kedua belum dicatat." });
    // The team may write again.
    const saved = await clients.panelist.post(report(ids.lengkap), fullReport({ _intent: "save", "testimonies.1.name": "Pak Budi", "testimonies.1.relation": "Kader posyandu", "testimonies.1.text": "Data balita kini lengkap." }));
    expect(saved.status).toBe(302);
    expect((await visitOf("lengkap")).testimonies).toHaveLength(2);
    const [photo] = await database.db.select().from(fieldVisitPhotos);
    const removed = await clients.panelist.post(report(ids.lengkap), fullReport({ _intent: `removePhoto:${photo.id}` }));
    expect(removed.status).toBe(302);
    expect(await database.db.select().from(fieldVisitPhotos)).toHaveLength(0);
  });
});
