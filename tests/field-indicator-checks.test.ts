// Verification recorded beside the self-assessment (PROGRAMME.md, "Weak evidence"): the field
// team checks each indicator the innovation claims against the records on site, a submission
// needs a finding for every claim (and a note for any finding but "sesuai"), and the
// secretariat and the plenary read claimed beside verified with a count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import { MINI_PDF } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { assignments, competitions, fieldVisits, innovationFiles, innovations, proposals, stageDecisions } from "../app/db/schema";
import type { CompetitionConfig } from "../app/modules/competitions/config";
import { competitionById } from "../app/modules/competitions/queries.server";

const DAY = 86_400_000;
const SLUG = "kipp-indikator";
const STAGE = "verifikasi-lapangan";
const BEFORE = "presentasi";
const VISITS = `/kelola/kompetisi/${SLUG}/tahap/${STAGE}/verifikasi`;
const PLENARY = `/kelola/kompetisi/${SLUG}/tahap/${STAGE}/pleno`;
const REPORT = () => `/kelola/verifikasi/${SLUG}/${STAGE}/${ids.proposal}`;

let database: Database;
let competitionId = 0;
const ids: Record<string, number> = {};
const clients: Record<string, Client> = {};

const html = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "").replaceAll("&quot;", '"');

/** The report's other parts, complete, as the form sends them. */
function report(extra: Record<string, string | string[]> = {}) {
  return {
    _intent: "submit",
    "check[]": ["berjalan", "hasil"],
    notes: "Catatan dinas diperiksa bersama kepala bidang.",
    "testimonies.0.name": "Pak Darto",
    "testimonies.0.relation": "Warga bantaran",
    "testimonies.0.text": "Sungai tidak lagi meluap ke rumah.",
    verified: "yes",
    reason: "",
    "indicators.0.name": "Titik sumbatan sampah",
    "indicators.1.name": "Kelompok peduli sungai aktif",
    "indicators.2.name": "Lama genangan",
    ...extra,
  };
}

const visit = async () => (await database.db.select().from(fieldVisits).where(and(eq(fieldVisits.competitionId, competitionId), eq(fieldVisits.proposalId, ids.proposal))))[0];

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  competitionId = (await createCompetition(db, { slug: SLUG, state: "announced", registrationClosesInDays: -90 })).id;
  const c = (await competitionById(db, competitionId))!;
  const config: CompetitionConfig = structuredClone(c.config);
  const s = config.stages.find((x) => x.code === STAGE)!;
  s.opensAt = new Date(Date.now() - DAY).toISOString();
  s.closesAt = new Date(Date.now() + 20 * DAY).toISOString();
  const plenary = config.stages.find((x) => x.kind === "decision")!;
  plenary.opensAt = new Date(Date.now() + 21 * DAY).toISOString();
  plenary.closesAt = new Date(Date.now() + 30 * DAY).toISOString();
  await db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));

  const agency = await createAgency(db, { name: "Dinas PU Uji Indikator" });
  const innovation = await createInnovation(db, { agencyId: agency.id, name: "Gerakan Sungai Uji" });
  const [file] = await db
    .insert(innovationFiles)
    .values({ innovationId: innovation.id, kind: "evidence", filename: "rekap-dpu.pdf", mime: "application/pdf", size: MINI_PDF.length, sha256: "a".repeat(64), data: MINI_PDF })
    .returning();
  ids.file = file.id;
  ids.innovation = innovation.id;
  await db
    .update(innovations)
    .set({
      indicators: [
        { name: "Titik sumbatan sampah", before: "48", after: "12", unit: "titik", source: "Rekap DPU", evidenceFileId: file.id },
        { name: "Kelompok peduli sungai aktif", before: "3", after: "41", unit: "kelompok", source: "Data DPU" },
        { name: "Lama genangan", before: "6", after: "2", unit: "jam", source: "Catatan pengamat" },
      ],
    })
    .where(eq(innovations.id, innovation.id));
  const [p] = await db
    .insert(proposals)
    .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: "Proposal Sungai", state: "submitted", receiptNumber: "KIPP-IND-1", submittedAt: new Date(), screening: "passed" })
    .returning();
  ids.proposal = p.id;
  await db.insert(stageDecisions).values({ competitionId, stageCode: BEFORE, proposalId: p.id, advances: true, proposed: true });
  const users = {
    admin: await createTestUser(db, { role: "national_admin" }),
    panelist: await createTestUser(db, { role: "panelist" }),
    evaluator: await createTestUser(db, { role: "evaluator" }),
  };
  for (const [key, u] of Object.entries(users)) {
    clients[key] = newClient();
    await clients[key].login(u.email, u.password);
  }
  await db.insert(assignments).values([
    { competitionId, stageCode: STAGE, proposalId: p.id, judgeId: users.panelist.id },
    { competitionId, stageCode: STAGE, proposalId: p.id, judgeId: users.evaluator.id },
  ]);
});
afterAll(async () => database?.close());

describe("the indicator-by-indicator check", () => {
  it("lists each claim with its evidence in the team's form", async () => {
    const page = await html(await clients.evaluator.get(REPORT()));
    expect(page).toContain("Indikator 1: Titik sumbatan sampah");
    expect(page).toContain("48 → 12 titik");
    expect(page).toContain(`<a href="/berkas/${ids.file}">bukti: rekap-dpu.pdf</a>`);
    expect(page).toContain("Tidak ada bukti yang ditautkan");
    expect(page).toContain('name="indicators.2.finding"');
  });

  it("refuses a submission without a finding, naming each row, and keeps what was typed", async () => {
    const res = await clients.evaluator.post(REPORT(), report({ "indicators.0.observed": "12 titik di rekap", "indicators.0.finding": "sesuai" }));
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).not.toContain('href="#f-indicators-0-finding"');
    expect(page).toContain('href="#f-indicators-1-finding"');
    expect(page).toContain('href="#f-indicators-2-finding"');
    expect(page).toContain("Pilih hasil pemeriksaan indikator ini.");
    expect(page).toContain('value="12 titik di rekap"');
    expect((await visit())?.submittedAt ?? null).toBeNull();
  });

  it("refuses a finding other than a match without a note", async () => {
    const res = await clients.evaluator.post(
      REPORT(),
      report({ "indicators.0.finding": "sesuai", "indicators.1.finding": "tidak_sesuai", "indicators.1.note": " ", "indicators.2.finding": "tidak_diperiksa", "indicators.2.note": "Catatan pengamat tidak tersedia." }),
    );
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain('href="#f-indicators-1-note"');
    expect(page).not.toContain('href="#f-indicators-2-note"');
    expect(page).toContain("Tulis catatan singkat: hasilnya bukan Sesuai.");
  });

  it("saves a partial draft, then submits every finding with the claims as they were", async () => {
    const draft = await clients.panelist.post(REPORT(), report({ _intent: "save", "indicators.1.observed": "17 kelompok", "indicators.1.finding": "tidak_sesuai" }));
    expect(draft.status).toBe(302);
    const saved = await visit();
    expect(saved.submittedAt).toBeNull();
    expect(saved.indicatorChecks.map((c) => c.finding)).toEqual([null, "tidak_sesuai", null]);
    expect(await html(await clients.evaluator.get(REPORT()))).toContain('value="17 kelompok"');

    // The register changes after the first save: the report keeps the claims it was written against.
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, ids.innovation));
    await database.db.update(innovations).set({ indicators: [{ ...row.indicators[1], after: "60" }, row.indicators[0]] }).where(eq(innovations.id, ids.innovation));

    const res = await clients.evaluator.post(
      REPORT(),
      report({
        "indicators.0.observed": "12",
        "indicators.0.finding": "sesuai",
        "indicators.1.observed": "17 kelompok",
        "indicators.1.finding": "tidak_sesuai",
        "indicators.1.note": "Hanya 17 kelompok tercatat dalam SK kepala desa.",
        "indicators.2.finding": "sesuai",
      }),
    );
    expect(res.status).toBe(302);
    const done = await visit();
    expect(done.submittedAt).not.toBeNull();
    expect(done.indicatorChecks).toEqual([
      { position: 0, name: "Titik sumbatan sampah", claimed: { before: "48", after: "12", unit: "titik", source: "Rekap DPU", evidenceFileId: ids.file, evidenceFilename: "rekap-dpu.pdf" }, observed: "12", finding: "sesuai", note: "" },
      { position: 1, name: "Kelompok peduli sungai aktif", claimed: { before: "3", after: "41", unit: "kelompok", source: "Data DPU" }, observed: "17 kelompok", finding: "tidak_sesuai", note: "Hanya 17 kelompok tercatat dalam SK kepala desa." },
      { position: 2, name: "Lama genangan", claimed: { before: "6", after: "2", unit: "jam", source: "Catatan pengamat" }, observed: "", finding: "sesuai", note: "" },
    ]);
  });

  it("shows claimed beside verified, with the count, to the secretariat and the plenary", async () => {
    for (const path of [VISITS, PLENARY, REPORT()]) {
      const res = await clients.admin.get(path);
      expect(res.status, path).toBe(200);
      const page = await html(res);
      expect(page, path).toContain("2 dari 3 indikator sesuai; 1 tidak sesuai");
      // The claim as it was at verification time (41), not the register's later 60.
      expect(page, path).toContain("3 → 41 kelompok");
      expect(page, path).not.toContain("3 → 60 kelompok");
      expect(page, path).toContain("17 kelompok");
      // A mismatch is told in words, in bold, not by colour alone.
      expect(page, path).toMatch(/<strong><span class="badge badge-stopped">Tidak sesuai<\/span><\/strong>/);
      expect(page, path).toContain("Hanya 17 kelompok tercatat dalam SK kepala desa.");
    }
  });
});
