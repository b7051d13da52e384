// Events (coaching clinics in regional batches, replication forums, workshops): the secretariat
// announces them, agencies register their people within the batch, the places and the deadline,
// and the secretariat records who came.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { eventRegistrations, events } from "../app/db/schema";

let database: Database;
let newClient: () => Client;
const users = {} as Record<"national" | "java" | "sulawesi" | "sulawesiHead" | "evaluator", { email: string; password: string }>;

// datetime-local values in WITA (Makassar), weeks ahead.
const local = (days: number, hour = 8) => {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};
const CLINIC = {
  kind: "coaching_clinic",
  title: "Coaching Clinic KIPP Angkatan 6",
  description: "Menulis proposal yang kuat: bukti, indikator, dan keberlanjutan.",
  batch: "Angkatan 6",
  timeZone: "WITA",
  startsAt: local(40, 8),
  endsAt: local(41, 16),
  registrationClosesAt: local(30, 23),
  place: "Hotel Claro, Makassar",
  capacity: "2",
};

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  const java = await createAgency(db, { name: "Perumda Jawa Uji", type: "bumd", regionCode: "33.02" });
  const sulawesi = await createAgency(db, { name: "Perumda Sulawesi Uji", type: "bumd", regionCode: "73.71" });
  Object.assign(users, {
    national: await createTestUser(db, { role: "national_admin" }),
    java: await createTestUser(db, { role: "agency_admin", agencyId: java.id }),
    sulawesi: await createTestUser(db, { role: "unit_operator", agencyId: sulawesi.id }),
    sulawesiHead: await createTestUser(db, { role: "agency_head", agencyId: sulawesi.id }),
    evaluator: await createTestUser(db, { role: "evaluator" }),
  });
});
afterAll(async () => database?.close());

async function as(who: keyof typeof users) {
  const c = newClient();
  await c.login(users[who].email, users[who].password);
  return c;
}
const eventRow = async (slug: string) => (await database.db.select().from(events).where(eq(events.slug, slug)))[0]!;

let slug = "";

describe("the secretariat's events", () => {
  it("names every wrong field of the event form, and keeps what was typed", async () => {
    const c = await as("national");
    const res = await c.post("/kelola/acara", { ...CLINIC, title: "", endsAt: local(39, 8), registrationClosesAt: local(45, 8), startsAt: "2026-02-31T08:00", capacity: "banyak" });
    expect(res.status).toBe(400);
    const html = await pageText(res);
    expect(html).toContain("Judul: Wajib diisi.");
    expect(html).toContain("Masukkan tanggal dan jam yang benar.");
    expect(html).toContain("Jumlah tempat: Masukkan angka.");
    expect(html).toContain("Hotel Claro, Makassar");
    // The order of the times is named together with the other mistakes, not on the next try.
    const order = await c.post("/kelola/acara", { ...CLINIC, place: "", endsAt: local(39, 8), registrationClosesAt: local(45, 8) });
    const text = await pageText(order);
    expect(text).toContain("Waktu selesai harus setelah waktu mulai.");
    expect(text).toContain("Pendaftaran harus ditutup sebelum acara mulai.");
    expect(text).toContain("Tempat atau tautan daring: Wajib diisi.");
    // A new event whose registration has already closed is a slip.
    const past = await c.post("/kelola/acara", { ...CLINIC, startsAt: local(-10, 8), endsAt: local(-9, 8), registrationClosesAt: local(-12, 8) });
    expect(await pageText(past)).toContain("Pendaftaran acara baru harus ditutup setelah hari ini.");
  });

  it("creates a regional batch as a draft, seen by nobody but the secretariat until announced", async () => {
    const c = await as("national");
    const res = await c.post("/kelola/acara", { ...CLINIC, "provinceCodes[]": ["73", "64"] });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    slug = /\/kelola\/acara\/([a-z0-9-]+)\?pesan=dibuat$/.exec(location)![1]!;
    const row = await eventRow(slug);
    expect(row).toMatchObject({ kind: "coaching_clinic", timeZone: "WITA", provinceCodes: ["64", "73"], capacity: 2, publishedAt: null });
    // Typed in WITA (UTC+8): 08:00 there is 00:00 UTC.
    expect(row.startsAt.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect((await newClient().get(`/acara/${slug}`)).status).toBe(404);
    expect(await pageText(await newClient().get("/acara"))).not.toContain(CLINIC.title);
    const announced = await c.post(`/kelola/acara/${slug}`, { _intent: "publish" });
    expect(announced.status).toBe(302);
    const list = await pageText(await newClient().get("/acara"));
    expect(list).toContain(CLINIC.title);
    const page = await pageText(await newClient().get(`/acara/${slug}`));
    expect(page).toContain("Untuk instansi di:");
    expect(page).toMatch(/Sulawesi Selatan/);
    // In the zone of the place first (08.00 in Makassar), and in the reader's too.
    expect(page).toMatch(/pukul 08\.00 WITA/);
    expect(page).toMatch(/Di zona waktu Anda: .*pukul 07\.00 WIB/);
    // The deadline too: in the place's zone (set there at 23.00), then in the reader's.
    expect(page).toMatch(/Pendaftaran ditutup \d+ \w+ \d{4} pukul 23\.00 WITA<[^>]*> \(Di zona waktu Anda: \d+ \w+ \d{4} pukul 22\.00 WIB\)/);
    expect(list).toMatch(/pukul 08\.00 WITA/);
    expect(list).toMatch(/Pendaftaran ditutup \d+ \w+ \d{4} pukul 23\.00 WITA/);
    expect(list).not.toMatch(/pukul 22\.00 WIB/);
    // The secretariat's list shows the event as entered, in its place's zone.
    const manage = await pageText(await c.get("/kelola/acara"));
    expect(manage).toMatch(/pukul 08\.00 WITA/);
  });
});

describe("the event in a calendar", () => {
  it("gives an iCalendar file with the instants in UTC, escaped and folded, for a published event only", async () => {
    const res = await newClient().get(`/acara/${slug}?format=ics`);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    const row = await eventRow(slug);
    const utc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    expect(ics).toContain(`DTSTART:${utc(row.startsAt)}\r\n`);
    expect(ics).toContain("SUMMARY:Coaching Clinic KIPP Angkatan 6\r\n");
    expect(ics).toContain("LOCATION:Hotel Claro\\, Makassar\r\n");
    expect(ics).toMatch(/\r\nSEQUENCE:\d+\r\n/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    await database.db.update(events).set({ publishedAt: null }).where(eq(events.slug, slug));
    expect((await newClient().get(`/acara/${slug}?format=ics`)).status).toBe(404);
    await database.db.update(events).set({ publishedAt: new Date() }).where(eq(events.slug, slug));
  });
});

describe("registering", () => {
  it("keeps a regional batch to its provinces", async () => {
    const page = await pageText(await (await as("java")).get(`/acara/${slug}`));
    expect(page).toContain("Angkatan ini hanya untuk instansi di provinsi yang disebutkan.");
    expect(page).not.toContain('name="email"');
    const res = await (await as("java")).post(`/acara/${slug}`, { name: "Budi Santoso", email: "budi@jawa.go.id" });
    expect(res.status).toBe(403);
    expect((await (await as("evaluator")).post(`/acara/${slug}`, { name: "Juri", email: "juri@ui.ac.id" })).status).toBe(403);
    expect((await newClient().post(`/acara/${slug}`, { name: "Siapa", email: "siapa@contoh.id" })).status).toBe(401);
  });

  it("registers within the places, one registration per address, and names the field at fault", async () => {
    const c = await as("sulawesi");
    const bad = await c.post(`/acara/${slug}`, { name: "", email: "bukan-email" });
    expect(bad.status).toBe(400);
    const badText = await pageText(bad);
    expect(badText).toContain("Nama peserta: Wajib diisi.");
    expect(badText).toContain("Email peserta: Masukkan alamat email yang benar");
    expect((await c.post(`/acara/${slug}`, { name: "Andi Makkasau", position: "Kepala Bidang Inovasi", email: "andi@makassar.go.id" })).status).toBe(302);
    const twice = await (await as("sulawesiHead")).post(`/acara/${slug}`, { name: "Andi M.", email: "ANDI@makassar.go.id" });
    expect(twice.status).toBe(400);
    expect(await pageText(twice)).toContain("Alamat email ini sudah terdaftar pada acara ini.");
    expect((await c.post(`/acara/${slug}`, { name: "Rina Daeng", email: "rina@makassar.go.id" })).status).toBe(302);
    // Full: the form says so, and the next one goes onto the waiting list, marked with its place.
    expect(await pageText(await c.get(`/acara/${slug}`))).toContain("Daftarkan ke daftar tunggu");
    const full = await c.post(`/acara/${slug}`, { name: "Orang Ketiga", email: "ketiga@makassar.go.id" });
    expect(full.status).toBe(302);
    expect(full.headers.get("location")).toMatch(/\?pesan=menunggu#peserta$/);
    const page = await pageText(await c.get(`/acara/${slug}`));
    expect(page).toContain("Andi Makkasau, Kepala Bidang Inovasi");
    expect(page).toContain("2 dari 2 tempat terisi");
    expect(page).toContain("1 orang di daftar tunggu");
    expect(page).toContain("Daftar tunggu, urutan ke-1");
    // The public list says it is full and still when registration closes (onto the waiting list).
    expect(await pageText(await newClient().get("/acara"))).toMatch(/Penuh, ada daftar tunggu · Pendaftaran ditutup \d+ \w+ \d{4} pukul 23\.00 WITA/);
  });

  it("lets an agency withdraw only its own registrations, until registration closes", async () => {
    const regs = await database.db.select().from(eventRegistrations);
    const rina = regs.find((r) => r.email === "rina@makassar.go.id")!;
    const event = await eventRow(slug);
    // Another agency's id names nothing for the Java admin (who cannot even register here).
    expect((await (await as("java")).post(`/acara/${slug}`, { _intent: "withdraw", registrationId: String(rina.id) })).status).toBe(403);
    expect((await (await as("sulawesiHead")).post(`/acara/${slug}`, { _intent: "withdraw", registrationId: String(rina.id) })).status).toBe(302);
    // Rina's place went to the first waiting one, in the same step.
    const left = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
    expect(left.map((r) => [r.email, r.waiting]).sort()).toEqual([["andi@makassar.go.id", false], ["ketiga@makassar.go.id", false]]);
    const ketiga = left.find((r) => r.email === "ketiga@makassar.go.id")!;
    expect((await (await as("sulawesiHead")).post(`/acara/${slug}`, { _intent: "withdraw", registrationId: String(ketiga.id) })).status).toBe(302);
    expect((await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id))).map((r) => r.email)).toEqual(["andi@makassar.go.id"]);
    // Registration closed: neither a new one nor a withdrawal.
    await database.db.update(events).set({ registrationClosesAt: new Date(Date.now() - 1000) }).where(eq(events.id, event.id));
    const late = await (await as("sulawesi")).post(`/acara/${slug}`, { name: "Terlambat", email: "telat@makassar.go.id" });
    expect(late.status).toBe(409);
    expect(await pageText(late)).toContain("Pendaftaran sudah ditutup.");
  });
});

describe("after the event", () => {
  it("records attendance and gives the list as CSV, to the secretariat only", async () => {
    const c = await as("national");
    const [andi] = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, "andi@makassar.go.id"));
    expect((await c.post(`/kelola/acara/${slug}`, { _intent: "attendance", attended: String(andi!.id) })).status).toBe(302);
    expect((await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, andi!.id)))[0]!.attended).toBe(true);
    const csv = await c.get(`/kelola/acara/${slug}?unduh=csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("cache-control")).toBe("private, no-store");
    const body = await csv.text();
    expect(body).toContain("Andi Makkasau,Kepala Bidang Inovasi,andi@makassar.go.id,Perumda Sulawesi Uji");
    expect(body).toMatch(/,Ya\r\n$/);
    expect((await (await as("sulawesiHead")).get(`/kelola/acara/${slug}?unduh=csv`)).status).toBe(403);
    // The places cannot shrink below those registered.
    const shrink = await c.post(`/kelola/acara/${slug}`, { ...CLINIC, capacity: "0" });
    expect(await pageText(shrink)).toContain("Paling kecil 1.");
  });

  it("shows a cancelled event as cancelled, and takes no more registrations", async () => {
    const c = await as("national");
    expect((await c.post(`/kelola/acara/${slug}`, { _intent: "cancel" })).status).toBe(302);
    await database.db.update(events).set({ registrationClosesAt: new Date(Date.now() + 86_400_000) }).where(eq(events.slug, slug));
    expect(await pageText(await newClient().get(`/acara/${slug}`))).toContain("Acara ini dibatalkan.");
    const res = await (await as("sulawesi")).post(`/acara/${slug}`, { name: "Setelah Batal", email: "batal@makassar.go.id" });
    expect(res.status).toBe(409);
    expect(await pageText(res)).toContain("Acara ini dibatalkan.");
  });

  it("never fails on odd addresses", async () => {
    for (const p of ["/acara/TIDAK ADA", `/acara/${"a".repeat(300)}`, "/kelola/acara/tidak-ada", "/kelola/acara/tidak-ada?unduh=csv"]) {
      const res = await (await as("national")).get(p);
      expect(res.status, p).toBe(404);
    }
    // A NUL anywhere in an address is refused before any route (a 400), as everywhere.
    expect((await newClient().get("/acara/%00")).status).toBe(400);
  });
});
