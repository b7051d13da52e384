// Notices reach people twice: in the outbox and in the work area, in the reader's language.
// An assignment run tells each judge how many proposals they got; a reminder tells those with
// reviews outstanding; the nav counts the notices not yet seen: opening the list marks read
// what it shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client, pageText as text } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { competitionJudges, competitions, notifications, outbox, proposals } from "../app/db/schema";
import { formatInstant } from "../app/i18n";

let database: Database;
let admin: Client;
let judge: Client;
let judgeId = 0;
let judgeEmail = "";
const STAGE_PATH = "/kelola/kompetisi/kipp-kabar/tahap/evaluasi/penugasan";

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const c = await createCompetition(db, { slug: "kipp-kabar", state: "announced", registrationClosesInDays: -20 });
  for (let i = 0; i < 3; i++) {
    const agency = await createAgency(db, { name: `Instansi Kabar ${i}` });
    const innovation = await createInnovation(db, { agencyId: agency.id });
    await db.insert(proposals).values({ competitionId: c.id, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Kabar ${i}`, state: "submitted", screening: "passed", submittedAt: new Date() });
  }
  const judges = [await createTestUser(db, { role: "evaluator" }), await createTestUser(db, { role: "evaluator" })];
  judgeId = judges[0].id;
  judgeEmail = judges[0].email;
  for (const j of judges) await db.insert(competitionJudges).values({ competitionId: c.id, userId: j.id });
  const a = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(a.email, a.password);
  judge = newClient();
  await judge.login(judges[0].email, judges[0].password);
});
afterAll(async () => database?.close());

describe("notifications", () => {
  it("tells each judge of their assignment, in the app and by mail", async () => {
    expect((await admin.post(STAGE_PATH, { _intent: "run" })).status).toBe(200);
    const rows = await database.db.select().from(notifications).where(eq(notifications.userId, judgeId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "assignment", link: "/kelola/penilaian", vars: expect.objectContaining({ n: 3 }) });
    const mails = await database.db.select().from(outbox).where(eq(outbox.kind, "assignment"));
    expect(mails.length).toBe(2);
    // A mail is read away from the site: its link is whole (the app's address), not a path.
    expect(mails[0].bodyText).toContain("http://localhost:3000/kelola/penilaian");
    expect(mails[0].bodyText).not.toMatch(/[:\s]\/kelola\/penilaian/);
    const nav = await text(await judge.get("/kelola"));
    expect(nav).toContain("Notifikasi (1)");
    const list = await text(await judge.get("/kelola/notifikasi"));
    expect(list).toContain("Penugasan penilaian: Evaluasi proposal (Tim Evaluasi)");
    // Shown, so seen: the page still points it out as new, while its own menu counts it no more.
    expect(list).toContain("<strong>Baru: </strong>");
    expect(list).not.toContain("Notifikasi (1)");
    expect(await text(await judge.get("/kelola"))).not.toContain("Notifikasi (");
    expect(await text(await judge.get("/kelola/notifikasi"))).not.toContain("<strong>Baru: </strong>");
    await judge.post("/preferensi", { lang: "en" });
    expect(await text(await judge.get("/kelola/notifikasi"))).toContain("Review assignment: Evaluasi proposal (Tim Evaluasi)");
  });

  it("reminds judges with reviews outstanding, counted until the list is opened", async () => {
    const res = await admin.post(STAGE_PATH, { _intent: "remind" });
    expect(res.status).toBe(302);
    expect((await database.db.select().from(outbox).where(eq(outbox.kind, "review-due"))).length).toBe(2);
    // The assignment was seen on the list already; the reminder is new.
    expect(await text(await judge.get("/kelola"))).toContain("Notifications (1)");
    const list = await text(await judge.get("/kelola/notifikasi"));
    expect(list).toContain("<strong>New: </strong>");
    expect(list).not.toContain("Notifications (1)");
    // Nothing is left to mark read: no button.
    expect(list).not.toContain("Mark all as read");
    const nav = await text(await judge.get("/kelola"));
    expect(nav).not.toContain("Notifications (");
    expect(nav).toContain(">Notifications<");
  });

  it("carries the deadline as an instant: each mail half in its own language, the work area in the reader's zone", async () => {
    const [c] = await database.db.select().from(competitions).where(eq(competitions.slug, "kipp-kabar"));
    const closesAt = c.config.stages.find((s) => s.code === "evaluasi")!.closesAt;
    const [row] = await database.db.select().from(notifications).where(and(eq(notifications.userId, judgeId), eq(notifications.kind, "assignment")));
    expect(row.vars.until).toEqual({ instant: new Date(closesAt).toISOString(), zone: "WIB" });
    // The mail knows no reader: both halves in the zone named, each in its own language.
    const [mail] = await database.db.select().from(outbox).where(and(eq(outbox.kind, "assignment"), eq(outbox.toAddress, judgeEmail)));
    const [id, en] = mail.bodyText.split("\n\n---\n\n");
    expect(id).toContain(`paling lambat ${formatInstant("id", closesAt, "WIB")}:`);
    expect(en).toContain(`by ${formatInstant("en", closesAt, "WIB")}:`);
    expect(en).not.toMatch(/pukul|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember/);
    // The work area renders the stored values in the reader's language and zone; a notice stored
    // before instants were typed (a preformatted string) still shows as it was written.
    await database.db.insert(notifications).values([
      { userId: judgeId, kind: "assignment", messageKey: "mail.assignment.body", vars: row.vars },
      { userId: judgeId, kind: "review-due", messageKey: "mail.reviewDue.body", vars: { ...row.vars, until: "31 Juli 2026 pukul 23.59 WIB" } },
    ]);
    await judge.post("/preferensi", { zone: "WIT" });
    const list = await text(await judge.get("/kelola/notifikasi"));
    expect(list).toContain(`by ${formatInstant("en", closesAt, "WIT")}:`);
    expect(list).toContain("closes 31 Juli 2026 pukul 23.59 WIB.");
  });

  it("marks read with the button the unread notices older than the list shows", async () => {
    // Fifty-two notices while away (newer than any before): the list shows the newest fifty; the
    // two oldest stay unread.
    const base = Date.now() + 1000;
    await database.db.insert(notifications).values(
      Array.from({ length: 52 }, (_, i) => ({ userId: judgeId, kind: "review-due", messageKey: "notifications.none", vars: {}, createdAt: new Date(base + i * 1000) })),
    );
    expect(await text(await judge.get("/kelola"))).toContain("Notifications (52)");
    const list = await text(await judge.get("/kelola/notifikasi"));
    expect(list).toContain("Notifications (2)");
    expect(list).toContain("Mark all as read");
    expect((await judge.post("/kelola/notifikasi", {})).status).toBe(302);
    const after = await text(await judge.get("/kelola/notifikasi"));
    expect(after).not.toContain("Notifications (");
    expect(after).not.toContain("Mark all as read");
  });
});
