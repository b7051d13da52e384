// The plenary page: the ranked table with the rule's proposal, decisions saved in one form,
// an override refused without a reason (named on its row, what was chosen kept) and accepted
// with one; by category; secretariat only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client, pageText as text } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { assignments, auditLog, competitions, proposals, reviews, stageDecisions } from "../app/db/schema";
import type { CompetitionConfig } from "../app/modules/competitions/config";

let database: Database;
let admin: Client;
let judgeClient: Client;
let competitionId = 0;
const ids: number[] = [];
const PATH = "/kelola/kompetisi/kipp-pleno/tahap/evaluasi/pleno";

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const a = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(a.email, a.password);
  // Registration closed 40 days ago: the evaluators' stage (June in the preset) is running.
  const c = await createCompetition(db, { slug: "kipp-pleno", state: "announced", registrationClosesInDays: -40 });
  competitionId = c.id;
  const config: CompetitionConfig = structuredClone(c.config);
  config.stages.find((s) => s.code === "evaluasi")!.advancement = { rule: "top", n: 2, scope: "overall", minTypeShares: [] };
  await db.update(competitions).set({ config }).where(eq(competitions.id, c.id));
  const criteria = config.stages.find((s) => s.code === "evaluasi")!.criteria;
  const judges = [await createTestUser(db, { role: "evaluator" }), await createTestUser(db, { role: "evaluator" })];
  judgeClient = newClient();
  await judgeClient.login(judges[0].email, judges[0].password);
  for (const [i, score] of [9, 7, 5].entries()) {
    const agency = await createAgency(db, { name: `Instansi Pleno ${i}` });
    const innovation = await createInnovation(db, { agencyId: agency.id });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId: c.id, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal Pleno ${i}`, state: "submitted", screening: "passed", receiptNumber: `KIPP-PLENO-${i}`, submittedAt: new Date() })
      .returning();
    ids.push(p.id);
    for (const j of judges) {
      await db.insert(reviews).values({
        competitionId: c.id,
        stageCode: "evaluasi",
        proposalId: p.id,
        judgeId: j.id,
        state: "submitted",
        submittedAt: new Date(),
        scores: Object.fromEntries(criteria.map((k) => [k.code, Math.min(k.scaleMax, score)])),
        justifications: Object.fromEntries(criteria.map((k) => [k.code, "Alasan."])),
      });
    }
  }
});
afterAll(async () => database?.close());

describe("the plenary page", () => {
  it("shows the ranking with the rule's proposal", async () => {
    const res = await admin.get(PATH);
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain("2 teratas secara keseluruhan");
    const order = ids.map((id) => html.indexOf(`Proposal Pleno ${ids.indexOf(id)}`));
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[1]).toBeLessThan(order[2]);
    expect(html.match(/Lanjut \(peringkat\)/g)).toHaveLength(2);
    expect(html).toContain("Tidak lanjut");
  });

  it("refuses an override without a reason, keeping the choices; saves it with one", async () => {
    const form = { [`advances.${ids[0]}`]: "1", [`advances.${ids[1]}`]: "0", [`advances.${ids[2]}`]: "1", [`reason.${ids[1]}`]: "", [`reason.${ids[2]}`]: "" };
    const refused = await admin.post(PATH, form);
    expect(refused.status).toBe(400);
    const html = await text(refused);
    expect(html).toContain("Keputusan berbeda dari usulan aturan: tuliskan alasannya.");
    expect(html).toContain(`name="advances.${ids[2]}" checked="" value="1"`);
    expect(await database.db.select().from(stageDecisions).where(eq(stageDecisions.competitionId, competitionId))).toEqual([]);

    const saved = await admin.post(PATH, { ...form, [`reason.${ids[1]}`]: "Belum ada data dampak.", [`reason.${ids[2]}`]: "Satu-satunya dari wilayah 3T." });
    expect(saved.status).toBe(302);
    const rows = await database.db.select().from(stageDecisions).where(and(eq(stageDecisions.competitionId, competitionId), eq(stageDecisions.stageCode, "evaluasi")));
    expect(Object.fromEntries(rows.map((r) => [r.proposalId, [r.advances, r.proposed]]))).toEqual({ [ids[0]]: [true, true], [ids[1]]: [false, true], [ids[2]]: [true, false] });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "stage.decide"));
    expect(audit.at(-1)!.data).toMatchObject({ overrides: [ids[1], ids[2]].sort((x, y) => x - y) });
    const after = await text(await admin.get(saved.headers.get("location")!));
    expect(after).toContain("3 keputusan disimpan, 2 di antaranya berbeda dari usulan aturan.");
    expect(after).toContain("Diputuskan berbeda dari usulan oleh");
  });

  it("groups by category, and is the secretariat's alone", async () => {
    expect((await admin.get(`${PATH}?per=category`)).status).toBe(200);
    expect([403, 404]).toContain((await judgeClient.get(PATH)).status);
    expect((await admin.get("/kelola/kompetisi/kipp-pleno/tahap/registrasi/pleno")).status).toBe(404);
  });

  it("waits for every assigned review while scoring is open, and never decides an unscored proposal by default", async () => {
    const db = database.db;
    const [c] = await db.select().from(competitions).where(eq(competitions.id, competitionId));
    const config: CompetitionConfig = structuredClone(c.config);
    const evaluasi = config.stages.find((s) => s.code === "evaluasi")!;
    const closed = evaluasi.closesAt;
    evaluasi.closesAt = new Date(Date.now() + 7 * 86400_000).toISOString();
    await db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));
    const agency = await createAgency(db, { name: "Instansi Belum Dinilai" });
    const innovation = await createInnovation(db, { agencyId: agency.id });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: "Proposal Belum Dinilai", state: "submitted", screening: "passed", receiptNumber: "KIPP-PLENO-X", submittedAt: new Date() })
      .returning();
    const judge = await createTestUser(db, { role: "evaluator" });
    await db.insert(assignments).values({ competitionId, stageCode: "evaluasi", proposalId: p.id, judgeId: judge.id });

    const open = await text(await admin.get(PATH));
    expect(open).toContain("Penilaian masih berjalan: 1 penilaian belum dikirim, jadi peringkat di bawah ini belum lengkap.");
    // Neither choice is ticked for the proposal nobody has scored.
    expect(open).not.toMatch(new RegExp(`name="advances\\.${p.id}" checked="" value="[01]"`));
    const form = Object.fromEntries(ids.map((id) => [`advances.${id}`, "1"]));
    const refused = await admin.post(PATH, { ...form, [`reason.${ids[2]}`]: "Alasan." });
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain("Penilaian tahap ini belum selesai");
    expect(await database.db.select().from(stageDecisions).where(and(eq(stageDecisions.competitionId, competitionId), eq(stageDecisions.proposalId, p.id)))).toHaveLength(0);
    // Deciding without the awaited reviews is the plenary's stated choice, and recorded as such.
    expect(open).toContain("Pleno memutuskan sekarang, tanpa 1 penilaian yang belum dikirim.");
    const early = await admin.post(PATH, { ...form, [`reason.${ids[2]}`]: "Alasan.", despiteAwaited: "1" });
    expect(early.status).toBe(302);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "stage.decide")).orderBy(desc(auditLog.id)).limit(1);
    expect(audit.data).toMatchObject({ awaited: 1 });

    // The stage closed: the panel decides, the unscored proposal by an explicit choice.
    evaluasi.closesAt = new Date(Date.now() - 86400_000).toISOString();
    await db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));
    const closedPage = await text(await admin.get(PATH));
    expect(closedPage).not.toContain("Penilaian masih berjalan");
    expect(closedPage).not.toMatch(new RegExp(`name="advances\\.${p.id}" checked="" value="[01]"`));
    expect(closedPage).toMatch(new RegExp(`name="advances\\.${ids[0]}" checked="" value="1"`));
    evaluasi.closesAt = closed;
    await db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));
  });
});
