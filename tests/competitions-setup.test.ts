// Setting up an edition in the browser's way (forms posted to the running app): from a preset or
// a clone, part by part, with errors placed beside the fields and nothing typed lost; then
// announced, and visible to the public and the open API, drafts never.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageScripts, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { auditLog, competitions, proposals, reviews } from "../app/db/schema";
import { partValues, type SetupPart } from "../app/modules/competitions/part-forms";
import type { FormValues } from "../app/modules/competitions/parts";

let database: Database;
let admin: Client;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const user = await createTestUser(database.db, { role: "national_admin" });
  admin = newClient();
  await admin.login(user.email, user.password);
});
afterAll(async () => database?.close());

const row = async (slug: string) => (await database.db.select().from(competitions).where(eq(competitions.slug, slug)))[0];

/** The form a setup page shows, as a browser would post it back (zone WIB, the default). */
async function formOf(slug: string, part: SetupPart | { criteriaOf: number }): Promise<Record<string, string | string[]>> {
  const r = await row(slug);
  const values: FormValues = partValues(r, part, "WIB");
  const fields: Record<string, string | string[]> = { version: String(r.version) };
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) fields[`${k}[]`] = v;
    else if (v !== "") fields[k] = v; // an unticked box is not sent
  }
  return fields;
}

const html = async (res: Response) => res.text();

describe("creating an edition", () => {
  it("starts from the 2023 preset, as a draft, and says so", async () => {
    const res = await admin.post("/kelola/kompetisi", { edition: "2031", slug: "kipp-2031", source: "preset:kipp-2023-umum" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/kelola/kompetisi/kipp-2031?pesan=dibuat");
    const r = await row("kipp-2031");
    expect(r.state).toBe("draft");
    expect(r.config.sections).toHaveLength(8);
    expect(r.config.stages[0].closesAt).toBe("2031-04-30T23:59:59+07:00");
    const page = await html(await admin.get("/kelola/kompetisi/kipp-2031?pesan=dibuat"));
    expect(page).toContain("Kompetisi Inovasi Pelayanan Publik 2031");
    expect(page).toContain("30 April 2031 pukul 23.59 WIB");
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "competition.create"));
    expect(audit.subjectId).toBe(String(r.id));
  });

  it("clones an earlier edition into a later year, dates moved by whole years", async () => {
    const source = await createCompetition(database.db, { edition: 2017, preset: "kipp-2017", slug: "kipp-2017" });
    const res = await admin.post("/kelola/kompetisi", { edition: "2032", slug: "kipp-2032", source: `clone:${source.id}` });
    expect(res.status).toBe(302);
    const r = await row("kipp-2032");
    expect(r.clonedFromId).toBe(source.id);
    expect(r.name).toBe("Kompetisi Inovasi Pelayanan Publik 2032");
    expect(r.config.categories).toEqual(source.config.categories);
    expect(r.config.stages.map((s) => s.closesAt)).toEqual(source.config.stages.map((s) => s.closesAt.replace(/^2017/, "2032")));
  });

  it("names the field at fault and keeps what was typed", async () => {
    const res = await admin.post("/kelola/kompetisi", { edition: "dua ribu", slug: "KIPP 2033!", source: "preset:tidak-ada" });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("Masukkan angka.");
    expect(page).toContain("Gunakan huruf kecil, angka dan tanda hubung, misalnya kipp-2027.");
    expect(page).toContain('value="dua ribu"');
    const taken = await admin.post("/kelola/kompetisi", { edition: "2031", slug: "kipp-2031", source: "preset:kipp-2017" });
    expect(taken.status).toBe(409);
    expect(await html(taken)).toContain("Alamat singkat ini sudah dipakai edisi lain.");
  });
});

describe("editing the parts", () => {
  it("adds, changes and removes rows of a list", async () => {
    const form = await formOf("kipp-2031", "kategori");
    form["r.0.name"] = "Kesehatan Masyarakat";
    form["r.1._remove"] = "on";
    form["r.50.code"] = "desa-digital";
    form["r.50.name"] = "Desa Digital";
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/kategori", form);
    expect(res.status).toBe(302);
    const { config } = await row("kipp-2031");
    expect(config.categories[0].name).toBe("Kesehatan Masyarakat");
    expect(config.categories.map((c) => c.code)).not.toContain("ekonomi");
    expect(config.categories.at(-1)).toEqual({ code: "desa-digital", name: "Desa Digital", description: "" });
    expect(config.categories).toHaveLength(11);
  });

  it("puts each error beside its row's field, in the reader's language, losing nothing", async () => {
    const form = await formOf("kipp-2031", "kategori");
    form["r.3.code"] = form["r.0.code"];
    form["r.4.name"] = "Nama Baru Yang Tidak Disimpan";
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/kategori", form);
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain('href="#f-r-3-code"');
    expect(page).toContain("Kode ini sudah dipakai baris lain.");
    expect(page).toContain('value="Nama Baru Yang Tidak Disimpan"');
    expect((await row("kipp-2031")).config.categories[4].name).not.toBe("Nama Baru Yang Tidak Disimpan");
  });

  it("reads stage times in the editor's zone and checks their order", async () => {
    const form = await formOf("kipp-2031", "tahap");
    expect(form["r.0.closesAt"]).toBe("2031-04-30T23:59:59");
    form["r.1.closesAt"] = "2031-04-01T00:00";
    const bad = await admin.post("/kelola/kompetisi/kipp-2031/atur/tahap", form);
    expect(bad.status).toBe(400);
    expect(await html(bad)).toContain("Waktu tutup harus sesudah waktu buka.");

    // Someone in Makassar (WITA) moves the deadline to 1 May, 17.00 their time, and the
    // screening to open at that same instant (no gap is needed, and there is no overlap).
    const good = await formOf("kipp-2031", "tahap");
    good["r.0.closesAt"] = "2031-05-01T17:00:00";
    good["r.1.opensAt"] = "2031-05-01T17:00:00";
    await admin.post("/preferensi", { zone: "WITA" });
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/tahap", good);
    await admin.post("/preferensi", { zone: "WIB" });
    expect(res.status).toBe(302);
    const { config } = await row("kipp-2031");
    expect(config.stages[0].closesAt).toBe("2031-05-01T17:00:00+08:00");
    // The stages' criteria, edited on their own pages, are kept.
    expect(config.stages[2].criteria).toHaveLength(7);
  });

  it("refuses a stage that opens before the stage before it closes, naming that stage and its close", async () => {
    const form = await formOf("kipp-2031", "tahap");
    const stored = (await row("kipp-2031")).config.stages[3].opensAt;
    // The panel's scoring would open while the evaluators are still scoring (until 30 June,
    // 23.59 WITA since the deadline was saved from Makassar above: 22.59 WIB).
    form["r.3.opensAt"] = "2031-06-20T00:00:00";
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/tahap", form);
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain('href="#f-r-3-opensAt"');
    expect(page).toContain("Tahap ini baru boleh dibuka setelah tahap sebelumnya, Evaluasi proposal (Tim Evaluasi), ditutup (30 Juni 2031 pukul 22.59 WIB).");
    expect(page).toContain('value="2031-06-20T00:00:00"');
    expect((await row("kipp-2031")).config.stages[3].opensAt).toBe(stored);
    // In English, and in the zone the editor types in (the form's times are read in it too).
    await admin.post("/preferensi", { zone: "WIT", lang: "en" });
    const en = await html(await admin.post("/kelola/kompetisi/kipp-2031/atur/tahap", form));
    await admin.post("/preferensi", { zone: "WIB", lang: "id" });
    expect(en).toContain("This stage may open only once the stage before it, Evaluasi proposal (Tim Evaluasi), has closed (30 June 2031 at 22:59 WIT).");
  });

  it("still shows an edition stored with overlapping stages, warns of it, and saves its other parts", async () => {
    const r = await createCompetition(database.db, { edition: 2034, slug: "kipp-2034" });
    const stages = structuredClone(r.config.stages);
    stages[2].opensAt = "2034-05-20T00:00:00+07:00";
    await database.db.update(competitions).set({ config: { ...r.config, stages } }).where(eq(competitions.id, r.id));
    const page = await html(await admin.get("/kelola/kompetisi/kipp-2034"));
    expect(page).toContain("Jadwal edisi ini tumpang tindih");
    expect(page).toContain("Evaluasi proposal (Tim Evaluasi) dibuka sebelum Seleksi administrasi ditutup (31 Mei 2034 pukul 23.59 WIB).");
    const categories = await formOf("kipp-2034", "kategori");
    expect((await admin.post("/kelola/kompetisi/kipp-2034/atur/kategori", categories)).status).toBe(302);
    // Saving the stages page applies the rule, even when the times were left as they were.
    const timetable = await formOf("kipp-2034", "tahap");
    const refused = await admin.post("/kelola/kompetisi/kipp-2034/atur/tahap", timetable);
    expect(refused.status).toBe(400);
    const refusal = await html(refused);
    expect(refusal).toContain('href="#f-r-2-opensAt"');
    expect(refusal).toContain("Tahap ini baru boleh dibuka setelah tahap sebelumnya, Seleksi administrasi, ditutup (31 Mei 2034 pukul 23.59 WIB).");
    timetable["r.2.opensAt"] = "2034-05-31T23:59:59";
    expect((await admin.post("/kelola/kompetisi/kipp-2034/atur/tahap", timetable)).status).toBe(302);
    expect(await html(await admin.get("/kelola/kompetisi/kipp-2034"))).not.toContain("tumpang tindih");
  });

  it("tells a number out of range its range, and names the row and field in the summary", async () => {
    const form = await formOf("kipp-2031", "tahap");
    form["r.4.reviewersPerProposal"] = "-1";
    form["r.1.advancement.n"] = "1e9";
    form["r.2.name"] = "n".repeat(201);
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/tahap", form);
    expect(res.status).toBe(400);
    const page = (await html(res)).replace(/<!-- -->/g, "");
    expect(page).toContain('href="#f-r-4-reviewersPerProposal">Baris 5 · Penilai per proposal: Masukkan bilangan bulat dari 0 sampai 10.</a>');
    expect(page).toContain('href="#f-r-1-advancement-n">Baris 2 · Jumlah yang lolos (N): Masukkan bilangan bulat dari 1 sampai 100.000.</a>');
    expect(page).toContain('href="#f-r-2-name">Baris 3 · Nama: Terlalu panjang (maksimal 200 karakter).</a>');
    expect(page).not.toContain("Masukkan angka.");
    expect((await row("kipp-2031")).config.stages[4].reviewersPerProposal).not.toBe(-1);
  });

  it("checks a stage's criteria weights and rubric", async () => {
    const form = await formOf("kipp-2031", { criteriaOf: 2 });
    form["r.0.weight"] = "50";
    form["r.1.rubric"] = "1-5: kurang\n5-10: baik";
    const res = await admin.post("/kelola/kompetisi/kipp-2031/tahap/2", form);
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("Bobot kriteria tahap ini harus berjumlah 100.");
    expect(page).toContain('href="#f-r-1-rubric"');
  });

  it("refuses a tier removed while a stage still awards it, saying where", async () => {
    const form = await formOf("kipp-2031", "predikat");
    form["r.2._remove"] = "on"; // top-99, awarded by the panel stage
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/predikat", form);
    expect(res.status).toBe(400);
    expect(await html(res)).toContain("stages.3.tier: Predikat ini tidak ada di daftar predikat.");
  });

  it("saves eligibility rules and quotas", async () => {
    const form = await formOf("kipp-2031", "kelayakan");
    form.minMonthsOperating = "24";
    form["q.9.agencyType"] = "bumd";
    form["q.9.max"] = "3";
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/kelayakan", form);
    expect(res.status).toBe(302);
    const { eligibility } = (await row("kipp-2031")).config;
    expect(eligibility.minMonthsOperating).toBe(24);
    expect(eligibility.quotas).toEqual([{ group: "umum", max: 10 }, { group: "replikasi", max: 5 }, { agencyType: "bumd", max: 3 }]);
    expect(eligibility.maxTimesInTier).toEqual({ tier: "top-99", times: 2 });
  });

  it("keeps what a stage's scores mean once judges have begun: wording may change, weights, scales and codes not", async () => {
    const db = database.db;
    const c = await createCompetition(db, { slug: "kipp-dinilai", state: "announced" });
    const stage = c.config.stages[2];
    const agency = await createAgency(db);
    const innovation = await createInnovation(db, { agencyId: agency.id });
    const judge = await createTestUser(db, { role: "evaluator" });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId: c.id, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: "Proposal Dinilai", state: "submitted", receiptNumber: "KIPP-DINILAI-1", submittedAt: new Date() })
      .returning();
    await db.insert(reviews).values({ competitionId: c.id, stageCode: stage.code, proposalId: p.id, judgeId: judge.id, scores: { [stage.criteria[0].code]: 5 } });
    const path = "/kelola/kompetisi/kipp-dinilai/tahap/2";
    expect(await html(await admin.get(path))).toContain("Juri sudah mulai menilai tahap ini");
    const unscored = await admin.get("/kelola/kompetisi/kipp-dinilai/tahap/1");
    expect(unscored.status).toBe(200);
    expect(await html(unscored)).not.toContain("Juri sudah mulai menilai tahap ini");

    const weights = await formOf("kipp-dinilai", { criteriaOf: 2 });
    [weights["r.0.weight"], weights["r.1.weight"]] = [weights["r.1.weight"], weights["r.0.weight"]];
    expect(weights["r.0.weight"]).not.toBe(weights["r.1.weight"]);
    const refused = await admin.post(path, weights);
    expect(refused.status).toBe(409);
    expect(await html(refused)).toContain("Juri sudah mulai menilai tahap ini: kode, bobot, dan skala kriterianya tidak dapat diubah lagi");
    const scale = await formOf("kipp-dinilai", { criteriaOf: 2 });
    scale["r.0.scaleMin"] = "0";
    expect((await admin.post(path, scale)).status).toBe(409);
    expect((await row("kipp-dinilai")).config.stages[2].criteria).toEqual(stage.criteria);

    const wording = await formOf("kipp-dinilai", { criteriaOf: 2 });
    wording["r.0.description"] = "Uraian yang diperbaiki.";
    expect((await admin.post(path, wording)).status).toBe(302);
    expect((await row("kipp-dinilai")).config.stages[2].criteria[0].description).toBe("Uraian yang diperbaiki.");

    const stages = await formOf("kipp-dinilai", "tahap");
    stages["r.2._remove"] = "on";
    const removed = await admin.post("/kelola/kompetisi/kipp-dinilai/atur/tahap", stages);
    expect(removed.status).toBe(409);
    expect(await html(removed)).toContain("tahap ini tidak dapat dihapus atau diganti kodenya");
  });

  it("refuses a save from a page older than the last save", async () => {
    const stale = await formOf("kipp-2031", "umum");
    const fresh = await formOf("kipp-2031", "umum");
    fresh.theme = "Tema pertama";
    expect((await admin.post("/kelola/kompetisi/kipp-2031/atur/umum", fresh)).status).toBe(302);
    stale.theme = "Tema kedua";
    const res = await admin.post("/kelola/kompetisi/kipp-2031/atur/umum", stale);
    expect(res.status).toBe(409);
    expect(await html(res)).toContain("Orang lain telah menyimpan perubahan");
    expect((await row("kipp-2031")).theme).toBe("Tema pertama");
  });
});

describe("announcing", () => {
  it("says a call whose deadline has passed is closed, instead of a bare date", async () => {
    await createCompetition(database.db, { slug: "kipp-tutup", state: "announced", registrationClosesInDays: -2 });
    const page = await html(await newClient().get("/kompetisi/kipp-tutup"));
    expect(page).toMatch(/Batas akhir pengiriman proposal: [^<]+<\/strong> · (<!-- -->)?pendaftaran sudah ditutup/);
    expect(page).not.toMatch(/jam lagi/);
  });

  it("keeps a draft from the public and the API until it is announced", async () => {
    const visitor = newClient();
    expect((await visitor.get("/kompetisi/kipp-2031")).status).toBe(404);
    expect((await visitor.get("/api/v1/competitions/kipp-2031")).status).toBe(404);
    const list = (await (await visitor.get("/api/v1/competitions")).json()) as { data: { slug: string }[] };
    expect(list.data.map((c) => c.slug)).not.toContain("kipp-2031");

    const r = await row("kipp-2031");
    const res = await admin.post("/kelola/kompetisi/kipp-2031", { _intent: "announce", version: String(r.version) });
    expect(res.status).toBe(302);
    expect((await row("kipp-2031")).state).toBe("announced");

    const page = await html(await visitor.get("/kompetisi/kipp-2031"));
    // The deadline typed in WITA, read in WIB.
    expect(page).toContain("Batas akhir pengiriman proposal: 1 Mei 2031 pukul 16.00 WIB");
    expect(page).toMatch(/ · (<!-- -->)?[\d.]+ hari \d+ jam lagi</);
    // A call shared on WhatsApp shows its name and theme.
    expect(page).toMatch(/<meta property="og:url" content="http:\/\/localhost:3000\/kompetisi\/kipp-2031"\/>/);
    expect(page).toMatch(/<meta property="og:title" content="[^"]+"\/>/);
    visitor.cookies.set("lumbung_lang", "en");
    // Plurals are the language's own: "1 hour", never "1 hours".
    const left = / · (?:<!-- -->)?[\d,]+ days (\d+) (hours?) left</.exec(await html(await visitor.get("/kompetisi/kipp-2031")));
    expect(left?.[2]).toBe(left?.[1] === "1" ? "hour" : "hours");
    visitor.cookies.delete("lumbung_lang");
    expect(page).toContain("Signifikansi");
    // The edition's public page sends no validation library to the browser.
    for (const { src, text } of await pageScripts(visitor, "/kompetisi/kipp-2031")) expect(text, src).not.toContain("ZodError");
    const api = (await (await visitor.get("/api/v1/competitions/kipp-2031")).json()) as { data: Record<string, unknown> };
    expect(api.data.deadline).toBe("2031-05-01T17:00:00+08:00");
    expect(api.data).not.toHaveProperty("scoring");
  });

  it("lists what is missing instead of announcing an inconsistent setup", async () => {
    const broken = await createCompetition(database.db, { slug: "kipp-rusak" });
    const config = structuredClone(broken.config);
    config.stages[2].criteria = [];
    await database.db.update(competitions).set({ config }).where(eq(competitions.id, broken.id));
    const res = await admin.post("/kelola/kompetisi/kipp-rusak", { _intent: "announce", version: String(broken.version) });
    expect(res.status).toBe(400);
    expect(await html(res)).toContain("Tahap yang dinilai membutuhkan kriteria");
    expect((await row("kipp-rusak")).state).toBe("draft");
  });
});
