// No user input may cause a 500: every route gets hostile query strings, path values and form
// bodies, anonymously and as the most privileged user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { eq } from "drizzle-orm";
import { assignments, competitions, proposals } from "../app/db/schema";

const HOSTILE_QUERY =
  "?q=%00%27%22%3Cscript%3E%E0%A4%A&page=-1&halaman=99999999999999999999&perPage=100000&sort=%27&year=abc&year=99999" +
  "&province=zz&agencyType=x&sector=%00&sdg=18&status=x&tahap=foo&instansi=-5&type=%25&level=x&limit=1e309";
const HOSTILE_PATHS = [
  "/inovasi/%00",
  "/inovasi/" + "a".repeat(5000),
  "/instansi/%27%20or%201%3D1",
  "/instansi/x/pameran",
  "/wilayah/99",
  "/wilayah/%2e%2e",
  "/berkas/-1",
  "/berkas/99999999999999999999",
  "/berkas/abc",
  // Ids that are safe JavaScript integers but beyond PostgreSQL's integer.
  "/berkas/99999999999",
  "/berkas/2147483648",
  "/kelola/inovasi/99999999999",
  "/kelola/inovasi/99999999999/riwayat",
  "/kelola/unit?instansi=99999999999",
  "/kelola/inovasi/abc",
  "/kelola/inovasi/99999999999999999999",
  "/kelola/inovasi/-3/riwayat",
  "/kelola/inovasi?halaman=1.5",
  "/kelola/inovasi?halaman=3.7&tahap=draft&tahap=%00",
  "/undangan/%00",
  "/atur-ulang-sandi/" + "x".repeat(3000),
  "/api/v1/innovations/%00",
  "/api/v1/innovations/99999999999999999999",
  "/api/v1/agencies/%27",
  "/kompetisi/%00",
  "/kelola/kompetisi/%27",
  "/kelola/kompetisi/kipp-uji/atur/%00",
  "/kelola/kompetisi/kipp-uji/tahap/99999999999999999999",
  "/kelola/kompetisi/kipp-uji/tahap/-1",
  "/api/v1/competitions/%00",
  "/kelola/proposal/%00",
  "/kelola/proposal/99999999999999999999",
  "/kelola/proposal/1/berkas/%27",
  "/kelola/proposal/abc/tanda-terima",
  "/kelola/kompetisi/kipp-buka/tahap/%00/pleno",
  "/kelola/kompetisi/kipp-buka/tahap/registrasi/penugasan",
  "/kelola/kompetisi/kipp-buka/tahap/evaluasi/penugasan?halaman=1.5",
  "/kelola/kompetisi/%27/juri",
  "/kelola/penilaian/kipp-buka/evaluasi/99999999999999999999",
  "/kelola/penilaian/%00/%00/-1",
  "/sertifikat/%00",
  "/sertifikat/" + "Z".repeat(4000) + "/pdf",
  "/sertifikat/ABCD-EFGH-JK2%27",
  "/kompetisi/%27/hasil",
  "/api/v1/certificates/%27%20or%201=1",
  "/api/v1/competitions/%00/results",
  "/kelola/kompetisi/kipp-buka/laporan/unduh?tabel=%00&format=exe",
  "/kelola/kompetisi/kipp-buka/hasil/unpsa?tingkat=%27",
  "/sertifikat/periksa?kode=%00%27",
  "/sertifikat/periksa?kode=" + "x".repeat(5000),
  "/kelola/notifikasi?halaman=%27",
  "/kelola/presentasi/%00",
  "/kelola/presentasi/99999999999999999999",
  "/kelola/verifikasi/%00/%00/-1",
  "/kelola/verifikasi/kipp-buka/verifikasi-lapangan/99999999999999999999",
  "/kelola/verifikasi/kipp-buka/evaluasi/1?foto=%27",
  "/kelola/kompetisi/kipp-buka/tahap/%00/jadwal",
  "/kelola/kompetisi/kipp-buka/tahap/evaluasi/verifikasi",
  "/kelola/kompetisi/kipp-buka/tahap/presentasi/jadwal?ubah=99999999999999999999",
  "/kelola/kompetisi/%27/laporan",
  "/kelola/kompetisi/kipp-buka/laporan?tahap=%27%22%3Cscript%3E&dasar=x",
  "/kelola/kompetisi/kipp-buka/laporan/unduh",
  "/kelola/kompetisi/kipp-buka/laporan/unduh?tabel=%27&format=pdf&tahap=" + "a".repeat(5000),
  "/kelola/kompetisi/kipp-buka/laporan/unduh?tabel=plenary&format=xlsx&tahap=registrasi",
  "/kelola/kompetisi/kipp-buka/laporan/unduh?tabel=stage&tabel=group&format=csv&format=xlsx",
];
const GET_PATHS = ["/", "/inovasi", "/instansi", "/kepatuhan", "/kepatuhan/unduh", "/kelola", "/kelola/inovasi", "/kelola/unit", "/kelola/pengguna", "/kelola/instansi", "/kelola/kotak-keluar", "/api/v1/innovations", "/api/v1/agencies", "/api/v1/regions", "/api/v1/compliance", "/kompetisi", "/kompetisi/kipp-uji", "/kelola/kompetisi", "/kelola/kompetisi/kipp-uji", "/api/v1/competitions", "/kelola/proposal", "/kelola/kompetisi/kipp-buka/juri", "/kelola/kompetisi/kipp-buka/konflik", "/kelola/kompetisi/kipp-buka/tahap/evaluasi/penugasan", "/kelola/kompetisi/kipp-buka/tahap/evaluasi/pleno", "/kelola/penilaian", "/kelola/penilaian/kipp-buka/evaluasi/{rid}", "/kelola/kompetisi/kipp-buka/hasil", "/kelola/kompetisi/kipp-buka/keberatan", "/kelola/kompetisi/kipp-buka/laporan", "/kompetisi/kipp-buka/hasil", "/kelola/kompetisi/kipp-buka/tahap/presentasi/jadwal", "/kelola/kompetisi/kipp-buka/tahap/verifikasi-lapangan/verifikasi", "/kelola/verifikasi/kipp-buka/verifikasi-lapangan/{rid}", "/kelola/notifikasi"];
const POST_PATHS = ["/masuk", "/lupa-sandi", "/preferensi", "/kelola/inovasi/baru", "/kelola/inovasi/{id}", "/kelola/inovasi/99999999999", "/kelola/unit", "/kelola/pengguna", "/kelola/instansi", "/undangan/abc", "/atur-ulang-sandi/abc", "/kelola/kompetisi", "/kelola/kompetisi/kipp-uji", "/kelola/kompetisi/kipp-uji/atur/tahap", "/kelola/kompetisi/kipp-uji/atur/kelayakan", "/kelola/kompetisi/kipp-uji/atur/umum", "/kelola/kompetisi/kipp-uji/tahap/2", "/kelola/proposal", "/kelola/proposal/{pid}", "/kelola/proposal/{pid}/simpan-otomatis", "/kelola/kompetisi/kipp-buka/juri", "/kelola/kompetisi/kipp-buka/konflik", "/kelola/kompetisi/kipp-buka/tahap/evaluasi/penugasan", "/kelola/kompetisi/kipp-buka/tahap/evaluasi/pleno", "/kelola/penilaian/kipp-buka/evaluasi/{rid}", "/kelola/kompetisi/kipp-buka/hasil", "/kelola/kompetisi/kipp-buka/keberatan", "/kelola/kompetisi/kipp-buka/tahap/presentasi/jadwal", "/kelola/kompetisi/kipp-buka/tahap/verifikasi-lapangan/verifikasi", "/kelola/verifikasi/kipp-buka/verifikasi-lapangan/{rid}"];

const LONG = "ä".repeat(100_000);
const hostileForms: Record<string, string | string[]>[] = [
  { name: LONG, email: LONG, password: LONG, summary: LONG, lang: LONG, zone: LONG, redirectTo: "//evil.example" },
  { "sectors[]": ["x", "\u0000"], "sdgs[]": ["0", "99", "abc"], startedOn: "2021-02-30", version: "-1", unitId: "1e99", agencyId: "abc", role: "root", type: "x", regionCode: "'; drop table users; --" },
  { _intent: "removeFile", fileId: "NaN" },
  { _intent: "removeFile", fileId: "99999999999" },
  // Otherwise valid forms naming a row beyond PostgreSQL's integer.
  { name: "Inovasi Uji Batas", unitId: "99999999999", agencyId: "99999999999" },
  { name: "Inovasi Uji Batas", origin: "replication", originInnovation: "99999999999" },
  { email: "batas.id@uji.go.id", name: "Uji Batas", role: "unit_operator", agencyId: "99999999999", unitId: "99999999999" },
  { _intent: "publish" },
  // Lists sent as single values, single fields sent twice: refused, and the form shown again.
  { name: ["Dua", "Nama"], sdgs: "0", sectors: "tik", status: ["x", "y"], version: ["1", "2"] },
  { name: "Nama\u0000Nul", email: "a\u0000@b.id", password: "x\u0000", indicator_name: "a\u0000", indicator_before: "1", indicator_after: "2" },
  { _intent: "nonsense", indicator_name: ["a", "b"], indicator_before: "1" },
  // Setup forms: rows with hostile indexes, instants, rubric lines, shares and versions.
  { "r.0.code": "\u0000", "r.99999.name": LONG, "r.0.opensAt": "2031-02-30T25:61", "r.0.closesAt": "x", "r.0.advancement.n": "1e309", "r.0.rubric": "9-1: x\n-: \n1-2", "r.0.advancement.minTypeShares": "desa:x,:", "q.0.max": "-1", "r.0._remove": LONG, "excludeTiers[]": ["\u0000"], edition: "1e99", slug: LONG, source: "clone:99999999999" },
  { version: "99999999999999999999", _intent: "announce", "r.-1.code": "a", "r.1.kind": "registration", "maxTimesInTier.tier": "x", "scoring.aggregate": "max", objectionDays: "-5", source: "preset:__proto__" },
  { code: "\u0000", body: LONG, version: "1e99", competition: LONG, innovationId: "-1", groupCode: "\u0000", categoryCode: LONG },
  { _intent: "removeFile:99999999999", "section.x": LONG, "link.video": "javascript:alert(1)", sources: "abc 1e99 -5", "declarations[]": ["\u0000"] },
  { _intent: "endorse" },
  { _intent: "return", comment: LONG },
  { videoUrl: "javascript:alert(1)", contactEmail: "a@b", contactPhone: "<>", origin: "replication", originInnovation: "%00" },
  // Judging forms: pool rows, conflicts, manual assignment, plenary decisions, scores.
  { "r.0.userId": "1e99", "r.0.member": "on", "r.0.capacity": "-5", "r.0.expertise[]": ["\u0000", "x"], "r.0.regionCode": "'; --", _intent: "run", op: "steal", proposalId: "abc", judgeId: "-1", reason: LONG },
  { state: "maybe", reason: "", conflictId: "99999999999999999999", kind: "x", note: LONG, _intent: "decide" },
  { "advances.1": "2", "advances.99999999999999999999": "1", "reason.1": LONG, basis: "normalised", "score.x": "1e309", "why.x": LONG, comment: LONG, version: "abc", _intent: "submit" },
  { _intent: "publish", tier: "\u0000", proposalId: "1e99", objectionId: "-1", number: LONG, date: "9999-99-99", response: LONG },
  { _intent: "generate", start: "9999-12-31T23:59", slotMinutes: "1e309", dayEnd: LONG, slotMode: "x", pattern: LONG, slot: "1e99", startsAt: "\u0000", workDaysOnly: ["1", "\u0000"], holidays: LONG },
  { _intent: "generate", start: "2026-08-15T08:00", workDaysOnly: "on", holidays: ["2026-08-17", "\u0000"], slotMode: "room", pattern: "R" },
  { _intent: "generate", start: "2026-08-14T08:00", holidays: "\r".repeat(2_000) + "2026-08-17 " + "x".repeat(2_000) + "\n\u00001-1-2026\n29-02-2027", slotMode: "room", pattern: "R" },
  { _intent: "date", proposal: "abc", visitDate: "9999-99-99", "testimonies.0.name": ["a", "b"], verified: ["yes", "no"] },
  { "score.kebaruan": "NaN", "score.signifikansi": "-1", "why.kebaruan": "\u0000", _intent: "save", op: "add", reviewId: "x" },
];

let database: Database;
let anon: Client;
let admin: Client;
let draftId = 0;
let proposalId = 0;
let operator: Client;
let evaluator: Client;
let reviewedId = 0;
const fill = (p: string) => p.replace("{id}", String(draftId)).replace("{pid}", String(proposalId)).replace("{rid}", String(reviewedId));
beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const u = await createTestUser(database.db, { role: "national_admin" });
  draftId = (await createInnovation(database.db, { state: "draft" })).id;
  await createCompetition(database.db, { slug: "kipp-uji", state: "announced" });
  // An agency's operator and a proposal they may edit, so hostile forms reach its code.
  const agency = await createAgency(database.db);
  const op = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id });
  const open = await createCompetition(database.db, { slug: "kipp-buka", state: "announced", registrationClosesInDays: 10 });
  const innovation = await createInnovation(database.db, { agencyId: agency.id });
  proposalId = (
    await database.db
      .insert(proposals)
      .values({ competitionId: open.id, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: "Uji" })
      .returning()
  )[0].id;
  // A judge with a proposal to score in an open stage, so hostile scores reach the scoring code.
  const judge = await createTestUser(database.db, { role: "evaluator" });
  const scored = await createInnovation(database.db, { agencyId: agency.id });
  reviewedId = (
    await database.db
      .insert(proposals)
      .values({ competitionId: open.id, innovationId: scored.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: "Dinilai", state: "submitted", screening: "passed", submittedAt: new Date() })
      .returning()
  )[0].id;
  const config = structuredClone(open.config);
  const stage = config.stages.find((s) => s.code === "evaluasi")!;
  stage.opensAt = new Date(Date.now() - 86_400_000).toISOString();
  stage.closesAt = new Date(Date.now() + 86_400_000).toISOString();
  await database.db.update(competitions).set({ config }).where(eq(competitions.id, open.id));
  await database.db.insert(assignments).values([
    { competitionId: open.id, stageCode: "evaluasi", proposalId: reviewedId, judgeId: judge.id },
    { competitionId: open.id, stageCode: "verifikasi-lapangan", proposalId: reviewedId, judgeId: judge.id },
  ]);
  evaluator = newClient();
  await evaluator.login(judge.email, judge.password);
  anon = newClient();
  admin = newClient();
  await admin.login(u.email, u.password);
  operator = newClient();
  await operator.login(op.email, op.password);
});
afterAll(async () => database?.close());

describe("hostile input", () => {
  it("never answers a GET with a 500", async () => {
    const failures: string[] = [];
    for (const c of [anon, admin, evaluator]) {
      for (const p of [...GET_PATHS.map((x) => x + HOSTILE_QUERY), ...HOSTILE_PATHS]) {
        const res = await c.get(fill(p));
        if (res.status >= 500) failures.push(`${p.slice(0, 80)} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  // One test per person: each posts every hostile form to every form route.
  for (const who of ["anonymous", "national admin", "agency operator", "evaluator"] as const) {
    it(`never answers a form post with a 500 (${who})`, async () => {
      const c = who === "anonymous" ? anon : who === "national admin" ? admin : who === "evaluator" ? evaluator : operator;
      const failures: string[] = [];
      for (const p of POST_PATHS) {
        for (const f of hostileForms) {
          const res = await c.post(fill(p), f);
          if (res.status >= 500) failures.push(`${p} ${Object.keys(f).join(",").slice(0, 60)} → ${res.status}`);
        }
      }
      expect(failures).toEqual([]);
      // Every hostile form to every form route: hundreds of requests, each with 100 kB fields.
    }, 120_000);
  }

  it("answers a request body that is not a form with a 4xx", async () => {
    const res = await admin.request("POST", "/kelola/inovasi/baru", new URLSearchParams("a=%ZZ"), { "x-csrf-token": await admin.csrf() });
    expect(res.status).toBeLessThan(500);
    const garbage = await admin.request("POST", "/kelola/pengguna", "\u0000\u0001" as unknown as URLSearchParams, {
      "content-type": "multipart/form-data; boundary=zz",
      "x-csrf-token": await admin.csrf(),
    });
    expect(garbage.status).toBeLessThan(500);
  });
});
