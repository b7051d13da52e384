// What follows an accepted site visit: the host moves its date, either side calls it off before
// the day with a reason, and after the day the asking agency records whether it took place. Only
// visits recorded as held are counted on the innovation's page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
import { notifications, outbox, visitRequests } from "../app/db/schema";

let database: Database;
let newClient: () => Client;
let innovation = { id: 0, slug: "" };
let hostAgencyId = 0;
let visitorAgencyId = 0;
const users = {} as Record<"hostAdmin" | "hostOperator" | "visitor" | "visitorHead" | "evaluator" | "national", Awaited<ReturnType<typeof createTestUser>>>;
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
// A day as a mail writes it in each language: "22 Desember 2026", "22 December 2026".
const written = (locale: string, ymd: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${ymd}T12:00:00Z`));

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  hostAgencyId = (await createAgency(db, { name: "Pemerintah Kota Tuan Rumah" })).id;
  visitorAgencyId = (await createAgency(db, { name: "Pemerintah Kabupaten Pembelajar" })).id;
  const row = await createInnovation(db, { agencyId: hostAgencyId, name: "Layanan Satu Pintu Tuan Rumah" });
  innovation = { id: row.id, slug: row.slug };
  Object.assign(users, {
    hostAdmin: await createTestUser(db, { role: "agency_admin", agencyId: hostAgencyId }),
    hostOperator: await createTestUser(db, { role: "unit_operator", agencyId: hostAgencyId }),
    visitor: await createTestUser(db, { role: "unit_operator", agencyId: visitorAgencyId }),
    visitorHead: await createTestUser(db, { role: "agency_head", agencyId: visitorAgencyId }),
    evaluator: await createTestUser(db, { role: "evaluator" }),
    national: await createTestUser(db, { role: "national_admin" }),
  });
});
afterAll(async () => database?.close());

async function as(who: keyof typeof users) {
  const c = newClient();
  await c.login(users[who].email, users[who].password);
  return c;
}
/** An accepted visit, agreed for `agreedOn`. */
async function acceptedVisit(agreedOn: string) {
  const [row] = await database.db
    .insert(visitRequests)
    .values({
      innovationId: innovation.id,
      hostAgencyId,
      visitorAgencyId,
      requestedBy: users.visitor.id,
      preferredOn: agreedOn,
      participants: 6,
      purpose: "Belajar alur layanan satu pintu dan dasar hukumnya.",
      state: "accepted",
      agreedOn,
      answeredBy: users.hostAdmin.id,
      answeredAt: new Date(),
    })
    .returning({ id: visitRequests.id });
  return row!.id;
}
const visitRow = async (id: number) => (await database.db.select().from(visitRequests).where(eq(visitRequests.id, id)))[0]!;
const noticesOf = (who: keyof typeof users, kind: string) =>
  database.db.select().from(notifications).where(and(eq(notifications.userId, users[who].id), eq(notifications.kind, kind)));

describe("moving an accepted visit", () => {
  it("is the host's, needs a new date and a reason, and tells the asking agency", async () => {
    const id = await acceptedVisit(day(10));
    const path = `/kelola/kunjungan/${id}`;
    expect(await pageText(await (await as("hostOperator")).get(path))).toContain("Pindahkan tanggal kunjungan");
    expect(await pageText(await (await as("visitor")).get(path))).not.toContain("Pindahkan tanggal kunjungan");
    // The new date and both reasons are required, and are not labelled optional.
    const form = await pageText(await (await as("hostOperator")).get(path));
    for (const id of ["f-newDate", "f-reason", "f-callOff-reason"]) {
      expect(form, id).toMatch(new RegExp(`<label for="${id}">[^<]*</label>`));
      expect(form, id).toMatch(new RegExp(`id="${id}"[^>]* required`));
    }
    // The asking side and outsiders may not move it.
    expect((await (await as("visitor")).post(path, { _intent: "reschedule", newDate: day(12), reason: "Kami ingin tanggal lain saja." })).status).toBe(403);
    expect((await (await as("evaluator")).post(path, { _intent: "reschedule", newDate: day(12), reason: "Bukan urusan saya sama sekali." })).status).toBe(404);
    expect((await (await as("national")).post(path, { _intent: "reschedule", newDate: day(12), reason: "Sekretariat hanya membaca." })).status).toBe(403);
    const host = await as("hostOperator");
    const bad = await host.post(path, { _intent: "reschedule", newDate: "2020-01-01", reason: "" });
    expect(bad.status).toBe(400);
    const text = await pageText(bad);
    expect(text).toContain("Tanggal baru: Pilih tanggal mulai hari ini.");
    expect(text).toContain("Alasan perubahan tanggal: Wajib diisi.");
    const same = await host.post(path, { _intent: "reschedule", newDate: day(10), reason: "Tanggalnya tetap sama saja." });
    expect(await pageText(same)).toContain("Pilih tanggal yang berbeda dari tanggal yang disepakati.");
    const ok = await host.post(path, { _intent: "reschedule", newDate: day(17), reason: "Ruang layanan sedang direnovasi minggu itu." });
    expect(ok.status).toBe(302);
    expect(await visitRow(id)).toMatchObject({ state: "accepted", agreedOn: day(17), rescheduledFrom: day(10), rescheduleReason: "Ruang layanan sedang direnovasi minggu itu." });
    const told = await noticesOf("visitorHead", "visit-rescheduled");
    expect(told.map((n) => n.link)).toEqual([path]);
    const [mail] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, users.visitorHead.email), eq(outbox.kind, "visit-rescheduled")));
    expect(mail!.bodyText).toContain("Ruang layanan sedang direnovasi minggu itu.");
    // Days as people write them, in each half's language, never as stored.
    expect(mail!.bodyText).toContain(`dari tanggal ${written("id-ID", day(10))} ke tanggal ${written("id-ID", day(17))}`);
    expect(mail!.bodyText).toContain(`from ${written("en-GB", day(10))} to ${written("en-GB", day(17))}`);
    expect(mail!.bodyText).not.toContain(day(17));
    expect(await pageText(await (await as("visitor")).get(path))).toContain("Ruang layanan sedang direnovasi minggu itu.");
  });
});

describe("calling off an accepted visit", () => {
  it("needs a reason, from either side, before the day, and tells the other side", async () => {
    const id = await acceptedVisit(day(8));
    const path = `/kelola/kunjungan/${id}`;
    const visitor = await as("visitor");
    const noReason = await visitor.post(path, { _intent: "callOff", reason: "" });
    expect(noReason.status).toBe(400);
    expect(await pageText(noReason)).toContain("Alasan pembatalan: Wajib diisi.");
    expect((await (await as("national")).post(path, { _intent: "callOff", reason: "Sekretariat tidak membatalkan." })).status).toBe(403);
    expect((await visitor.post(path, { _intent: "callOff", reason: "Anggaran perjalanan dinas belum cair." })).status).toBe(302);
    expect(await visitRow(id)).toMatchObject({ state: "cancelled", cancelReason: "Anggaran perjalanan dinas belum cair.", cancelledBy: users.visitor.id });
    // The host is told (its Admin Lokal), not the asking side itself.
    expect((await noticesOf("hostAdmin", "visit-called-off")).length).toBe(1);
    expect((await noticesOf("visitorHead", "visit-called-off")).length).toBe(0);
    // Once called off, nothing more: a second call-off is refused on the page.
    const again = await (await as("hostAdmin")).post(path, { _intent: "callOff", reason: "Kami juga membatalkan." });
    expect(again.status).toBe(409);

    // The host may call off too; the asking agency is told why.
    const second = await acceptedVisit(day(9));
    expect((await (await as("hostAdmin")).post(`/kelola/kunjungan/${second}`, { _intent: "callOff", reason: "Kepala dinas dipanggil rapat mendadak." })).status).toBe(302);
    const [mail] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, users.visitorHead.email), eq(outbox.kind, "visit-called-off")));
    expect(mail!.bodyText).toContain("Kepala dinas dipanggil rapat mendadak.");
    expect(mail!.subject).toContain("Pemerintah Kota Tuan Rumah");
    expect(mail!.bodyText).toContain(`pada tanggal ${written("id-ID", day(9))}`);
    expect(mail!.bodyText).toContain(`on ${written("en-GB", day(9))}`);
    expect(mail!.bodyText).not.toContain(day(9));

    // Each reads as called off, not as a withdrawn request, and the page names who called it off.
    const byVisitor = await pageText(await (await as("hostAdmin")).get(path));
    expect(byVisitor).toMatch(/class="badge badge-visit-calledOff">Dibatalkan</);
    expect(byVisitor).toMatch(/Dibatalkan oleh<\/dt><dd>[^<]*, Pemerintah Kabupaten Pembelajar \(pemohon\)/);
    const byHost = await pageText(await (await as("visitor")).get(`/kelola/kunjungan/${second}`));
    expect(byHost).toMatch(/Dibatalkan oleh<\/dt><dd>[^<]*, Pemerintah Kota Tuan Rumah \(tuan rumah\)/);
    const list = await pageText(await (await as("visitor")).get("/kelola/kunjungan"));
    expect(list).toMatch(/class="badge badge-visit-calledOff">Dibatalkan</);
    expect(list).not.toContain("badge-visit-cancelled");
  });

  it("is refused once the day has come", async () => {
    const id = await acceptedVisit(day(-1));
    const res = await (await as("visitor")).post(`/kelola/kunjungan/${id}`, { _intent: "callOff", reason: "Terlambat membatalkan ini." });
    expect(res.status).toBe(409);
    expect((await visitRow(id)).state).toBe("accepted");
  });
});

describe("recording whether the visit took place", () => {
  it("is the asking agency's, only from the agreed day on, and names each missing field", async () => {
    const ahead = await acceptedVisit(day(5));
    const early = await (await as("visitor")).post(`/kelola/kunjungan/${ahead}`, { _intent: "outcome", held: "yes", attendees: "5", learned: "Terlalu dini untuk dicatat di sini." });
    expect(early.status).toBe(409);
    expect(await pageText(early)).toContain("Hasil kunjungan dapat dicatat mulai tanggal kunjungan.");

    const id = await acceptedVisit(day(-3));
    const path = `/kelola/kunjungan/${id}`;
    expect(await pageText(await (await as("visitor")).get(path))).toContain("Catat hasil kunjungan");
    expect(await pageText(await (await as("hostAdmin")).get(path))).not.toContain("Catat hasil kunjungan");
    // Who came and what they learnt are required when it took place: said so, not "(opsional)".
    const form = await pageText(await (await as("visitor")).get(path));
    for (const id of ["f-attendees", "f-learned"]) expect(form, id).toMatch(new RegExp(`<label for="${id}">[^<]*<span class="optional">\\(wajib bila terlaksana\\)</span></label>`));
    expect(form).not.toContain("(opsional)");
    // The host cannot speak for the visitors; the secretariat reads but does not record.
    for (const who of ["hostAdmin", "national"] as const) {
      expect((await (await as(who)).post(path, { _intent: "outcome", held: "yes", attendees: "5", learned: "Catatan dari pihak yang salah." })).status, who).toBe(403);
    }
    expect((await (await as("national")).get(path)).status).toBe(200);
    const c = await as("visitorHead");
    const missing = await c.post(path, { _intent: "outcome", held: "yes", attendees: "", learned: "" });
    expect(missing.status).toBe(400);
    const text = await pageText(missing);
    expect(text).toContain("Jumlah orang yang datang: Isi jumlah orang yang datang.");
    expect(text).toContain("Apa yang dipelajari?: Tuliskan singkat apa yang dipelajari (minimal 20 karakter).");
    expect(await pageText(await c.post(path, { _intent: "outcome" }))).toContain("Pilih apakah kunjungan terlaksana.");
    expect((await c.post(path, { _intent: "outcome", held: "yes", attendees: "4", learned: "Formulir tunggal dan rujukan langsung ke dinas." })).status).toBe(302);
    expect(await visitRow(id)).toMatchObject({ held: true, attendees: 4, learned: "Formulir tunggal dan rujukan langsung ke dinas.", outcomeRecordedBy: users.visitorHead.id });
    const page = await pageText(await (await as("national")).get(path));
    expect(page).toContain("Formulir tunggal dan rujukan langsung ke dinas.");
    expect(page).toContain("Terlaksana");
  });
});

describe("the count on the innovation's page", () => {
  it("counts only visits recorded as held, not past agreed dates", async () => {
    const count = async () => /Sudah (\d+) kali dikunjungi/.exec(await pageText(await newClient().get(`/inovasi/${innovation.slug}`)))?.[1] ?? "0";
    // One held visit so far (recorded above); past ones not recorded do not count.
    expect(await count()).toBe("1");
    await acceptedVisit(day(-20));
    expect(await count()).toBe("1");
    const notHeld = await acceptedVisit(day(-10));
    expect((await (await as("visitor")).post(`/kelola/kunjungan/${notHeld}`, { _intent: "outcome", held: "no", attendees: "", learned: "" })).status).toBe(302);
    expect(await visitRow(notHeld)).toMatchObject({ held: false, attendees: null });
    expect(await count()).toBe("1");
    const held = await acceptedVisit(day(-30));
    expect((await (await as("visitor")).post(`/kelola/kunjungan/${held}`, { _intent: "outcome", held: "yes", attendees: "7", learned: "Cara menata loket bersama instansi vertikal." })).status).toBe(302);
    expect(await count()).toBe("2");
  });
});
