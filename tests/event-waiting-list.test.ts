// The waiting list of a full event: registering past the places, moving up in order when places
// come free (in the freeing transaction, never beyond the places), and what everyone is told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, like } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { eventRegistrations, events, notifications, outbox } from "../app/db/schema";
import type { Actor } from "../app/lib/policy";
import { registerParticipant, withdrawParticipant } from "../app/modules/events/register.server";
import { cancelEvent, recordAttendance, removeRegistration } from "../app/modules/events/manage-events.server";
import { eventBySlug, registrationsOf } from "../app/modules/events/queries.server";

let database: Database;
let newClient: () => Client;
const DAY = 86_400_000;
const BASE = "https://lumbung.example";
type TestUser = Awaited<ReturnType<typeof createTestUser>>;
let registrar: TestUser;
let other: TestUser;
let national: TestUser;
const actor = (u: TestUser): Actor => ({ kind: "user", id: u.id, name: u.name, email: u.email, role: u.role, agencyId: u.agencyId, unitId: u.unitId });
const opts = () => ({ now: new Date(), baseUrl: BASE });

let serial = 0;
/** A published event open to every agency, in Makassar's zone, with `capacity` places. */
async function newEvent(capacity: number | null) {
  const now = Date.now();
  const slug = `lokakarya-uji-${++serial}`;
  const [row] = await database.db
    .insert(events)
    .values({
      slug,
      kind: "workshop",
      title: `Lokakarya Uji ${serial}`,
      timeZone: "WITA",
      // 09.00 WITA (01.00 UTC) thirty days ahead.
      startsAt: new Date(Math.floor((now + 30 * DAY) / DAY) * DAY + 3_600_000),
      endsAt: new Date(Math.floor((now + 30 * DAY) / DAY) * DAY + 8 * 3_600_000),
      registrationClosesAt: new Date(now + 20 * DAY),
      place: "Aula Dinas, Jl. Ahmad Yani No. 2, Makassar",
      capacity,
      publishedAt: new Date(now),
    })
    .returning();
  return row!;
}
const register = (eventId: number, who: string, by = registrar) => registerParticipant(database.db, actor(by), eventId, { name: who, email: `${who.toLowerCase().replace(/\W+/g, ".")}@uji.go.id` }, opts());
const rowsOf = (eventId: number) => database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId)).orderBy(asc(eventRegistrations.id));

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  const agency = await createAgency(db, { name: "Pemerintah Kota Daftar Tunggu", regionCode: "73.71" });
  const otherAgency = await createAgency(db, { name: "Pemerintah Kabupaten Lain" });
  registrar = await createTestUser(db, { role: "agency_admin", agencyId: agency.id });
  other = await createTestUser(db, { role: "agency_admin", agencyId: otherAgency.id });
  national = await createTestUser(db, { role: "national_admin" });
});
afterAll(async () => database?.close());

describe("registering past the places", () => {
  it("puts the next ones on the waiting list, in order, and confirms each by mail with the time in the event's zone", async () => {
    const event = await newEvent(1);
    expect(await register(event.id, "Ani Placed")).toMatchObject({ waiting: false, line: null });
    expect(await register(event.id, "Budi Waiting")).toMatchObject({ waiting: true, line: 1 });
    expect(await register(event.id, "Citra Waiting", other)).toMatchObject({ waiting: true, line: 2 });

    const [placed] = await database.db.select().from(outbox).where(eq(outbox.toAddress, "ani.placed@uji.go.id"));
    expect(placed!.kind).toBe("event-registered");
    expect(placed!.bodyText).toContain("Ani Placed terdaftar dan mendapat tempat di Lokakarya Uji");
    // The event's own zone, named, in both halves of the mail; its place and its page.
    expect(placed!.bodyText).toMatch(/pukul 09\.00 WITA sampai .*pukul 16\.00 WITA/);
    expect(placed!.bodyText).toMatch(/09:00 WITA/);
    expect(placed!.bodyText).toContain("Aula Dinas, Jl. Ahmad Yani No. 2, Makassar");
    expect(placed!.bodyText).toContain(`${BASE}/acara/${event.slug}`);
    const [waiting] = await database.db.select().from(outbox).where(eq(outbox.toAddress, "citra.waiting@uji.go.id"));
    expect(waiting!.kind).toBe("event-waitlisted");
    expect(waiting!.bodyText).toContain("Citra Waiting masuk daftar tunggu, urutan ke-2");
    expect(waiting!.bodyText).toContain("pukul 09.00 WITA");
    // The registering user is told in the app, each of their own.
    const told = await database.db.select().from(notifications).where(eq(notifications.userId, other.id));
    expect(told.map((n) => n.messageKey)).toEqual(["mail.eventWaitlisted.subject"]);
    expect(told[0]!.link).toBe(`/acara/${event.slug}#peserta`);

    const summary = (await eventBySlug(database.db, event.slug))!;
    expect(summary).toMatchObject({ registered: 1, waiting: 2 });
    expect((await registrationsOf(database.db, event.id, other.agencyId!)).map((r) => [r.name, r.line])).toEqual([["Citra Waiting", 2]]);
  });
});

describe("moving up", () => {
  it("gives two places freed at once to the first two in line, in order, and no more", async () => {
    const event = await newEvent(2);
    for (const who of ["P1", "P2", "W1", "W2", "W3"]) await register(event.id, `Orang ${who}`);
    const [p1, p2] = await rowsOf(event.id);
    // Two withdrawals at once: each runs in its own transaction, the event's row locked.
    await Promise.all([
      withdrawParticipant(database.db, actor(registrar), event.id, p1!.id, opts()),
      withdrawParticipant(database.db, actor(registrar), event.id, p2!.id, opts()),
    ]);
    const rows = await rowsOf(event.id);
    expect(rows.map((r) => [r.name, r.waiting])).toEqual([
      ["Orang W1", false],
      ["Orang W2", false],
      ["Orang W3", true],
    ]);
    expect(rows[0]!.promotedAt).not.toBeNull();
    expect((await registrationsOf(database.db, event.id)).find((r) => r.name === "Orang W3")!.line).toBe(1);
    const moved = await database.db.select().from(outbox).where(eq(outbox.kind, "event-promoted"));
    expect(moved.map((m) => m.toAddress).sort()).toEqual(["orang.w1@uji.go.id", "orang.w2@uji.go.id"]);
    expect(moved[0]!.bodyText).toContain("pukul 09.00 WITA");
    expect((await database.db.select().from(notifications).where(and(eq(notifications.userId, registrar.id), eq(notifications.kind, "event-promoted")))).length).toBe(2);
  });

  it("moves nobody when a waiting one leaves, or when the freed place is one of several still taken", async () => {
    const event = await newEvent(1);
    await register(event.id, "Satu Placed");
    await register(event.id, "Dua Waiting");
    await register(event.id, "Tiga Waiting");
    const rows = await rowsOf(event.id);
    await withdrawParticipant(database.db, actor(registrar), event.id, rows[1]!.id, opts());
    expect((await rowsOf(event.id)).map((r) => [r.name, r.waiting])).toEqual([
      ["Satu Placed", false],
      ["Tiga Waiting", true],
    ]);
    // Tiga is now first in line.
    expect((await registrationsOf(database.db, event.id)).find((r) => r.waiting)!.line).toBe(1);
  });

  it("refuses another agency's withdrawal and leaves the line as it was", async () => {
    const event = await newEvent(1);
    await register(event.id, "Tetap Placed");
    await register(event.id, "Tetap Waiting");
    const [placed] = await rowsOf(event.id);
    // Another agency's id names nothing here: nobody moves up for a place not freed.
    await expect(withdrawParticipant(database.db, actor(other), event.id, placed!.id, opts())).rejects.toMatchObject({ code: "not-found" });
    expect((await rowsOf(event.id)).map((r) => r.waiting)).toEqual([false, true]);
  });

  it("moves up when the secretariat removes a registration or adds places, from the event's page", async () => {
    const event = await newEvent(1);
    for (const who of ["A", "B", "C", "D"]) await register(event.id, `Peserta ${who}`);
    const [a] = await rowsOf(event.id);
    await removeRegistration(database.db, actor(national), event.id, a!.id, opts());
    expect((await rowsOf(event.id)).map((r) => [r.name, r.waiting])).toEqual([
      ["Peserta B", false],
      ["Peserta C", true],
      ["Peserta D", true],
    ]);
    // Through the page: raising the places to 2 gives one more place, to C, and D still waits.
    const c = newClient();
    await c.login(national.email, national.password);
    const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
    const res = await c.post(`/kelola/acara/${event.slug}`, {
      kind: "workshop",
      title: event.title,
      timeZone: "WITA",
      startsAt: local(event.startsAt),
      endsAt: local(event.endsAt),
      registrationClosesAt: local(event.registrationClosesAt),
      place: event.place,
      capacity: "2",
    });
    expect(res.status).toBe(302);
    expect((await rowsOf(event.id)).map((r) => [r.name, r.waiting])).toEqual([
      ["Peserta B", false],
      ["Peserta C", false],
      ["Peserta D", true],
    ]);
    // The secretariat's page lists the waiting ones apart, and the CSV marks them.
    const page = await pageText(await c.get(`/kelola/acara/${event.slug}`));
    expect(page).toContain("Daftar tunggu (1)");
    expect(page).toContain("2 mendapat tempat, 1 di daftar tunggu");
    const csv = await (await c.get(`/kelola/acara/${event.slug}?unduh=csv`)).text();
    expect(csv).toMatch(/Peserta D,.*,Daftar tunggu \(urutan ke-1\),\r\n/);
    expect(csv).toMatch(/Peserta B,.*,Mendapat tempat,\r\n/);
    // Attendance only for those with a place: ticking the waiting one records nothing for them.
    const rows = await rowsOf(event.id);
    await recordAttendance(database.db, actor(national), event.id, rows.map((r) => r.id));
    expect((await rowsOf(event.id)).map((r) => [r.name, r.attended])).toEqual([
      ["Peserta B", true],
      ["Peserta C", true],
      ["Peserta D", null],
    ]);
    // Only the secretariat removes.
    const agencyClient = newClient();
    await agencyClient.login(registrar.email, registrar.password);
    expect((await agencyClient.post(`/kelola/acara/${event.slug}`, { _intent: "remove", registrationId: String(rows[2]!.id) })).status).toBe(403);
  });
});

describe("cancelling an event", () => {
  it("tells everyone registered, holding a place or waiting, once", async () => {
    const event = await newEvent(1);
    await register(event.id, "Batal Placed");
    await register(event.id, "Batal Waiting");
    await cancelEvent(database.db, actor(national), event.id, opts());
    await cancelEvent(database.db, actor(national), event.id, opts());
    const mails = await database.db.select().from(outbox).where(and(eq(outbox.kind, "event-cancelled"), like(outbox.toAddress, "batal.%")));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["batal.placed@uji.go.id", "batal.waiting@uji.go.id"]);
    expect(mails[0]!.bodyText).toContain("pukul 09.00 WITA");
    // Nobody moves up in a cancelled event.
    const [placed] = await rowsOf(event.id);
    await removeRegistration(database.db, actor(national), event.id, placed!.id, opts());
    expect((await rowsOf(event.id)).map((r) => r.waiting)).toEqual([true]);
  });
});

describe("losing a place", () => {
  const mailsTo = (address: string, kind: string) => database.db.select().from(outbox).where(and(eq(outbox.toAddress, address), eq(outbox.kind, kind)));
  const noticesOf = (u: TestUser, kind: string) => database.db.select().from(notifications).where(and(eq(notifications.userId, u.id), eq(notifications.kind, kind)));

  it("tells the person an agency withdraws, and the user who registered them", async () => {
    const event = await newEvent(1);
    await register(event.id, "Tarik Placed");
    await register(event.id, "Tarik Waiting");
    const [placed] = await rowsOf(event.id);
    const before = (await noticesOf(registrar, "event-withdrawn")).length;
    await withdrawParticipant(database.db, actor(registrar), event.id, placed!.id, opts());
    const [mail] = await mailsTo("tarik.placed@uji.go.id", "event-withdrawn");
    expect(mail!.subject).toContain(`Pendaftaran Tarik Placed di ${event.title} dibatalkan oleh instansi`);
    expect(mail!.bodyText).toContain(`Pendaftaran Anda (Tarik Placed) di ${event.title} dibatalkan oleh instansi`);
    expect(mail!.bodyText).toContain("pukul 09.00 WITA");
    expect(mail!.bodyText).toContain(`withdrawn by the agency that registered you`);
    expect((await noticesOf(registrar, "event-withdrawn")).length).toBe(before + 1);
    // The one who moved up is told as before; the one withdrawn is not told of a promotion.
    expect(await mailsTo("tarik.waiting@uji.go.id", "event-promoted")).toHaveLength(1);
    expect(await mailsTo("tarik.placed@uji.go.id", "event-promoted")).toHaveLength(0);
  });

  it("tells the person the secretariat removes, waiting or placed, and the user who registered them", async () => {
    const event = await newEvent(1);
    await register(event.id, "Hapus Placed");
    await register(event.id, "Hapus Waiting");
    const [, waiting] = await rowsOf(event.id);
    const before = (await noticesOf(registrar, "event-removed")).length;
    await removeRegistration(database.db, actor(national), event.id, waiting!.id, opts());
    const [mail] = await mailsTo("hapus.waiting@uji.go.id", "event-removed");
    expect(mail!.subject).toContain(`Pendaftaran Hapus Waiting di ${event.title} dibatalkan oleh sekretariat`);
    expect(mail!.bodyText).toContain("cancelled by the secretariat");
    const notices = await noticesOf(registrar, "event-removed");
    expect(notices.length).toBe(before + 1);
    expect(notices.at(-1)!.link).toBe(`/acara/${event.slug}#peserta`);
    expect(await mailsTo("hapus.placed@uji.go.id", "event-removed")).toHaveLength(0);
  });

  it("says on both pages, beside the buttons, what withdrawing or removing does", async () => {
    const event = await newEvent(1);
    await register(event.id, "Tombol Placed");
    await register(event.id, "Tombol Waiting");
    const agency = newClient();
    await agency.login(registrar.email, registrar.password);
    const mine = await pageText(await agency.get(`/acara/${event.slug}`));
    expect(mine).toMatch(/<p class="hint" id="withdraw-hint">[^<]*tempatnya langsung diberikan kepada orang pertama di daftar tunggu/);
    expect(mine).toMatch(/aria-describedby="withdraw-hint">Batalkan pendaftaran Tombol Placed/);
    const secretariat = newClient();
    await secretariat.login(national.email, national.password);
    const manage = await pageText(await secretariat.get(`/kelola/acara/${event.slug}`));
    expect(manage).toMatch(/<p class="hint" id="remove-hint">[^<]*Tempatnya langsung diberikan kepada orang pertama di daftar tunggu/);
    expect(manage).toMatch(/aria-describedby="remove-hint">Hapus pendaftaran Tombol Placed/);
    expect(manage).toMatch(/aria-describedby="remove-waiting-hint">Hapus pendaftaran Tombol Waiting/);
  });
});

describe("an address already registered", () => {
  it("names the agency's own duplicate, but does not confirm another agency's registrant", async () => {
    const event = await newEvent(5);
    await registerParticipant(database.db, actor(registrar), event.id, { name: "Sudah Ada", email: "sudah.ada@uji.go.id" }, opts());
    await expect(registerParticipant(database.db, actor(registrar), event.id, { name: "Sudah Ada", email: "SUDAH.ADA@uji.go.id" }, opts())).rejects.toMatchObject({
      reason: "events.errors.emailRegistered",
      fields: { email: "events.errors.emailRegistered" },
    });
    await expect(registerParticipant(database.db, actor(other), event.id, { name: "Orang Lain", email: "sudah.ada@uji.go.id" }, opts())).rejects.toMatchObject({
      reason: "events.errors.emailRefused",
      fields: { email: "events.errors.emailRefused" },
    });
    // Through the page: the refusal names neither the person nor the agency.
    const c = newClient();
    await c.login(other.email, other.password);
    const res = await c.post(`/acara/${event.slug}`, { name: "Orang Lain", email: "sudah.ada@uji.go.id" });
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain("Alamat email ini tidak dapat didaftarkan. Hubungi sekretariat bila ini keliru.");
    expect(text).not.toContain("sudah terdaftar");
    expect(text).not.toContain("Pemerintah Kota Daftar Tunggu");
    expect(text).not.toContain("Sudah Ada");
  });
});
