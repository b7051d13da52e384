// The presentation and interview through the app: the secretariat generates consecutive
// 20-minute slots for every entrant, edits one, and notifies the agencies (each mail gives the
// time in the agency's own zone); the agency's Admin Lokal or head confirms until the day before
// and is refused after; another agency sees nothing of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { agencies, assignments, auditLog, outbox, presentationSlots, proposals, stageDecisions } from "../app/db/schema";
import { formatInstant, toZonedInput } from "../app/i18n";

const DAY = 86_400_000;
const MIN = 60_000;
const SLUG = "kipp-presentasi";
const STAGE = "presentasi";
const BEFORE = "penilaian-tpi";
const SCHEDULE = `/kelola/kompetisi/${SLUG}/tahap/${STAGE}/jadwal`;

let database: Database;
let competitionId = 0;
const ids: Record<string, number> = {};
const clients: Record<string, Client> = {};
const emails: Record<string, string> = {};

/** A page's HTML without React's text separators, as a reader sees the words. */
const html = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "").replaceAll("&quot;", '"');

async function regional(type: "kabupaten" | "provinsi", regionCode: string) {
  const [row] = await database.db.select().from(agencies).where(and(eq(agencies.type, type), eq(agencies.regionCode, regionCode)));
  return row ?? createAgency(database.db, { type, regionCode, name: `${type} ${regionCode}` });
}

const slotOf = async (key: string) => (await database.db.select().from(presentationSlots).where(eq(presentationSlots.proposalId, ids[key])))[0];

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  // Registration closed 85 days ago: the interviews (21 July to 15 August in the preset) opened
  // three days ago and run another three weeks, around the slots the tests schedule.
  competitionId = (await createCompetition(db, { slug: SLUG, state: "announced", registrationClosesInDays: -85 })).id;

  // Banyumas keeps WIB, Papua WIT; a ministry (no region) keeps WIB where it sits.
  const banyumas = await regional("kabupaten", "33.02");
  const papua = await regional("provinsi", "91");
  const ministry = await createAgency(db, { type: "kementerian", name: "Kementerian Uji Presentasi" });
  let n = 0;
  for (const [key, agency] of [["banyumas", banyumas], ["papua", papua], ["ministry", ministry]] as const) {
    ids[`agency.${key}`] = agency.id;
    const innovation = await createInnovation(db, { agencyId: agency.id, name: `Inovasi ${key}` });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", receiptNumber: `KIPP-PRES-${++n}`, submittedAt: new Date(), screening: "passed" })
      .returning();
    ids[key] = p.id;
  }
  // A proposal the panel did not let through: not an entrant of the presentation.
  const out = await createInnovation(db, { agencyId: banyumas.id, name: "Inovasi tersisih" });
  ids.out = (await db.insert(proposals).values({ competitionId, innovationId: out.id, agencyId: banyumas.id, groupCode: "umum", categoryCode: "kesehatan", title: "Proposal tersisih", state: "submitted", screening: "passed" }).returning())[0].id;
  await db.insert(stageDecisions).values([
    ...["banyumas", "papua", "ministry"].map((k) => ({ competitionId, stageCode: BEFORE, proposalId: ids[k], advances: true, proposed: true })),
    { competitionId, stageCode: BEFORE, proposalId: ids.out, advances: false, proposed: false },
  ]);

  const users = {
    admin: await createTestUser(db, { role: "national_admin" }),
    papuaAdmin: await createTestUser(db, { role: "agency_admin", agencyId: papua.id, name: "Admin Lokal Papua" }),
    papuaHead: await createTestUser(db, { role: "agency_head", agencyId: papua.id, name: "Kepala Papua" }),
    papuaOperator: await createTestUser(db, { role: "unit_operator", agencyId: papua.id }),
    banyumasAdmin: await createTestUser(db, { role: "agency_admin", agencyId: banyumas.id, name: "Admin Lokal Banyumas" }),
    panelist: await createTestUser(db, { role: "panelist" }),
    otherPanelist: await createTestUser(db, { role: "panelist" }),
  };
  for (const [key, u] of Object.entries(users)) {
    clients[key] = newClient();
    await clients[key].login(u.email, u.password);
    ids[key] = u.id;
    emails[key] = u.email;
  }
  clients.anonymous = newClient();
  await db.insert(assignments).values({ competitionId, stageCode: STAGE, proposalId: ids.papua, judgeId: users.panelist.id });
});
afterAll(async () => database?.close());

describe("the presentation schedule", () => {
  // Ten days ahead at 08.00 WIB, typed as the secretariat (in WIB) types it.
  const day = toZonedInput(new Date(Date.now() + 10 * DAY).toISOString(), "WIB").slice(0, 10);
  const generate = {
    _intent: "generate",
    start: `${day}T08:00`,
    slotMinutes: "20",
    breakMinutes: "0",
    dayEnd: "",
    slotMode: "online",
    pattern: "https://rapat.example.go.id/kipp-{n}",
  };

  it("is the secretariat's, for a presentation stage only", async () => {
    const page = await html(await clients.admin.get(SCHEDULE));
    expect(page).toContain("Proposal papua");
    expect(page).toContain("Proposal banyumas");
    expect(page).not.toContain("Proposal tersisih");
    expect(page).toContain("Belum dijadwalkan");
    expect((await clients.admin.get(`/kelola/kompetisi/${SLUG}/tahap/evaluasi/jadwal`)).status).toBe(404);
    expect((await clients.papuaAdmin.get(SCHEDULE)).status).toBe(403);
    expect((await clients.panelist.post(SCHEDULE, generate)).status).toBe(403);
  });

  it("refuses a link that is not a web address, keeping what was typed", async () => {
    const res = await clients.admin.post(SCHEDULE, { ...generate, pattern: "javascript:alert(1)" });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("isi tautan rapat yang diawali https://");
    expect(page).toContain('value="javascript:alert(1)"');
    expect(await database.db.select().from(presentationSlots)).toHaveLength(0);
  });

  it("keeps the slots inside the stage's dates", async () => {
    const dayOf = (days: number) => toZonedInput(new Date(Date.now() + days * DAY).toISOString(), "WIB").slice(0, 10);
    const early = await clients.admin.post(SCHEDULE, { ...generate, start: `${dayOf(-10)}T08:00` });
    expect(early.status).toBe(400);
    expect(await pageText(early)).toContain("Slot ini dimulai sebelum tahap dibuka");
    const late = await clients.admin.post(SCHEDULE, { ...generate, start: `${dayOf(60)}T08:00` });
    expect(late.status).toBe(400);
    expect(await pageText(late)).toContain("selesai setelah tahap ditutup");
    expect(await database.db.select().from(presentationSlots).where(eq(presentationSlots.competitionId, competitionId))).toHaveLength(0);
  });

  it("generates consecutive 20-minute slots without overlap, the east first", async () => {
    const res = await clients.admin.post(SCHEDULE, generate);
    expect(res.status).toBe(302);
    const slots = await database.db.select().from(presentationSlots).where(eq(presentationSlots.competitionId, competitionId));
    expect(slots).toHaveLength(3);
    const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(sorted[0].startsAt.toISOString()).toBe(new Date(`${day}T08:00:00+07:00`).toISOString());
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      expect(sorted[i].startsAt.getTime() - prev.startsAt.getTime()).toBe(20 * MIN);
      expect(sorted[i].startsAt.getTime()).toBeGreaterThanOrEqual(prev.startsAt.getTime() + prev.minutes * MIN);
    }
    expect(sorted.every((s) => s.minutes === 20 && s.mode === "online" && s.attendance === "pending" && s.notifiedAt === null)).toBe(true);
    // Papua (WIT) presents first: 08.00 WIB is 10.00 in Jayapura.
    expect(sorted[0].proposalId).toBe(ids.papua);
    expect(sorted.map((s) => s.location)).toEqual(["https://rapat.example.go.id/kipp-1", "https://rapat.example.go.id/kipp-2", "https://rapat.example.go.id/kipp-3"]);

    // Everyone has a slot: a second run without "replace" has nothing to do.
    const again = await clients.admin.post(SCHEDULE, generate);
    expect(again.status).toBe(409);
    expect(await html(again)).toContain("Semua peserta sudah memiliki slot");
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "presentation.schedule"));
    expect(audit).toBeTruthy();
  });

  it("edits one slot, refusing a clash in the same link", async () => {
    const papua = await slotOf("papua");
    const banyumas = await slotOf("banyumas");
    const clash = await clients.admin.post(`${SCHEDULE}?ubah=${banyumas.id}`, {
      _intent: "update",
      slot: String(banyumas.id),
      startsAt: toZonedInput(new Date(papua.startsAt.getTime() + 10 * MIN).toISOString(), "WIB").slice(0, 16),
      minutes: "20",
      mode: "online",
      location: papua.location,
    });
    expect(clash.status).toBe(400);
    expect(await html(clash)).toContain("bertabrakan dengan slot lain");

    const page = await html(await clients.admin.get(`${SCHEDULE}?ubah=${banyumas.id}`));
    expect(page).toContain("Ubah slot: Proposal banyumas");
    const moved = await clients.admin.post(`${SCHEDULE}?ubah=${banyumas.id}`, {
      _intent: "update",
      slot: String(banyumas.id),
      startsAt: `${day}T13:00`,
      minutes: "25",
      mode: "room",
      location: "Ruang Rapat Garuda, Gedung KemenPANRB",
    });
    expect(moved.status).toBe(302);
    const after = await slotOf("banyumas");
    expect(after.startsAt.toISOString()).toBe(new Date(`${day}T13:00:00+07:00`).toISOString());
    expect(after).toMatchObject({ minutes: 25, mode: "room", location: "Ruang Rapat Garuda, Gedung KemenPANRB", notifiedAt: null });
  });

  it("notifies each agency's Admin Lokal and head with the time in the agency's zone", async () => {
    const res = await clients.admin.post(SCHEDULE, { _intent: "notify" });
    expect(res.status).toBe(200);
    const page = await html(res);
    // The ministry has nobody to tell yet: reported, left unmarked.
    expect(page).toContain("Kementerian Uji Presentasi");
    const mails = await database.db.select().from(outbox).where(eq(outbox.kind, "presentation-slot"));
    const to = (key: string) => mails.filter((m) => m.toAddress === emails[key]);
    expect(to("papuaAdmin")).toHaveLength(1);
    expect(to("papuaHead")).toHaveLength(1);
    expect(to("papuaOperator")).toHaveLength(0);
    expect(to("banyumasAdmin")).toHaveLength(1);

    const papua = await slotOf("papua");
    const wit = to("papuaHead")[0];
    expect(wit.subject).toContain("Proposal papua");
    expect(wit.bodyText).toContain(formatInstant("id", papua.startsAt, "WIT"));
    expect(wit.bodyText).toContain(formatInstant("en", papua.startsAt, "WIT"));
    expect(wit.bodyText).toMatch(/10[.:]00 WIT/);
    expect(wit.bodyText).not.toContain(" WIB");
    expect(wit.bodyText).toContain("https://rapat.example.go.id/kipp-1");
    expect(wit.bodyText).toContain(`/kelola/presentasi/${papua.id}`);
    const wib = to("banyumasAdmin")[0];
    expect(wib.bodyText).toContain(formatInstant("id", (await slotOf("banyumas")).startsAt, "WIB"));
    expect(wib.bodyText).toContain("Ruang Rapat Garuda");

    expect(papua.notifiedAt).not.toBeNull();
    expect((await slotOf("ministry")).notifiedAt).toBeNull();

    // Once the ministry has an operator, and still no Admin Lokal or head, the operator is told
    // rather than nobody.
    const operator = await createTestUser(database.db, { role: "unit_operator", agencyId: ids["agency.ministry"] });
    await clients.admin.post(SCHEDULE, { _intent: "notify" });
    expect(await database.db.select().from(outbox).where(and(eq(outbox.kind, "presentation-slot"), eq(outbox.toAddress, operator.email)))).toHaveLength(1);
    expect((await slotOf("ministry")).notifiedAt).not.toBeNull();
  });
});

describe("the agency's slot", () => {
  const slotPath = async (key: string) => `/kelola/presentasi/${(await slotOf(key)).id}`;

  it("shows the agency its slot in its zone, and nobody else's", async () => {
    const path = await slotPath("papua");
    const page = await html(await clients.papuaHead.get(path));
    expect(page).toContain("Proposal papua");
    expect(page).toMatch(/10\.00 WIT/);
    expect(page).toContain('href="https://rapat.example.go.id/kipp-1"');
    expect(page).toContain("Kami akan hadir");
    // A unit operator sees it but does not answer for the agency.
    const operator = await html(await clients.papuaOperator.get(path));
    expect(operator).toContain("Proposal papua");
    expect(operator).not.toContain("Kami akan hadir");
    // The assigned panelist sees it; another agency and another panelist do not.
    expect((await clients.panelist.get(path)).status).toBe(200);
    expect((await clients.otherPanelist.get(path)).status).toBe(404);
    expect((await clients.banyumasAdmin.get(path)).status).toBe(404);
    expect((await clients.banyumasAdmin.post(path, { _intent: "confirm" })).status).toBe(404);
    expect((await clients.anonymous.get(path)).status).not.toBe(200);
    // Not yet notified: not the agency's to see.
    expect((await clients.admin.get(await slotPath("ministry"))).status).toBe(200);
    // The proposal page links to it.
    const proposalPage = await html(await clients.papuaAdmin.get(`/kelola/proposal/${ids.papua}`));
    expect(proposalPage).toContain("Jadwal presentasi");
    expect(proposalPage).toContain(`href="${path}"`);
  });

  it("takes the agency's answer before the day before", async () => {
    const path = await slotPath("papua");
    expect((await clients.papuaOperator.post(path, { _intent: "confirm" })).status).toBe(403);
    const res = await clients.papuaHead.post(path, { _intent: "confirm" });
    expect(res.status).toBe(302);
    const slot = await slotOf("papua");
    expect(slot.attendance).toBe("confirmed");
    expect(slot.confirmedBy).toBe(ids.papuaHead);
    expect(await html(await clients.admin.get(SCHEDULE))).toContain("Hadir (dikonfirmasi)");
    // Admin Lokal may change the answer while it is still open.
    expect((await clients.papuaAdmin.post(path, { _intent: "decline" })).status).toBe(302);
    expect((await slotOf("papua")).attendance).toBe("declined");
  });

  it("refuses an answer after the day before and points to the secretariat", async () => {
    const path = await slotPath("papua");
    // The presentation is now 23 hours away: the deadline (24 hours before) has passed.
    await database.db.update(presentationSlots).set({ startsAt: new Date(Date.now() + 23 * 3_600_000) }).where(eq(presentationSlots.proposalId, ids.papua));
    const res = await clients.papuaHead.post(path, { _intent: "confirm" });
    expect(res.status).toBe(422);
    expect(await html(res)).toContain("hubungi sekretariat KIPP");
    expect((await slotOf("papua")).attendance).toBe("declined");
    const page = await html(await clients.papuaHead.get(path));
    expect(page).toContain("hubungi sekretariat KIPP");
    expect(page).not.toContain("Kami akan hadir");
  });
});

describe("a schedule that keeps working days and skips the listed holidays", () => {
  const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  // The first Friday at least ten days ahead (a WIB date); the Monday after it is a listed holiday.
  const ahead = toZonedInput(new Date(Date.now() + 10 * DAY).toISOString(), "WIB").slice(0, 10);
  const friday = plus(ahead, (5 - new Date(`${ahead}T00:00:00Z`).getUTCDay() + 7) % 7);
  const monday = plus(friday, 3);
  const tuesday = plus(friday, 4);
  const dayFirst = (iso: string) => iso.split("-").reverse().join("/");
  // Two slots fit from 15.20 before 16.00; the third goes past the weekend and the holiday.
  const form = {
    _intent: "generate",
    start: `${friday}T15:20`,
    slotMinutes: "20",
    breakMinutes: "0",
    dayEnd: "16:00",
    workDaysOnly: "1",
    holidays: `${dayFirst(monday)} Cuti bersama\n\n${plus(friday, 40)}`,
    slotMode: "room",
    pattern: "Ruang Garuda",
    replace: "1",
  };
  const workDaysBox = (page: string) => /<input[^>]*name="workDaysOnly"[^>]*>/.exec(page)?.[0] ?? "";
  const stored = async () => (await database.db.select().from(presentationSlots).where(eq(presentationSlots.competitionId, competitionId))).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  it("offers working days only, ticked, and a list of holidays", async () => {
    const page = await html(await clients.admin.get(SCHEDULE));
    expect(workDaysBox(page)).toContain("checked");
    expect(page).toContain("Hanya hari kerja (lewati Sabtu dan Minggu)");
    expect(page).toMatch(/<textarea[^>]*name="holidays"/);
  });

  it("refuses a start on a listed holiday and a line that is not a date, keeping what was typed", async () => {
    const before = (await stored()).map((s) => s.id);
    const onHoliday = await clients.admin.post(SCHEDULE, { ...form, start: `${monday}T09:00` });
    expect(onHoliday.status).toBe(400);
    let page = await html(onHoliday);
    expect(page).toContain("Waktu mulai jatuh pada hari libur yang Anda daftarkan");
    expect(page).toContain('href="#f-start"');
    expect(page).toContain(`${dayFirst(monday)} Cuti bersama`);
    expect(workDaysBox(page)).toContain("checked");

    // Line 2 is a date as one says it, not as the list takes it; the box was left unticked.
    const { workDaysOnly: _ticked, ...unticked } = form;
    const badLine = await clients.admin.post(SCHEDULE, { ...unticked, holidays: `${monday}\n17 Agustus 2026` });
    expect(badLine.status).toBe(400);
    page = await html(badLine);
    expect(page).toContain("Baris 2 bukan tanggal yang ada");
    expect(page).toContain('href="#f-holidays"');
    expect(page).toContain("17 Agustus 2026");
    expect(workDaysBox(page)).not.toContain("checked");
    // Nothing was replaced.
    expect((await stored()).map((s) => s.id)).toEqual(before);
  });

  it("stores slots that pass over the weekend and the holiday", async () => {
    const res = await clients.admin.post(SCHEDULE, form);
    expect(res.status).toBe(302);
    const slots = await stored();
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(
      [`${friday}T15:20`, `${friday}T15:40`, `${tuesday}T15:20`].map((local) => new Date(`${local}:00+07:00`).toISOString()),
    );
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "presentation.schedule")).orderBy(desc(auditLog.id)).limit(1);
    expect(audit.data).toMatchObject({ workDaysOnly: true, holidays: [monday, plus(friday, 40)] });

    // The same list with every day kept: the third slot falls on Saturday.
    const { workDaysOnly: _ticked, ...everyDay } = form;
    expect((await clients.admin.post(SCHEDULE, everyDay)).status).toBe(302);
    expect((await stored()).at(-1)!.startsAt.toISOString()).toBe(new Date(`${plus(friday, 1)}T15:20:00+07:00`).toISOString());
  });
});
