// Withdrawing a provisional announcement: only with a reason and once every objection is
// answered; back to "announced" with no window, the agencies that were told told why, their
// answered objections still theirs to read; and announced again later with a fresh window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client, pageText as text } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { auditLog, awards, competitions, notifications, objections, outbox, proposals, stageDecisions } from "../app/db/schema";

let database: Database;
let admin: Client;
let agencyAdmin: Client;
let competitionId = 0;
const SLUG = "kipp-tarik";
const RESULTS = `/kelola/kompetisi/${SLUG}/hasil`;
const OBJECT = `/kelola/kompetisi/${SLUG}/keberatan`;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const c = await createCompetition(db, { slug: SLUG, state: "announced", registrationClosesInDays: -120 });
  competitionId = c.id;
  const [winner, other] = [await createAgency(db, { name: "Pemkab Juara" }), await createAgency(db, { name: "Pemkab Lain" })];
  for (const [key, agency] of [["winner", winner], ["other", other]] as const) {
    const innovation = await createInnovation(db, { agencyId: agency.id });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId: c.id, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", screening: "passed", submittedAt: new Date() })
      .returning();
    ids[key] = p.id;
  }
  const decided = (stageCode: string, key: string, advances: boolean) => ({ competitionId: c.id, stageCode, proposalId: ids[key], advances, proposed: advances });
  await db.insert(stageDecisions).values([
    ...["winner", "other"].map((k) => decided("evaluasi", k, true)),
    decided("penilaian-tpi", "winner", true),
    decided("penilaian-tpi", "other", false),
    ...["presentasi", "verifikasi-lapangan", "keputusan"].map((stage) => decided(stage, "winner", true)),
  ]);
  const a = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(a.email, a.password);
  const w = await createTestUser(db, { role: "agency_admin", agencyId: winner.id });
  await createTestUser(db, { role: "agency_admin", agencyId: other.id });
  agencyAdmin = newClient();
  await agencyAdmin.login(w.email, w.password);
});
afterAll(async () => database?.close());

const edition = async () => (await database.db.select().from(competitions).where(eq(competitions.id, competitionId)))[0];
const toldOf = async (kind: string) => (await database.db.select({ userId: notifications.userId, vars: notifications.vars }).from(notifications).where(eq(notifications.kind, kind)));

describe("withdrawing provisional results", () => {
  let objectionId = 0;

  it("waits until every objection is answered, so none is left without an answer", async () => {
    expect((await admin.post(RESULTS, { _intent: "announce" })).status).toBe(302);
    expect((await agencyAdmin.post(OBJECT, { reason: "Nilai proposal kami tampaknya tertukar dengan proposal lain." })).status).toBe(302);
    const page = await text(await admin.get(RESULTS));
    expect(page).toContain("Masih ada 1 sanggahan yang belum dijawab.");
    expect(page).not.toContain('value="withdraw"');
    const refused = await admin.post(RESULTS, { _intent: "withdraw", withdrawReason: "Ada kesalahan data." });
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain("Pengumuman belum dapat ditarik karena masih ada sanggahan yang belum dijawab.");
    expect((await edition()).state).toBe("provisional");
    [{ id: objectionId }] = await database.db.select({ id: objections.id }).from(objections).where(eq(objections.competitionId, competitionId));
    const o = `o${objectionId}`;
    const answered = await admin.post(RESULTS, { _intent: "answer", objectionId: String(objectionId), [`${o}.state`]: "upheld", [`${o}.response`]: "Benar, nilai tertukar; hasil akan diperbaiki." });
    expect(answered.status).toBe(302);
  });

  it("requires a reason", async () => {
    const page = await text(await admin.get(RESULTS));
    expect(page).toContain("Tarik pengumuman sementara");
    const res = await admin.post(RESULTS, { _intent: "withdraw", withdrawReason: "  " });
    expect(res.status).toBe(400);
    const html = await text(res);
    expect(html).toContain('href="#f-withdrawReason"');
    expect(html).toContain("Tuliskan alasan penarikan.");
    expect((await edition()).state).toBe("provisional");
  });

  it("goes back to announced, without window or decree, tells the agencies told before why, and audits", async () => {
    expect((await admin.post(RESULTS, { _intent: "decree", number: "B/1/M.KT.01/2030", date: "2030-10-01" })).status).toBe(302);
    // The error is found late: the objection window of the announcement is already over.
    await database.db.update(competitions).set({ provisionalAt: new Date(Date.now() - 30 * 86_400_000) }).where(eq(competitions.id, competitionId));
    expect((await agencyAdmin.post(OBJECT, { reason: "Sanggahan yang terlambat tetapi panjang." })).status).toBe(409);
    const before = await edition();
    const res = await admin.post(RESULTS, { _intent: "withdraw", withdrawReason: "Nilai dua proposal tertukar saat rekap." });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${RESULTS}?pesan=ditarik`);
    const after = await edition();
    expect(after).toMatchObject({ state: "announced", provisionalAt: null, decreeNumber: null, decreeDate: null, version: before.version + 1 });
    // No certificate was issued (they come with publication only).
    expect((await database.db.select().from(awards).where(eq(awards.competitionId, competitionId))).every((a) => a.certificateCode === null)).toBe(true);
    // The same people as were told of the announcement, with the reason.
    const announced = (await toldOf("results.provisional")).map((n) => n.userId).sort();
    const withdrawn = await toldOf("results.withdrawn");
    expect(withdrawn.map((n) => n.userId).sort()).toEqual(announced);
    expect(announced.length).toBe(2);
    expect(withdrawn[0].vars).toMatchObject({ reason: "Nilai dua proposal tertukar saat rekap." });
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.kind, "results.withdrawn"));
    expect(mail.bodyText).toContain("Nilai dua proposal tertukar saat rekap.");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "results.withdraw"), eq(auditLog.subjectId, String(competitionId))));
    expect(audit.data).toMatchObject({ reason: "Nilai dua proposal tertukar saat rekap.", provisionalAt: before.provisionalAt!.toISOString(), decree: { number: "B/1/M.KT.01/2030" } });
    expect(await text(await admin.get(`${RESULTS}?pesan=ditarik`))).toContain("Pengumuman hasil sementara ditarik.");
    // The answered objection stays, and its agency still reads the answer; no new one is taken.
    expect((await database.db.select().from(objections).where(eq(objections.id, objectionId)))[0]).toMatchObject({ state: "upheld", response: "Benar, nilai tertukar; hasil akan diperbaiki." });
    const agencyPage = await text(await agencyAdmin.get(OBJECT));
    expect(agencyPage).toContain("Benar, nilai tertukar; hasil akan diperbaiki.");
    expect((await agencyAdmin.post(OBJECT, { reason: "Sanggahan sesudah pengumuman ditarik." })).status).toBe(409);
    // Withdrawn once: a second withdrawal (a form sent twice) is refused.
    expect((await admin.post(RESULTS, { _intent: "withdraw", withdrawReason: "Lagi." })).status).toBe(409);
  });

  it("announces again later with a fresh objection window, the old one long over", async () => {
    const withdrawnAt = Date.now();
    expect((await admin.post(RESULTS, { _intent: "announce" })).status).toBe(302);
    const again = await edition();
    expect(again.state).toBe("provisional");
    expect(again.provisionalAt!.getTime()).toBeGreaterThanOrEqual(withdrawnAt - 1000);
    expect(await toldOf("results.provisional")).toHaveLength(4);
    expect((await agencyAdmin.post(OBJECT, { reason: "Predikat yang baru masih belum sesuai keputusan pleno." })).status).toBe(302);
    expect(await database.db.select().from(objections).where(and(eq(objections.competitionId, competitionId), eq(objections.state, "pending")))).toHaveLength(1);
  });
});
