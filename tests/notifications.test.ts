// Notices reach people twice: in the outbox and in the work area, in the reader's language.
// An assignment run tells each judge how many proposals they got; a reminder tells those with
// reviews outstanding; the nav shows the unread count until the person marks them read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { competitionJudges, notifications, outbox, proposals } from "../app/db/schema";

let database: Database;
let admin: Client;
let judge: Client;
let judgeId = 0;
const text = async (res: Response) => (await res.text()).replace(/<!-- -->/g, "");
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
    expect((await database.db.select().from(outbox).where(eq(outbox.kind, "assignment"))).length).toBe(2);
    const nav = await text(await judge.get("/kelola"));
    expect(nav).toContain("Notifikasi (1)");
    const list = await text(await judge.get("/kelola/notifikasi"));
    expect(list).toContain("Penugasan penilaian: Evaluasi proposal (Tim Evaluasi)");
    await judge.post("/preferensi", { lang: "en" });
    expect(await text(await judge.get("/kelola/notifikasi"))).toContain("Review assignment: Evaluasi proposal (Tim Evaluasi)");
  });

  it("reminds judges with reviews outstanding, and marks read", async () => {
    const res = await admin.post(STAGE_PATH, { _intent: "remind" });
    expect(res.status).toBe(302);
    expect((await database.db.select().from(outbox).where(eq(outbox.kind, "review-due"))).length).toBe(2);
    expect(await text(await judge.get("/kelola"))).toContain("Notifications (2)");
    expect((await judge.post("/kelola/notifikasi", {})).status).toBe(302);
    const nav = await text(await judge.get("/kelola"));
    expect(nav).not.toContain("Notifications (");
    expect(nav).toContain(">Notifications<");
  });
});
