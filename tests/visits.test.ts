// Site visits (studi tiru): another agency asks to visit a published innovation, the host
// answers with a date or a reason, each side is told, and the public sees how often it was visited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
import { notifications, outbox, visitRequests } from "../app/db/schema";

let database: Database;
let newClient: () => Client;
let slug = "";
const users = {} as Record<"hostAdmin" | "hostOperator" | "visitor" | "visitorHead" | "evaluator" | "national", { id: number; email: string; password: string }>;
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
// A day as a mail writes it in each language: "22 Desember 2026", "22 December 2026".
const written = (locale: string, ymd: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${ymd}T12:00:00Z`));
const lastMail = async (to: string, kind: string) => (await database.db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(asc(outbox.id))).filter((m) => m.kind === kind).at(-1)!;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  const host = await createAgency(db, { name: "Pemerintah Kota Tuan Rumah" });
  const visitor = await createAgency(db, { name: "Pemerintah Kabupaten Pembelajar" });
  slug = (await createInnovation(db, { agencyId: host.id, name: "Mal Pelayanan Publik Tuan Rumah" })).slug;
  Object.assign(users, {
    hostAdmin: await createTestUser(db, { role: "agency_admin", agencyId: host.id }),
    hostOperator: await createTestUser(db, { role: "unit_operator", agencyId: host.id }),
    visitor: await createTestUser(db, { role: "unit_operator", agencyId: visitor.id }),
    visitorHead: await createTestUser(db, { role: "agency_head", agencyId: visitor.id }),
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
const noticesOf = async (who: keyof typeof users) => database.db.select().from(notifications).where(eq(notifications.userId, users[who].id));

let visitId = 0;

describe("asking for a site visit", () => {
  it("is offered on the innovation's page to another agency's people only", async () => {
    expect(await pageText(await (await as("visitor")).get(`/inovasi/${slug}`))).toContain(`/kelola/kunjungan/baru?inovasi=${slug}`);
    expect(await pageText(await (await as("hostAdmin")).get(`/inovasi/${slug}`))).not.toContain("/kelola/kunjungan/baru");
    expect(await pageText(await newClient().get(`/inovasi/${slug}`))).not.toContain("/kelola/kunjungan/baru");
    expect((await (await as("hostAdmin")).get(`/kelola/kunjungan/baru?inovasi=${slug}`)).status).toBe(403);
    expect((await (await as("evaluator")).get(`/kelola/kunjungan/baru?inovasi=${slug}`)).status).toBe(403);
    expect((await (await as("visitor")).get("/kelola/kunjungan/baru?inovasi=tidak-ada")).status).toBe(404);
  });

  it("names each wrong field, and tells the host when it is sent", async () => {
    const c = await as("visitor");
    const bad = await c.post(`/kelola/kunjungan/baru?inovasi=${slug}`, { preferredOn: "2020-01-01", participants: "500", purpose: "Belajar." });
    expect(bad.status).toBe(400);
    // Every mistake at once, the past date among them.
    const text = await pageText(bad);
    expect(text).toContain("Tanggal yang diinginkan: Pilih tanggal mulai hari ini.");
    expect(text).toContain("Jumlah peserta: Paling besar 100.");
    expect(text).toContain("Apa yang ingin dipelajari?: Terlalu pendek (minimal 20 karakter).");
    const ok = await c.post(`/kelola/kunjungan/baru?inovasi=${slug}`, { preferredOn: future(20), participants: "12", purpose: "Cara kerja perizinan satu pintu dan antrean daring." });
    expect(ok.status).toBe(302);
    visitId = Number(/\/kelola\/kunjungan\/(\d+)\?pesan=terkirim$/.exec(ok.headers.get("location")!)![1]);
    const told = await noticesOf("hostAdmin");
    expect(told.map((n) => n.link)).toContain(`/kelola/kunjungan/${visitId}`);
    const asked = await lastMail(users.hostAdmin.email, "visit-requested");
    expect(asked.bodyText).toContain(`sekitar tanggal ${written("id-ID", future(20))}`);
    expect(asked.bodyText).toContain(`around ${written("en-GB", future(20))}`);
    expect(asked.bodyText).not.toContain(future(20));
    // The host's operator is not the one to answer while the agency has an Admin Lokal.
    expect((await noticesOf("hostOperator")).length).toBe(0);
  });
});

describe("answering", () => {
  it("is the host's people's; a decline needs its reason, an acceptance its date", async () => {
    // The host's operator may answer (a 400 here: no decision chosen), the asking side may not.
    expect((await (await as("hostOperator")).post(`/kelola/kunjungan/${visitId}`, {})).status).toBe(400);
    expect((await (await as("visitor")).post(`/kelola/kunjungan/${visitId}`, { decision: "accept", agreedOn: future(21) })).status).toBe(403);
    expect((await (await as("evaluator")).get(`/kelola/kunjungan/${visitId}`)).status).toBe(404);
    const host = await as("hostAdmin");
    const noReason = await host.post(`/kelola/kunjungan/${visitId}`, { decision: "decline", answer: "" });
    expect(await pageText(noReason)).toContain("Tuliskan alasan penolakan");
    const noDate = await host.post(`/kelola/kunjungan/${visitId}`, { decision: "accept", agreedOn: "" });
    expect(await pageText(noDate)).toContain("Isi tanggal kunjungan yang disepakati.");
    const ok = await host.post(`/kelola/kunjungan/${visitId}`, { decision: "accept", agreedOn: future(21), answer: "Silakan datang pukul 09.00 WITA." });
    expect(ok.status).toBe(302);
    const [row] = await database.db.select().from(visitRequests).where(eq(visitRequests.id, visitId));
    expect(row).toMatchObject({ state: "accepted", agreedOn: future(21) });
    expect((await noticesOf("visitorHead")).map((n) => n.messageKey)).toContain("mail.visitAccepted.subject");
    const accepted = await lastMail(users.visitorHead.email, "visit-answered");
    expect(accepted.bodyText).toContain(`pada tanggal ${written("id-ID", future(21))}`);
    expect(accepted.bodyText).toContain(`on ${written("en-GB", future(21))}`);
    expect(accepted.bodyText).not.toContain(future(21));
    // Answered once: a second answer, or a withdrawal, is refused.
    const again = await host.post(`/kelola/kunjungan/${visitId}`, { decision: "decline", answer: "Berubah pikiran, maaf sekali." });
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("Permintaan ini sudah dijawab atau dibatalkan.");
    // The host sees whom to arrange it with.
    expect(await pageText(await host.get(`/kelola/kunjungan/${visitId}`))).toContain(`mailto:${users.visitor.email}`);
    expect((await (await as("visitor")).post(`/kelola/kunjungan/${visitId}`, { _intent: "cancel" })).status).toBe(409);
  });

  it("shows on the innovation's page how often it was visited, and in each side's list", async () => {
    // Agreed for a day still ahead: planned, not yet a visit.
    expect(await pageText(await newClient().get(`/inovasi/${slug}`))).not.toContain("dikunjungi untuk studi tiru");
    // A day gone by is not enough: only the asker's record that it was held counts it.
    await database.db.update(visitRequests).set({ agreedOn: "2025-01-10" }).where(eq(visitRequests.id, visitId));
    expect(await pageText(await newClient().get(`/inovasi/${slug}`))).not.toContain("dikunjungi untuk studi tiru");
    const held = await (await as("visitor")).post(`/kelola/kunjungan/${visitId}`, { _intent: "outcome", held: "yes", attendees: "10", learned: "Alur perizinan satu pintu dan antrean daring." });
    expect(held.status).toBe(302);
    expect(await pageText(await newClient().get(`/inovasi/${slug}`))).toContain("Sudah 1 kali dikunjungi untuk studi tiru.");
    expect(await pageText(await (await as("visitor")).get("/kelola/kunjungan"))).toContain("Mal Pelayanan Publik Tuan Rumah");
    expect(await pageText(await (await as("national")).get("/kelola/kunjungan"))).toContain("Pemerintah Kabupaten Pembelajar");
  });

  it("tells the asking agency the reason of a decline, not a link in its place", async () => {
    const ok = await (await as("visitor")).post(`/kelola/kunjungan/baru?inovasi=${slug}`, { preferredOn: future(30), participants: "4", purpose: "Belajar pengelolaan antrean daring di mal pelayanan." });
    const id = Number(/\/kelola\/kunjungan\/(\d+)/.exec(ok.headers.get("location")!)![1]);
    const res = await (await as("hostAdmin")).post(`/kelola/kunjungan/${id}`, { decision: "decline", answer: "Loket sedang dipindahkan ke gedung baru." });
    expect(res.status).toBe(302);
    const mail = await lastMail(users.visitorHead.email, "visit-answered");
    expect(mail.subject).toContain("Studi tiru ditolak");
    expect(mail.bodyText).toContain("Alasannya: Loket sedang dipindahkan ke gedung baru.");
    expect(mail.bodyText).toContain("Their reason: Loket sedang dipindahkan ke gedung baru.");
    expect(mail.bodyText).toMatch(new RegExp(`Rinciannya: \\S+/kelola/kunjungan/${id}`));
    expect(mail.bodyText).not.toMatch(/Alasannya: http/);
  });

  it("lets the asking agency withdraw a request still waiting", async () => {
    const c = await as("visitorHead");
    const ok = await c.post(`/kelola/kunjungan/baru?inovasi=${slug}`, { preferredOn: future(40), participants: "3", purpose: "Studi banding layanan antrean daring." });
    const id = Number(/\/kelola\/kunjungan\/(\d+)/.exec(ok.headers.get("location")!)![1]);
    expect((await c.post(`/kelola/kunjungan/${id}`, { _intent: "cancel" })).status).toBe(302);
    const [row] = await database.db.select().from(visitRequests).where(eq(visitRequests.id, id));
    expect(row!.state).toBe("cancelled");
    // A withdrawn request reads as withdrawn by the asker, apart from a visit called off.
    const page = await pageText(await (await as("hostAdmin")).get(`/kelola/kunjungan/${id}`));
    expect(page).toMatch(/class="badge badge-visit-withdrawn">Ditarik pemohon</);
    expect(page).not.toContain("Dibatalkan oleh");
    expect(await pageText(await c.get("/kelola/kunjungan"))).toMatch(/class="badge badge-visit-withdrawn">Ditarik pemohon</);
    for (const p of ["/kelola/kunjungan/0", "/kelola/kunjungan/abc", "/kelola/kunjungan/99999999999"]) expect((await c.get(p)).status, p).toBe(404);
  });
});
