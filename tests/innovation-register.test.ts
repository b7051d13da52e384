import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import { COMPLETE_ENTRY, MINI_PDF, PNG_1PX, fileOf } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser, createUnit } from "../app/db/factories.server";
import { agencies, innovationFiles, innovationHistory, innovations, notifications, outbox, units } from "../app/db/schema";

let database: Database;
let newClient: () => Client;
let operator: Awaited<ReturnType<typeof createTestUser>>;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let otherOperator: Awaited<ReturnType<typeof createTestUser>>;
let nationalAdmin: Awaited<ReturnType<typeof createTestUser>>;
let unitId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const agency = await createAgency(database.db, { name: "Pemerintah Kabupaten Uji" });
  const unit = await createUnit(database.db, { agencyId: agency.id, name: "Dinas Uji" });
  unitId = unit.id;
  operator = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, unitId });
  admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
  otherOperator = await createTestUser(database.db, { role: "unit_operator" });
  nationalAdmin = await createTestUser(database.db, { role: "national_admin" });
});
afterAll(async () => database?.close());

async function as(user: { email: string; password: string }) {
  const c = newClient();
  await c.login(user.email, user.password);
  return c;
}

function form(fields: Record<string, string | string[]>, files: { photos?: File[]; evidence?: File[] } = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) (Array.isArray(v) ? v : [v]).forEach((x) => f.append(k, x));
  files.photos?.forEach((p) => f.append("photos", p));
  files.evidence?.forEach((p) => f.append("evidence", p));
  return f;
}

const idFrom = (location: string | null) => Number(location?.match(/\/kelola\/inovasi\/(\d+)/)?.[1]);

describe("the innovation register", () => {
  it("keeps a draft with only a name, and says which fields are wrong otherwise", async () => {
    const c = await as(operator);
    const bad = await c.post("/kelola/inovasi/baru", form({ name: "", contactEmail: "bukan email", startedOn: "2999-01-01" }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('href="#f-name"');
    expect(html).toContain("Masukkan alamat email yang benar");
    expect(html).toContain("Tanggal mulai tidak boleh di masa depan");
    expect(html).toContain('value="bukan email"'); // nothing typed is lost

    const ok = await c.post("/kelola/inovasi/baru", form({ name: "Draf Sederhana" }));
    expect(ok.status).toBe(302);
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, idFrom(ok.headers.get("location"))));
    expect(row.state).toBe("draft");
    expect(row.unitId).toBe(unitId); // the operator's own unit by default
  });

  it("runs draft → submitted → returned → submitted → published, with history and mail", async () => {
    const op = await as(operator);
    const created = await op.post(
      "/kelola/inovasi/baru",
      form({ ...COMPLETE_ENTRY }, { photos: [fileOf(PNG_1PX, "foto.png", "image/png")], evidence: [fileOf(MINI_PDF, "sk.pdf", "application/pdf")] }),
    );
    expect(created.status).toBe(302);
    const id = idFrom(created.headers.get("location"));

    const page = await op.get(`/kelola/inovasi/${id}`);
    const html = await page.text();
    expect(html).toContain("foto.png");
    expect(html).toContain("sk.pdf");
    const version = Number(html.match(/name="version" value="(\d+)"/)?.[1]);

    const sent = await op.post(`/kelola/inovasi/${id}`, form({ ...COMPLETE_ENTRY, version: String(version), _intent: "submit" }));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toContain("pesan=submitted");

    // Anonymous visitors cannot see an unpublished entry's files.
    const anon = newClient();
    const fileId = Number(html.match(/href="\/berkas\/(\d+)"/)?.[1]);
    expect((await anon.get(`/berkas/${fileId}`)).status).toBe(404);

    const ad = await as(admin);
    const noComment = await ad.post(`/kelola/inovasi/${id}`, { _intent: "return", comment: "" });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain("Tulis catatan untuk operator");
    const returned = await ad.post(`/kelola/inovasi/${id}`, { _intent: "return", comment: "Lengkapi sumber data indikator." });
    expect(returned.status).toBe(302);

    const again = await op.get(`/kelola/inovasi/${id}`);
    const againHtml = await again.text();
    expect(againHtml).toContain("Lengkapi sumber data indikator.");
    const v2 = Number(againHtml.match(/name="version" value="(\d+)"/)?.[1]);
    const resent = await op.post(`/kelola/inovasi/${id}`, form({ ...COMPLETE_ENTRY, indicator_source: "BPS Kabupaten", version: String(v2), _intent: "submit" }));
    expect(resent.status).toBe(302);

    const published = await ad.post(`/kelola/inovasi/${id}`, { _intent: "publish" });
    expect(published.status).toBe(302);
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(row.state).toBe("published");
    expect(row.publishedAt).toBeTruthy();
    expect(row.indicators[0].source).toBe("BPS Kabupaten");

    const history = await database.db.select().from(innovationHistory).where(eq(innovationHistory.innovationId, id));
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["created", "fileAdded", "submitted", "returned", "updated", "published"]),
    );
    // Each save names only what it changed: the first send changed nothing (this form names no
    // unit, and an operator's blank unit is its own), the second added the indicator's source.
    const updates = history.filter((h) => h.action === "updated").sort((a, b) => a.id - b.id);
    expect(updates.map((h) => h.changedFields)).toEqual([["indicators"]]);

    const mails = await database.db.select().from(outbox);
    expect(mails.some((m) => m.toAddress === admin.email && m.kind === "innovation-submitted")).toBe(true);
    // The same steps reach each person's notifications in the work area.
    const noticesOf = async (userId: number) => (await database.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);
    expect(await noticesOf(admin.id)).toContain("innovation-submitted");
    expect(await noticesOf(operator.id)).toEqual(expect.arrayContaining(["innovation-returned", "innovation-published"]));
    expect(await pageText(await ad.get("/kelola/notifikasi"))).toContain("Inovasi menunggu pemeriksaan");
    expect(mails.some((m) => m.toAddress === operator.email && m.subject.includes("dikembalikan"))).toBe(true);

    // Now public, so its photo is too.
    const photo = await anon.get(`/berkas/${fileId}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
  });

  it("refuses to send an incomplete entry and names the missing fields", async () => {
    const op = await as(operator);
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Belum Lengkap" }));
    const id = idFrom(created.headers.get("location"));
    const res = await op.post(`/kelola/inovasi/${id}`, form({ name: "Belum Lengkap", version: "1", _intent: "submit" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Lengkapi isian wajib sebelum mengirim");
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(row.state).toBe("draft");

    // Admin Lokal may publish a draft without its being sent, but not an incomplete one.
    const published = await (await as(admin)).post(`/kelola/inovasi/${id}`, { _intent: "publish" });
    expect(published.status).toBe(400);
    expect(await published.text()).toContain("Lengkapi isian wajib sebelum mengirim");
    const [still] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(still.state).toBe("draft");
  });

  it("names the field of every error in the summary and links to it, lists included", async () => {
    const op = await as(operator);
    const res = await op.post("/kelola/inovasi/baru", form({ name: "Salah Isi", acronym: "x".repeat(61), sdgs: ["3", "-1"], status: "raja", indicator_name: ["Waktu layanan"], indicator_before: [""], indicator_after: ["2"], indicator_unit: ["hari"], indicator_source: [""] }));
    expect(res.status).toBe(400);
    const body = (await res.text()).replace(/<!-- -->/g, "");
    expect(body).toMatch(/<a href="#f-acronym"[^>]*>Akronim: Terlalu panjang \(maksimal 60 karakter\)\.<\/a>/);
    // An error in the second SDG ticked belongs to the SDG list, and says it is not a choice.
    expect(body).toMatch(/<a href="#f-sdgs"[^>]*>Tujuan Pembangunan Berkelanjutan \(SDGs\): Pilih salah satu pilihan yang tersedia\.<\/a>/);
    expect(body).toMatch(/<a href="#f-status"[^>]*>Status pelaksanaan: /);
    expect(body).toMatch(/<a href="#f-indicators-0"[^>]*>Indikator 1: /);
  });

  it("rejects an upload whose bytes are not what its name claims", async () => {
    const op = await as(operator);
    const fake = fileOf(Buffer.from("<script>alert(1)</script>"), "foto.png", "image/png");
    const res = await op.post("/kelola/inovasi/baru", form({ name: "Dengan Berkas Palsu" }, { photos: [fake] }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Jenis berkas tidak diterima (foto.png)");
  });

  it("serves a stored file under its own sandboxed policy, not the pages' one", async () => {
    const op = await as(operator);
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Dengan Dokumen" }, { evidence: [fileOf(MINI_PDF, "laporan.pdf", "application/pdf")] }));
    const [file] = await database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, idFrom(created.headers.get("location"))));
    const res = await op.get(`/berkas/${file.id}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("sandbox");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("nonce-");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''laporan.pdf");
  });

  it("stores a file chosen twice once, and refuses more photos than an entry holds", async () => {
    const op = await as(operator);
    const pdf = () => fileOf(MINI_PDF, "laporan.pdf", "application/pdf");
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Berkas Ganda" }, { evidence: [pdf(), pdf()] }));
    expect(created.status).toBe(302);
    const id = idFrom(created.headers.get("location"));
    const filesOf = () => database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, id));
    expect(await filesOf()).toHaveLength(1);
    // Chosen again on a later save: still one.
    expect((await op.post(`/kelola/inovasi/${id}`, form({ _intent: "save", name: "Berkas Ganda", version: "1" }, { evidence: [pdf()] }))).status).toBe(302);
    expect(await filesOf()).toHaveLength(1);

    // Eleven different photos: refused whole, with the limit named, and nothing stored.
    const photos = Array.from({ length: 11 }, (_, i) => fileOf(Buffer.concat([PNG_1PX, Buffer.from([i])]), `foto-${i}.png`, "image/png"));
    const tooMany = await op.post(`/kelola/inovasi/${id}`, form({ _intent: "save", name: "Berkas Ganda", version: "1" }, { photos }));
    expect(tooMany.status).toBe(400);
    expect(await pageText(tooMany)).toContain("Paling banyak 10 berkas jenis ini untuk satu inovasi (sudah tersimpan 0)");
    expect(await filesOf()).toHaveLength(1);
  });

  it("keeps the good files of a refused entry for the next try, and drops the ones unticked", async () => {
    const op = await as(operator);
    const fake = fileOf(Buffer.from("bukan pdf"), "palsu.pdf", "application/pdf");
    const refused = await op.post(
      "/kelola/inovasi/baru",
      form({ name: "" }, { photos: [fileOf(PNG_1PX, "balai.png", "image/png"), fileOf(PNG_1PX, "loket.png", "image/png")], evidence: [fake] }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Jenis berkas tidak diterima (palsu.pdf)");
    const held = [...html.matchAll(/name="_held"[^>]*value="([\w-]{22})"\/>([\w.]+) \(/g)].map((m) => ({ token: m[1], name: m[2] }));
    // The two photos wait; the false PDF does not.
    expect(held.map((h) => h.name).sort()).toEqual(["balai.png", "loket.png"]);

    // Sent again with the name, one photo left ticked: only that one is stored.
    const balai = held.find((h) => h.name === "balai.png")!.token;
    const ok = await op.post("/kelola/inovasi/baru", form({ name: "Dengan Foto Tersimpan", _held: balai }));
    expect(ok.status).toBe(302);
    const files = await database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, idFrom(ok.headers.get("location"))));
    expect(files.map((f) => [f.kind, f.filename])).toEqual([["photo", "balai.png"]]);
    // A token is good once: the same form sent twice does not attach the photo again.
    const twice = await op.post("/kelola/inovasi/baru", form({ name: "Dikirim Dua Kali", _held: balai }));
    const none = await database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, idFrom(twice.headers.get("location"))));
    expect(none).toHaveLength(0);

    // Kept, and chosen again as well: stored once.
    const again = await (await op.post("/kelola/inovasi/baru", form({ name: "" }, { photos: [fileOf(PNG_1PX, "ulang.png", "image/png")] }))).text();
    const token = /name="_held"[^>]*value="([\w-]{22})"\/>ulang\.png/.exec(again)?.[1];
    expect(token).toBeDefined();
    const both = await op.post("/kelola/inovasi/baru", form({ name: "Dipilih Dua Kali", _held: token! }, { photos: [fileOf(PNG_1PX, "ulang.png", "image/png")] }));
    const once = await database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, idFrom(both.headers.get("location"))));
    expect(once.map((f) => f.filename)).toEqual(["ulang.png"]);
  });

  it("places an innovation where it runs: a province in itself or one of its regencies, never beyond", async () => {
    // Central Java's provincial government, from the reference data.
    const [province] = await database.db.select().from(agencies).where(and(eq(agencies.type, "provinsi"), eq(agencies.regionCode, "33")));
    const provincial = await createTestUser(database.db, { role: "unit_operator", agencyId: province.id });
    const op = await as(provincial);
    const blank = await (await op.get("/kelola/inovasi/baru")).text();
    expect(blank).toContain('name="regionCode"');
    expect(blank).toMatch(/<option value="33" selected="">/);
    expect(blank).toContain('<option value="33.02">');
    expect(blank).not.toContain('<option value="35.78">');

    const beyond = await op.post("/kelola/inovasi/baru", form({ name: "Di Luar Provinsi", regionCode: "35.78" }));
    expect(beyond.status).toBe(400);
    expect(await beyond.text()).toContain("Pilih wilayah instansi ini");
    const ok = await op.post("/kelola/inovasi/baru", form({ name: "Di Kabupaten", regionCode: "33.02" }));
    expect(ok.status).toBe(302);
    const id = idFrom(ok.headers.get("location"));
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect([row.regionCode, row.provinceCode]).toEqual(["33.02", "33"]);

    // Moved to another of its cities, the change is one line of the history.
    expect((await op.post(`/kelola/inovasi/${id}`, form({ name: "Di Kabupaten", regionCode: "33.74", version: "1" }))).status).toBe(302);
    expect((await database.db.select().from(innovations).where(eq(innovations.id, id)))[0].regionCode).toBe("33.74");
    expect(await (await op.get(`/kelola/inovasi/${id}/riwayat`)).text()).toContain("Wilayah pelaksanaan");

    // A regency's own operator has nothing to choose.
    expect(await (await (await as(operator)).get("/kelola/inovasi/baru")).text()).not.toContain('name="regionCode"');
  });

  it("does not let a second save overwrite the first silently", async () => {
    const op = await as(operator);
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Disunting Berdua" }));
    const id = idFrom(created.headers.get("location"));
    const first = await op.post(`/kelola/inovasi/${id}`, form({ name: "Versi Pertama", version: "1" }));
    expect(first.status).toBe(302);
    const second = await op.post(`/kelola/inovasi/${id}`, form({ name: "Versi Kedua", version: "1" }));
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("sudah diubah orang lain");
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(row.name).toBe("Versi Pertama");
  });

  it("after a conflict keeps what was typed and the version it was opened at, so Save again cannot overwrite", async () => {
    const op = await as(operator);
    const typed = {
      ...COMPLETE_ENTRY,
      unitId: String(unitId),
      indicator_name: ["Rata-rata waktu jawab", "Pengaduan terjawab"],
      indicator_before: ["14", "40"],
      indicator_after: ["3", "95"],
      indicator_unit: ["hari", "persen"],
      indicator_source: ["Laporan bulanan", "Aplikasi pengaduan"],
    };
    const created = await op.post("/kelola/inovasi/baru", form(typed));
    const id = idFrom(created.headers.get("location"));
    // The agency admin opens the same entry and saves a change to "Masalah" first.
    const ad = await as(admin);
    const adminVersion = (await (await ad.get(`/kelola/inovasi/${id}`)).text()).match(/name="version" value="(\d+)"/)?.[1];
    expect(adminVersion).toBe("1");
    expect((await ad.post(`/kelola/inovasi/${id}`, form({ ...typed, problem: "Masalah menurut Admin Lokal.", version: "1" }))).status).toBe(302);

    // The operator saves the form they opened at version 1, with a second indicator typed.
    const mine = { ...typed, problem: "Masalah menurut operator.", indicator_name: ["Rata-rata waktu jawab", "Pengaduan terjawab tepat waktu"] };
    const refused = await op.post(`/kelola/inovasi/${id}`, form({ ...mine, version: "1" }));
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain("sudah diubah orang lain");
    expect(html).toContain('value="Pengaduan terjawab tepat waktu"'); // the typed indicator rows
    expect(html).toContain('value="Aplikasi pengaduan"');
    expect(html).toContain("Masalah menurut operator."); // the typed text, in the form
    expect(html).toContain("Masalah menurut Admin Lokal."); // what the other person saved, shown
    expect(html.match(/name="version" value="(\d+)"/)?.[1]).toBe("1"); // the version it was opened at

    // Pressing Save again on that page conflicts again; the admin's text stays.
    const again = await op.post(`/kelola/inovasi/${id}`, form({ ...mine, version: html.match(/name="version" value="(\d+)"/)![1] }));
    expect(again.status).toBe(409);
    const [kept] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(kept.problem).toBe("Masalah menurut Admin Lokal.");
    expect(kept.indicators.map((r) => r.name)).toEqual(["Rata-rata waktu jawab", "Pengaduan terjawab"]);

    // Having seen the admin's version, the operator may knowingly keep theirs.
    const seen = html.match(/name="seenVersion" value="(\d+)"/)?.[1];
    expect(seen).toBe("2");
    const keptMine = await op.post(`/kelola/inovasi/${id}`, form({ ...mine, version: "1", seenVersion: seen!, _intent: "keepMine" }));
    expect(keptMine.status).toBe(302);
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(row.problem).toBe("Masalah menurut operator.");
    expect(row.indicators[1].name).toBe("Pengaduan terjawab tepat waktu");
  });

  it("records a change only for the fields changed, and nothing for a save that changes nothing", async () => {
    const op = await as(operator);
    // As the edit form sends it back: every field, the unit included.
    const entry = { ...COMPLETE_ENTRY, unitId: String(unitId) };
    const created = await op.post("/kelola/inovasi/baru", form(entry));
    const id = idFrom(created.headers.get("location"));
    const updates = async () =>
      (await database.db.select().from(innovationHistory).where(eq(innovationHistory.innovationId, id))).filter((h) => h.action === "updated");

    const unchanged = await op.post(`/kelola/inovasi/${id}`, form({ ...entry, version: "1" }));
    expect(unchanged.status).toBe(302);
    expect(unchanged.headers.get("location")).toContain("pesan=saved");
    expect(await updates()).toHaveLength(0);
    expect((await database.db.select().from(innovations).where(eq(innovations.id, id)))[0].version).toBe(1);

    const changed = await op.post(`/kelola/inovasi/${id}`, form({ ...entry, problem: "Masalah yang dirumuskan ulang.", version: "1" }));
    expect(changed.status).toBe(302);
    expect((await updates()).map((h) => h.changedFields)).toEqual([["problem"]]);
    expect((await database.db.select().from(innovations).where(eq(innovations.id, id)))[0].version).toBe(2);
    expect(await (await op.get(`/kelola/inovasi/${id}/riwayat`)).text()).not.toContain("Indikator terukur");
  });

  it("never shows an earlier success notice beside the errors of a refused save", async () => {
    const op = await as(operator);
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Pesan Yang Membingungkan" }));
    const createdAt = created.headers.get("location")!;
    expect(createdAt).toContain("pesan=created");
    expect(await (await op.get(createdAt)).text()).toContain("Inovasi tersimpan sebagai draf.");
    const id = idFrom(createdAt);

    const saved = await op.post(createdAt, form({ name: "Pesan Yang Membingungkan", unitId: String(unitId), problem: "Ada.", version: "1" }));
    const savedAt = saved.headers.get("location")!;
    expect(savedAt).toContain("pesan=saved");

    // The refused form posts back to the address it was shown at, notice and all.
    for (const at of [createdAt, savedAt]) {
      const refused = await op.post(at, form({ name: "", version: "2" }));
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain('class="error-summary"');
      expect(html).not.toContain("Perubahan tersimpan.");
      expect(html).not.toContain("Inovasi tersimpan sebagai draf.");
    }
    expect((await database.db.select().from(innovations).where(eq(innovations.id, id)))[0].name).toBe("Pesan Yang Membingungkan");
  });

  it("finds a replication's source by its name or acronym, and asks for the address when a name is shared", async () => {
    const source = await createInnovation(database.db, { state: "published", name: "Layanan Pengaduan Terpadu Uji", acronym: "LAPDU" });
    await createInnovation(database.db, { state: "published", name: "Bank Sampah Uji" });
    await createInnovation(database.db, { state: "published", name: "Bank Sampah Uji" });
    const op = await as(operator);
    for (const ref of ["layanan pengaduan terpadu  uji", "LAPDU", `/inovasi/${source.slug}`, String(source.id)]) {
      const res = await op.post("/kelola/inovasi/baru", form({ name: `Replikasi ${ref}`, origin: "replication", originInnovation: ref }));
      expect(res.status, ref).toBe(302);
      const [row] = await database.db.select().from(innovations).where(eq(innovations.id, idFrom(res.headers.get("location"))));
      expect(row.originInnovationId, ref).toBe(source.id);
    }
    const shared = await op.post("/kelola/inovasi/baru", form({ name: "Replikasi Bank Sampah", origin: "replication", originInnovation: "Bank Sampah Uji" }));
    expect(shared.status).toBe(400);
    expect(await pageText(shared)).toContain("Beberapa inovasi di katalog bernama begitu");
    const unknown = await op.post("/kelola/inovasi/baru", form({ name: "Replikasi Entah", origin: "replication", originInnovation: "Tidak Ada Sama Sekali" }));
    expect(await pageText(unknown)).toContain("Inovasi sumber tidak ditemukan di katalog. Tulis nama lengkap atau akronimnya");
  });

  it("keeps other agencies out", async () => {
    const op = await as(operator);
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Milik Kabupaten Uji" }));
    const id = idFrom(created.headers.get("location"));
    const other = await as(otherOperator);
    expect((await other.get(`/kelola/inovasi/${id}`)).status).toBe(403);
    expect((await other.post(`/kelola/inovasi/${id}`, form({ name: "Diambil alih", version: "1" }))).status).toBe(403);
    expect((await other.post(`/kelola/inovasi/${id}`, { _intent: "publish" })).status).toBe(403);
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(row.name).toBe("Milik Kabupaten Uji");
  });

  it("keeps an operator placed in a unit to that unit's entries; Admin Lokal and an unplaced operator work agency-wide", async () => {
    const [row] = await database.db.select({ agencyId: units.agencyId }).from(units).where(eq(units.id, unitId));
    const neighbour = await createUnit(database.db, { agencyId: row.agencyId, name: "Puskesmas Tetangga" });
    const neighbourOperator = await createTestUser(database.db, { role: "unit_operator", agencyId: row.agencyId, unitId: neighbour.id });
    const unplaced = await createTestUser(database.db, { role: "unit_operator", agencyId: row.agencyId });
    const theirs = await as(neighbourOperator);
    const theirsId = idFrom((await theirs.post("/kelola/inovasi/baru", form({ name: "Milik Puskesmas Tetangga" }))).headers.get("location"));

    const op = await as(operator);
    // It may read a colleague's entry, not rewrite, submit or take it.
    const page = await pageText(await op.get(`/kelola/inovasi/${theirsId}`));
    expect(page).toContain("Milik Puskesmas Tetangga");
    expect(page).not.toContain('name="_intent" value="submit"');
    expect(page).toContain("Inovasi ini milik unit lain");
    const refused = await op.post(`/kelola/inovasi/${theirsId}`, form({ _intent: "save", name: "Diubah unit lain", version: "1", unitId: String(unitId) }));
    expect(refused.status).toBe(403);
    expect(await pageText(refused)).toContain("Inovasi ini milik unit lain");
    expect((await op.post(`/kelola/inovasi/${theirsId}`, { _intent: "submit" })).status).toBe(403);

    // Its work list starts from its unit's entries; the whole agency's are one choice away.
    expect(await pageText(await op.get("/kelola/inovasi"))).not.toContain("Milik Puskesmas Tetangga");
    expect(await pageText(await op.get("/kelola/inovasi?cakupan=instansi"))).toContain("Milik Puskesmas Tetangga");
    expect(await pageText(await op.get("/kelola"))).toContain("Inovasi unit saya");

    // Its own forms offer its unit alone, and another unit named by hand is refused on the field.
    const blank = await pageText(await op.get("/kelola/inovasi/baru"));
    expect(blank).toContain("Dinas Uji");
    expect(blank).not.toContain("Puskesmas Tetangga");
    const elsewhere = await op.post("/kelola/inovasi/baru", form({ name: "Untuk unit lain", unitId: String(neighbour.id) }));
    expect(elsewhere.status).toBe(400);
    expect(await pageText(elsewhere)).toContain("Sebagai operator unit, Anda mendaftarkan inovasi unit tempat Anda ditempatkan");
    const mineId = idFrom((await op.post("/kelola/inovasi/baru", form({ name: "Milik Dinas Uji" }))).headers.get("location"));
    const moved = await op.post(`/kelola/inovasi/${mineId}`, form({ _intent: "save", name: "Milik Dinas Uji", version: "1", unitId: String(neighbour.id) }));
    expect(moved.status).toBe(400);

    // Admin Lokal, and an operator in no unit, still work on every unit's entries.
    for (const who of [admin, unplaced]) {
      const c = await as(who);
      const saved = await c.post(`/kelola/inovasi/${theirsId}`, form({ _intent: "save", name: `Dirapikan ${who.email}`, version: who === admin ? "1" : "2", unitId: String(neighbour.id) }));
      expect(saved.status, who.email).toBe(302);
    }
    const [after] = await database.db.select().from(innovations).where(eq(innovations.id, theirsId));
    expect(after).toMatchObject({ unitId: neighbour.id, name: `Dirapikan ${unplaced.email}` });
  });
});

describe("crafted addresses and forms", () => {
  it("reads a page number that is not a whole number as the first page, as the catalogue does", async () => {
    const op = await as(operator);
    await op.post("/kelola/inovasi/baru", form({ name: "Di Halaman Pertama" }));
    for (const who of [admin, nationalAdmin]) {
      const c = await as(who);
      const first = await pageText(await c.get("/kelola/inovasi"));
      for (const p of ["1.5", "3.7", "0x10", "1e1", "-2", "abc"]) {
        const res = await c.get(`/kelola/inovasi?halaman=${p}`);
        expect(res.status, `halaman=${p}`).toBe(200);
        const html = await pageText(res);
        expect(html).toContain("Di Halaman Pertama");
        expect(html.match(/<tbody>[\s\S]*<\/tbody>/)?.[0]).toBe(first.match(/<tbody>[\s\S]*<\/tbody>/)?.[0]);
      }
    }
  });

  it("shows a refused form again whatever shape its lists were posted in", async () => {
    const op = await as(operator);
    const id = idFrom((await op.post("/kelola/inovasi/baru", form({ name: "Bentuk Daftar" }))).headers.get("location"));
    // "sdgs" and "sectors" without [] (one value, not a list); single fields sent twice.
    const crafted = { sdgs: "0", sectors: "tik", status: ["implementasi", "x"], version: "1" };
    const posts: [string, Record<string, string | string[]>][] = [
      [`/kelola/inovasi/${id}`, { ...crafted, name: "Bentuk Daftar" }],
      ["/kelola/inovasi/baru", { ...crafted, name: ["Bentuk Daftar", "Lain"] }],
    ];
    for (const [path, fields] of posts) {
      const res = await op.post(path, form(fields));
      expect(res.status, path).toBe(400);
      const html = await pageText(res);
      expect(html).toContain('href="#f-sdgs"');
      // The one sector posted is still ticked.
      expect(html).toContain('<input type="checkbox" name="sectors[]" checked="" value="tik"/>');
    }
  });

  it("stores an upload whose name holds control characters under a cleaned name", async () => {
    const op = await as(operator);
    const res = await op.post("/kelola/inovasi/baru", form({ name: "Nama Berkas Aneh" }, { photos: [fileOf(PNG_1PX, "a\u0000b\u202e.png", "image/png")] }));
    expect(res.status).toBe(302);
    const files = await database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, idFrom(res.headers.get("location"))));
    expect(files.map((f) => f.filename)).toEqual(["ab.png"]);
    // Kept from a refused try as well.
    const refused = await op.post("/kelola/inovasi/baru", form({ name: "" }, { photos: [fileOf(PNG_1PX, "c\u0000d.png", "image/png")] }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/name="_held"[^>]*\/>cd\.png/);
  });

  it("names every file refused in a field, not only the last", async () => {
    const op = await as(operator);
    const exe = fileOf(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), "exe.jpg", "image/jpeg");
    const page = fileOf(Buffer.from("<!doctype html><html><body>x</body></html>"), "html.png", "image/png");
    const res = await op.post("/kelola/inovasi/baru", form({ name: "Dua Berkas Ditolak" }, { photos: [exe, page, fileOf(PNG_1PX, "baik.png", "image/png")] }));
    expect(res.status).toBe(400);
    const html = await pageText(res);
    const message = html.match(/<p class="error-message" id="photos-error">([^<]*)<\/p>/)?.[1];
    expect(message).toContain("Jenis berkas tidak diterima (exe.jpg)");
    expect(message).toContain("Jenis berkas tidak diterima (html.png)");
    expect(message).not.toContain("baik.png");
  });

  it("labels file entries of the history as files, not fields", async () => {
    const op = await as(operator);
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Riwayat Berkas" }, { evidence: [fileOf(MINI_PDF, "ok.pdf", "application/pdf")] }));
    const id = idFrom(created.headers.get("location"));
    const html = await pageText(await op.get(`/kelola/inovasi/${id}/riwayat`));
    expect(html).toContain("Berkas: ok.pdf");
    expect(html).not.toContain("Kolom: ok.pdf");
    op.cookies.set("lumbung_lang", "en");
    const en = await pageText(await op.get(`/kelola/inovasi/${id}/riwayat`));
    expect(en).toContain("Files: ok.pdf");
    expect(en).not.toContain("Fields: ok.pdf");
  });

  it("answers 404 for an innovation or file id that is not written as a plain number", async () => {
    const op = await as(operator);
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Nomor Kanonik" }, { evidence: [fileOf(MINI_PDF, "tetap.pdf", "application/pdf")] }));
    const id = idFrom(created.headers.get("location"));
    expect((await op.get(`/kelola/inovasi/${id}`)).status).toBe(200);
    for (const alias of [`0x${id.toString(16)}`, `${id}.0`, `%20${id}`, `${id}%20`, `+${id}`, `${id}e0`, `0${id}`]) {
      expect((await op.get(`/kelola/inovasi/${alias}`)).status, alias).toBe(404);
      expect((await op.get(`/kelola/inovasi/${alias}/riwayat`)).status, alias).toBe(404);
      expect((await op.post(`/kelola/inovasi/${alias}`, form({ name: "Lewat Alias", version: "1" }))).status, alias).toBe(404);
    }
    const [file] = await database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, id));
    const removed = await op.post(`/kelola/inovasi/${id}`, { _intent: "removeFile", fileId: `0x${file.id.toString(16)}` });
    expect(removed.status).toBe(404);
    expect(await database.db.select().from(innovationFiles).where(eq(innovationFiles.id, file.id))).toHaveLength(1);
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect(row.name).toBe("Nomor Kanonik");
  });
});

describe("the register's answers to a person", () => {
  const hrefsOf = (html: string) => [...(html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? "").matchAll(/href="#f-([\w-]+)"/g)].map((m) => m[1]);

  it("names every error in one answer: the schema's, the replication source's, and what sending needs", async () => {
    const op = await as(operator);
    const res = await op.post("/kelola/inovasi/baru", form({ name: "", origin: "replication", originInnovation: "Inovasi Fiktif Xyzzy", contactEmail: "x@" }));
    expect(res.status).toBe(400);
    const html = await pageText(res);
    expect(hrefsOf(html).sort()).toEqual(["contactEmail", "name", "originInnovation"]);
    expect(html).toContain("Inovasi sumber tidak ditemukan");
    expect(html).toContain('value="Inovasi Fiktif Xyzzy"'); // nothing typed is lost
    expect(html).toContain('value="x@"');

    // Sent to Admin Lokal with a bad video address and nothing else filled: all nine at once.
    const id = idFrom((await op.post("/kelola/inovasi/baru", form({ name: "Dikirim Setengah Jadi" }))).headers.get("location"));
    const sent = await op.post(`/kelola/inovasi/${id}`, form({ name: "Dikirim Setengah Jadi", videoUrl: "ftp://x", version: "1", _intent: "submit" }));
    expect(sent.status).toBe(400);
    const sentHtml = await pageText(sent);
    expect(hrefsOf(sentHtml).sort()).toEqual(["implementation", "novelty", "problem", "results", "sectors", "startedOn", "summary", "targetGroup", "videoUrl"]);
    expect(sentHtml).toContain("Lengkapi isian wajib sebelum mengirim");
    expect(sentHtml).toContain('value="ftp://x"');
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect([row.state, row.version]).toEqual(["draft", 1]);
  });

  it("refuses the agency's own innovation as a replication's source, and shows a source by its name", async () => {
    const [own] = await database.db.select({ agencyId: units.agencyId }).from(units).where(eq(units.id, unitId));
    const mine = await createInnovation(database.db, { state: "published", name: "Pelayanan Sendiri Uji", agencyId: own.agencyId });
    const op = await as(operator);
    const refused = await op.post("/kelola/inovasi/baru", form({ name: "Replikasi Diri Sendiri", origin: "replication", originInnovation: `/inovasi/${mine.slug}` }));
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toMatch(/<a href="#f-originInnovation"[^>]*>Inovasi sumber \(untuk replikasi\): Inovasi sumber adalah inovasi instansi Anda sendiri/);

    const source = await createInnovation(database.db, { state: "published", name: "Mal Pelayanan Publik Uji Lain", acronym: "MPP ULAIN" });
    const created = await op.post("/kelola/inovasi/baru", form({ name: "Mal Pelayanan Publik Replikasi", origin: "replication", originInnovation: `https://lumbung.example/inovasi/${source.slug}` }));
    expect(created.status).toBe(302);
    const id = idFrom(created.headers.get("location"));
    const page = await pageText(await op.get(`/kelola/inovasi/${id}`));
    expect(page).toMatch(/name="originInnovation"[^>]*value="Mal Pelayanan Publik Uji Lain"/);
    expect(page).not.toContain(`value="${source.slug}"`);

    // Another innovation takes the same name later: saving the page as shown keeps its source.
    await createInnovation(database.db, { state: "published", name: "Mal Pelayanan Publik Uji Lain" });
    const saved = await op.post(`/kelola/inovasi/${id}`, form({ name: "Mal Pelayanan Publik Replikasi", problem: "Antre lama.", origin: "replication", originInnovation: "Mal Pelayanan Publik Uji Lain", version: "1" }));
    expect(saved.status).toBe(302);
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, id));
    expect([row.originInnovationId, row.problem]).toEqual([source.id, "Antre lama."]);
  });

  it("says what a phone number looks like, in both languages, and marks an indicator row's empty cells", async () => {
    const op = await as(operator);
    const fields = { name: "Telepon Salah", contactPhone: "telepon kantor", indicator_name: "Waktu layanan", indicator_before: "", indicator_after: "2", indicator_unit: "", indicator_source: "" };
    const html = await pageText(await op.post("/kelola/inovasi/baru", form(fields)));
    expect(html).toContain("Telepon narahubung: Masukkan nomor telepon, misalnya 0281 123456 atau +62 812 3456 7890.");
    expect(html).not.toContain("Isian ini tidak valid");
    const cells = Object.fromEntries([...html.matchAll(/<input [^>]*name="indicator_(\w+)"[^>]*>/g)].slice(0, 5).map((m) => [m[1], m[0]]));
    expect(cells.before).toContain('aria-invalid="true"');
    expect(cells.before).toContain('aria-describedby="f-indicators-0-error"');
    for (const k of ["name", "after", "unit", "source"]) expect(cells[k], k).not.toContain("aria-invalid");
    expect(html).toContain('id="f-indicators-0-error"');

    op.cookies.set("lumbung_lang", "en");
    expect(await pageText(await op.post("/kelola/inovasi/baru", form(fields)))).toContain("Enter a phone number, for example 0281 123456 or +62 812 3456 7890.");
  });

  it("withdraws a published entry only with a reason, kept in the history and sent to its operator", async () => {
    const [own] = await database.db.select({ agencyId: units.agencyId }).from(units).where(eq(units.id, unitId));
    const entry = await createInnovation(database.db, { state: "published", name: "Ditarik Dengan Alasan", agencyId: own.agencyId, unitId, createdBy: operator.id });
    const ad = await as(admin);
    const page = await pageText(await ad.get(`/kelola/inovasi/${entry.id}`));
    expect(page).toMatch(/<textarea[^>]*name="reason"/);

    for (const reason of ["", "Salah."]) {
      const refused = await ad.post(`/kelola/inovasi/${entry.id}`, { _intent: "unpublish", reason });
      expect(refused.status, reason).toBe(400);
      const html = await pageText(refused);
      expect(html).toMatch(/<a href="#f-reason"[^>]*>Alasan penarikan: Tulis alasan penarikan, paling sedikit 10 karakter\.<\/a>/);
      if (reason) expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*>Salah\.<\/textarea>/);
    }
    expect((await database.db.select().from(innovations).where(eq(innovations.id, entry.id)))[0].state).toBe("published");

    const reason = "Data indikator tidak sesuai laporan bulanan dinas.";
    const done = await ad.post(`/kelola/inovasi/${entry.id}`, { _intent: "unpublish", reason });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toContain("pesan=unpublished");
    const [row] = await database.db.select().from(innovations).where(eq(innovations.id, entry.id));
    expect([row.state, row.publishedAt]).toEqual(["draft", null]);
    const history = await database.db.select().from(innovationHistory).where(and(eq(innovationHistory.innovationId, entry.id), eq(innovationHistory.action, "unpublished")));
    expect(history.map((h) => [h.actorUserId, h.comment])).toEqual([[admin.id, reason]]);
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.userId, operator.id), eq(notifications.kind, "innovation-unpublished")));
    expect(notices).toHaveLength(1);
    expect(notices[0].link).toBe(`/kelola/inovasi/${entry.id}`);
    const mails = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, operator.email), eq(outbox.kind, "innovation-unpublished")));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("Ditarik Dengan Alasan");
    expect(mails[0].bodyText).toContain(reason);
    expect(await pageText(await (await as(operator)).get(`/kelola/inovasi/${entry.id}/riwayat`))).toContain(reason);
  });

  it("gives a new innovation a readable address, numbered only when taken", async () => {
    const agency = await createAgency(database.db, { name: "Pemerintah Kabupaten Alamat", shortName: "Kab. Alamat" });
    const op = await as(await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id }));
    const fields = { name: "Sistem Pelayanan Jalan Rusak", acronym: "SIPEJAR" };
    const slugs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await op.post("/kelola/inovasi/baru", form(fields));
      expect(res.status).toBe(302);
      slugs.push((await database.db.select().from(innovations).where(eq(innovations.id, idFrom(res.headers.get("location")))))[0].slug);
    }
    // Sent at once, each still gets an address of its own.
    const together = await Promise.all([0, 1, 2].map(() => op.post("/kelola/inovasi/baru", form(fields))));
    for (const res of together) {
      expect(res.status).toBe(302);
      slugs.push((await database.db.select().from(innovations).where(eq(innovations.id, idFrom(res.headers.get("location")))))[0].slug);
    }
    const base = "sipejar-sistem-pelayanan-jalan-rusak-kab-alamat";
    expect(slugs.slice(0, 2)).toEqual([base, `${base}-2`]);
    expect([...slugs].sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`]);
  });
});
