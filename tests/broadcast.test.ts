// The secretariat's message to an edition's participants or judges: who it reaches, sent only for
// the number the secretariat saw, once however often the form is sent, and read whole by those
// it was sent to (and nobody else).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { competitionJudges, notifications, outbox, proposals } from "../app/db/schema";

const PASSWORD = "kata-sandi-uji-123";

let database: Database;
let newClient: () => Client;
let admin: Client;
let slug: string;
const people = {} as Record<"writingAdmin" | "writingOperator" | "submittedAdmin" | "operatorOnly" | "judge" | "outsider", { id: number; email: string }>;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  const competition = await createCompetition(db, { state: "announced", registrationClosesInDays: 20 });
  slug = competition.slug;
  const writing = await createAgency(db, { name: "Pemerintah Kabupaten Masih Menulis" });
  const submitted = await createAgency(db, { name: "Pemerintah Kota Sudah Kirim" });
  const noAdmin = await createAgency(db, { name: "Pemerintah Kabupaten Tanpa Admin" });
  const nobody = await createAgency(db, { name: "Pemerintah Kabupaten Tanpa Orang" });
  const outside = await createAgency(db, { name: "Pemerintah Kota Tidak Ikut" });
  people.writingAdmin = await createTestUser(db, { role: "agency_admin", agencyId: writing.id });
  people.writingOperator = await createTestUser(db, { role: "unit_operator", agencyId: writing.id });
  people.submittedAdmin = await createTestUser(db, { role: "agency_admin", agencyId: submitted.id });
  people.operatorOnly = await createTestUser(db, { role: "unit_operator", agencyId: noAdmin.id });
  people.outsider = await createTestUser(db, { role: "agency_admin", agencyId: outside.id });
  people.judge = await createTestUser(db, { role: "evaluator" });
  await db.insert(competitionJudges).values({ competitionId: competition.id, userId: people.judge.id });
  const enter = async (agencyId: number, state: "draft" | "submitted", title: string) => {
    const innovation = await createInnovation(db, { agencyId, name: title });
    await db.insert(proposals).values({ competitionId: competition.id, innovationId: innovation.id, agencyId, groupCode: "umum", categoryCode: "kesehatan", title, state });
  };
  await enter(writing.id, "draft", "Proposal Masih Ditulis");
  await enter(submitted.id, "submitted", "Proposal Sudah Dikirim");
  await enter(noAdmin.id, "draft", "Proposal Tanpa Admin");
  await enter(nobody.id, "draft", "Proposal Tanpa Orang");
  const secretariat = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(secretariat.email, PASSWORD);
});
afterAll(async () => database?.close());

const path = () => `/kelola/kompetisi/${slug}/pesan`;
const sendKeyOf = (html: string) => html.match(/name="sendKey" value="([^"]+)"/)![1];
const expectedOf = (html: string) => Number(html.match(/name="expected" value="(\d+)"/)![1]);
const mailsTo = (email: string) => database.db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, "broadcast")));

describe("a message to an edition's participants", () => {
  it("shows whom each audience reaches: Admin Lokal, else the operators; the agencies with nobody are counted", async () => {
    const unsubmitted = await pageText(await admin.get(`${path()}?untuk=unsubmitted`));
    // Masih Menulis through its Admin Lokal only; Tanpa Admin through its operator; Tanpa Orang unreachable.
    expect(expectedOf(unsubmitted)).toBe(2);
    expect(unsubmitted).toContain("Pemerintah Kabupaten Masih Menulis");
    expect(unsubmitted).toContain("Pemerintah Kabupaten Tanpa Admin");
    expect(unsubmitted).toContain("1 instansi peserta belum punya Admin Lokal maupun operator aktif");
    expect(unsubmitted).not.toContain("Pemerintah Kota Sudah Kirim");
    expect(expectedOf(await pageText(await admin.get(`${path()}?untuk=submitted`)))).toBe(1);
    expect(expectedOf(await pageText(await admin.get(`${path()}?untuk=agencies`)))).toBe(3);
    expect(expectedOf(await pageText(await admin.get(`${path()}?untuk=judges`)))).toBe(1);
    // An audience that is none of these shows the choice again, not a 500.
    const odd = await admin.get(`${path()}?untuk=__proto__`);
    expect(odd.status).toBe(200);
    expect(await pageText(odd)).not.toContain('name="sendKey"');
  });

  it("sends to the number shown, in the app and by mail, once however often the form is sent", async () => {
    const form = await pageText(await admin.get(`${path()}?untuk=unsubmitted`));
    const fields = { audience: "unsubmitted", expected: String(expectedOf(form)), sendKey: sendKeyOf(form), subject: "Batas waktu diperpanjang", body: "Batas pengiriman proposal diperpanjang sampai 15 Januari pukul 23.59 WIB.", confirm: "1" };
    const sent = await admin.post(path(), fields);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`${path()}?pesan=terkirim&n=2`);
    // The same form again: nothing more is sent.
    expect((await admin.post(path(), fields)).status).toBe(302);
    const [mail] = await mailsTo(people.writingAdmin.email);
    expect(await mailsTo(people.writingAdmin.email)).toHaveLength(1);
    expect(mail.subject).toContain("Batas waktu diperpanjang");
    expect(mail.bodyText).toContain("diperpanjang sampai 15 Januari");
    expect(mail.bodyText).toMatch(/\/kelola\/pesan\/\d+/);
    expect(await mailsTo(people.operatorOnly.email)).toHaveLength(1);
    expect(await mailsTo(people.writingOperator.email)).toHaveLength(0);
    expect(await mailsTo(people.submittedAdmin.email)).toHaveLength(0);
    const [notice] = await database.db.select().from(notifications).where(and(eq(notifications.userId, people.writingAdmin.id), eq(notifications.kind, "broadcast")));
    expect(notice.link).toMatch(/^\/kelola\/pesan\/\d+$/);
    const history = await pageText(await admin.get(path()));
    expect(history).toContain("Batas waktu diperpanjang");
    expect(history).toContain("2 orang");

    // Those it was sent to read it whole; others are told it does not exist.
    const reader = newClient();
    await reader.login(people.writingAdmin.email, PASSWORD);
    const read = await pageText(await reader.get(notice.link!));
    expect(read).toContain("Batas pengiriman proposal diperpanjang sampai 15 Januari pukul 23.59 WIB.");
    const outsider = newClient();
    await outsider.login(people.outsider.email, PASSWORD);
    expect((await outsider.get(notice.link!)).status).toBe(404);
    expect((await admin.get(notice.link!)).status).toBe(200);
    expect((await reader.get("/kelola/pesan/abc")).status).toBe(404);
  });

  it("sends nothing when the audience changed since the page was shown, and shows the new number", async () => {
    const form = await pageText(await admin.get(`${path()}?untuk=judges`));
    const another = await createTestUser(database.db, { role: "panelist" });
    const [{ id }] = await database.db.select({ id: proposals.competitionId }).from(proposals).limit(1);
    await database.db.insert(competitionJudges).values({ competitionId: id, userId: another.id });
    // Posted where the page's form posts: its own address, with the audience chosen.
    const res = await admin.post(`${path()}?untuk=judges`, { audience: "judges", expected: String(expectedOf(form)), sendKey: sendKeyOf(form), subject: "Jadwal pleno", body: "Rapat pleno Tim Panel Independen diadakan Senin.", confirm: "1" });
    expect(res.status).toBe(409);
    const text = await pageText(res);
    expect(text).toContain("Penerima berubah sejak halaman dibuka: sekarang 2 orang.");
    // What was typed is still there, and the number to confirm is the new one.
    expect(text).toContain("Rapat pleno Tim Panel Independen diadakan Senin.");
    expect(expectedOf(text)).toBe(2);
    expect(await mailsTo(people.judge.email)).toHaveLength(0);
  });

  it("names each missing field, and needs the confirmation", async () => {
    const form = await pageText(await admin.get(`${path()}?untuk=submitted`));
    const res = await admin.post(`${path()}?untuk=submitted`, { audience: "submitted", expected: String(expectedOf(form)), sendKey: sendKeyOf(form), subject: "", body: "pendek" });
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain('href="#f-subject"');
    expect(text).toContain('href="#f-body"');
    expect(text).toContain("Centang konfirmasi untuk mengirim pesan.");
    expect(await mailsTo(people.submittedAdmin.email)).toHaveLength(0);
    // A subject of more than one line (it becomes a mail header) is refused at its field.
    const twoLines = await admin.post(`${path()}?untuk=submitted`, { audience: "submitted", expected: String(expectedOf(form)), sendKey: sendKeyOf(form), subject: "Judul\r\nBcc: semua@contoh.id", body: "Isi pesan yang cukup panjang.", confirm: "1" });
    expect(twoLines.status).toBe(400);
    expect(await pageText(twoLines)).toContain('href="#f-subject"');
    expect(await mailsTo(people.submittedAdmin.email)).toHaveLength(0);
  });

  it("is the secretariat's alone", async () => {
    const c = newClient();
    await c.login(people.writingAdmin.email, PASSWORD);
    expect((await c.get(path())).status).toBe(403);
    expect((await c.post(path(), { audience: "agencies", expected: "3", sendKey: "a".repeat(22), subject: "Halo semua", body: "Pesan yang tidak boleh terkirim.", confirm: "1" })).status).toBe(403);
  });
});
