// A proposal's whole path through the running app, as its people would take it: entered from
// the register (prefilled), written by two people at once (neither silently overwritten),
// checked and returned by Admin Lokal, endorsed by the head only when complete and before the
// deadline (to the second), with a receipt; withdrawn; quotas; other agencies kept out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import { fileOf, PNG_1PX } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser, createUnit } from "../app/db/factories.server";
import { competitions, outbox, proposalFiles, proposals, proposalSections } from "../app/db/schema";
import { moveProposal, SubmitRefused } from "../app/modules/proposals/move-proposal.server";
import { stageEnd, registrationStage } from "../app/modules/competitions/config-values";
import { sectionsFor } from "../app/modules/proposals/form-shape";
import { formatInstant } from "../app/i18n";

let database: Database;
let newClient: () => Client;
let operator: Client, agencyAdmin: Client, head: Client, otherOperator: Client;
let people: Record<string, Awaited<ReturnType<typeof createTestUser>>>;
let agencyId: number;
let innovationId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  const agency = await createAgency(db, { name: "BUMD Proposalia" });
  agencyId = agency.id;
  const unit = await createUnit(db, { agencyId });
  const other = await createAgency(db, { name: "Pemerintah Kabupaten Lain" });
  innovationId = (
    await createInnovation(db, {
      agencyId,
      unitId: unit.id,
      name: "Sekolah Lapang Gizi",
      acronym: "SELAGI",
      summary: "Kader posyandu mengajar ibu hamil memasak makanan bergizi.",
      problem: "Angka stunting tinggi.",
      targetGroup: "Ibu hamil dan balita.",
      novelty: "Kelas memasak di posyandu.",
      startedOn: "2022-03-01",
    })
  ).id;
  people = {
    operator: await createTestUser(db, { role: "unit_operator", agencyId, unitId: unit.id }),
    agencyAdmin: await createTestUser(db, { role: "agency_admin", agencyId }),
    head: await createTestUser(db, { role: "agency_head", agencyId }),
    otherOperator: await createTestUser(db, { role: "unit_operator", agencyId: other.id }),
  };
  [operator, agencyAdmin, head, otherOperator] = await Promise.all(
    ["operator", "agencyAdmin", "head", "otherOperator"].map(async (k) => {
      const c = newClient();
      await c.login(people[k].email, people[k].password);
      return c;
    }),
  );
  await createCompetition(db, { slug: "kipp-proposal", state: "announced", registrationClosesInDays: 20 });
});
afterAll(async () => database?.close());

const row = async (id: number) => (await database.db.select().from(proposals).where(eq(proposals.id, id)))[0];
const section = async (id: number, code: string) =>
  (await database.db.select().from(proposalSections).where(and(eq(proposalSections.proposalId, id), eq(proposalSections.sectionCode, code))))[0];
const mailsTo = async (email: string) => database.db.select().from(outbox).where(eq(outbox.toAddress, email));

let proposalId = 0;

describe("entering an innovation", () => {
  it("lists an open call with its current stage, not only as announced", async () => {
    const list = (await (await operator.get("/kompetisi")).text()).replace(/<!-- -->/g, "");
    expect(list).toMatch(/href="\/kompetisi\/kipp-proposal"[\s\S]*?<p class="muted">Tahap sekarang: Pendaftaran proposal<\/p>/);
  });

  it("starts from the register: each section prefilled from the fields its configuration names", async () => {
    const res = await operator.post("/kelola/proposal", { competition: "kipp-proposal", innovationId: String(innovationId), groupCode: "umum", categoryCode: "kesehatan" });
    expect(res.status).toBe(302);
    proposalId = Number(res.headers.get("location")!.match(/\/kelola\/proposal\/(\d+)/)![1]);
    const p = await row(proposalId);
    expect(p).toMatchObject({ state: "draft", title: "Sekolah Lapang Gizi (SELAGI)", agencyId, groupCode: "umum" });
    expect((await section(proposalId, "ringkasan")).body).toBe("Kader posyandu mengajar ibu hamil memasak makanan bergizi.");
    expect((await section(proposalId, "latar-belakang")).body).toBe("Angka stunting tinggi.\n\nIbu hamil dan balita.");
    expect((await section(proposalId, "adaptabilitas")).body).toBe("");
    const page = await (await operator.get(`/kelola/proposal/${proposalId}`)).text();
    expect(page).toContain("8 dari 200 kata");
    // A section that must have evidence does not call its upload optional; one that need not does.
    const label = (slot: string) => page.replace(/<!-- -->/g, "").match(new RegExp(`<label for="f-file-${slot}">([^]*?)</label>`))?.[1];
    expect(label("signifikansi")).toBe('Berkas untuk Signifikansi <span class="optional">(wajib sebelum dikirim)</span>');
    expect(label("ringkasan")).toBe('Berkas untuk Ringkasan <span class="optional">(opsional)</span>');
    expect(label("pernyataan-inovator")).toContain("(wajib sebelum dikirim)");
  });

  it("refuses the same innovation twice, and another agency's innovation", async () => {
    const twice = await operator.post("/kelola/proposal", { competition: "kipp-proposal", innovationId: String(innovationId), groupCode: "umum", categoryCode: "kesehatan" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("Inovasi ini sudah diajukan di edisi ini.");
    const theirs = await otherOperator.post("/kelola/proposal", { competition: "kipp-proposal", innovationId: String(innovationId), groupCode: "umum", categoryCode: "kesehatan" });
    expect(theirs.status).toBe(400);
    expect(await theirs.text()).toContain("Pilih inovasi instansi Anda yang sudah terbit.");
    expect((await otherOperator.get(`/kelola/proposal/${proposalId}`)).status).toBe(404);
  });

  it("keeps an operator placed in another unit of the agency to its own unit's proposals", async () => {
    const db = database.db;
    const neighbour = await createUnit(db, { agencyId, name: "Unit Tetangga" });
    const person = await createTestUser(db, { role: "unit_operator", agencyId, unitId: neighbour.id });
    const c = newClient();
    await c.login(person.email, person.password);
    // It reads the proposal, and can neither write nor send it.
    expect((await c.get(`/kelola/proposal/${proposalId}`)).status).toBe(200);
    const { version } = await section(proposalId, "kebaruan");
    const write = await c.post(`/kelola/proposal/${proposalId}/simpan-otomatis`, { code: "kebaruan", body: "Ditulis unit lain.", version: String(version) });
    expect(write.status).toBe(403);
    expect((await c.post(`/kelola/proposal/${proposalId}`, { _intent: "send" })).status).toBe(403);
    expect((await section(proposalId, "kebaruan")).version).toBe(version);
    // Nor enters another unit's innovation.
    const theirs = await createInnovation(db, { agencyId, unitId: (await createUnit(db, { agencyId })).id, state: "published", startedOn: "2021-01-01" });
    const entered = await c.post("/kelola/proposal", { competition: "kipp-proposal", innovationId: String(theirs.id), groupCode: "umum", categoryCode: "kesehatan" });
    expect(entered.status).toBe(400);
    expect(await entered.text()).toContain("Inovasi ini milik unit lain. Sebagai operator unit");
  });
});

describe("writing together", () => {
  it("saves a section with the version its writer saw, and tells the second writer instead of overwriting", async () => {
    const touched = (await row(proposalId)).updatedAt.getTime();
    const autosave = `/kelola/proposal/${proposalId}/simpan-otomatis`;
    // The page's script sends the form with the token in a header; without the token (another
    // site's page) nothing is saved.
    const forged = await operator.request("POST", autosave, new URLSearchParams({ code: "kebaruan", body: "Palsu.", version: "1" }));
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.reason).toBe("errors.csrf");
    const first = await operator.request("POST", autosave, new URLSearchParams({ code: "kebaruan", body: "Kelas memasak bergilir di setiap posyandu desa.", version: "1" }), {
      "x-csrf-token": await operator.csrf(),
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ saved: [{ code: "kebaruan", version: 2 }], conflicts: [] });
    expect(await section(proposalId, "kebaruan")).toMatchObject({ body: "Kelas memasak bergilir di setiap posyandu desa.", version: 2 });
    // A save is activity on the proposal: the lists sort by it.
    expect((await row(proposalId)).updatedAt.getTime()).toBeGreaterThan(touched);

    const stale = await agencyAdmin.post(`/kelola/proposal/${proposalId}/simpan-otomatis`, { code: "kebaruan", body: "Versi Admin Lokal yang lama.", version: "1" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({
      saved: [],
      conflicts: [{ code: "kebaruan", theirs: "Kelas memasak bergilir di setiap posyandu desa.", version: 2, mine: "Versi Admin Lokal yang lama." }],
    });
    // Text over the limit is refused whole, never cut and called saved.
    const long = "kata ".repeat(14_001);
    const tooLong = await operator.post(autosave, { code: "kebaruan", body: long, version: "2" });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.reason).toBe("proposals.errors.sectionTooLong");
    const refusedPage = await operator.post(`/kelola/proposal/${proposalId}`, { "section.kebaruan": long, "version.kebaruan": "2", title: "Sekolah Lapang Gizi (SELAGI)", version: String((await row(proposalId)).version), groupCode: "umum", categoryCode: "kesehatan" });
    expect(refusedPage.status).toBe(400);
    const html = await refusedPage.text();
    expect(html).toContain("Teks bagian ini terlalu panjang: paling banyak 60.000 karakter.");
    expect(html).toContain(long.trim().slice(0, 200));
    // Signed out: told so, in JSON, and nothing saved.
    expect((await newClient().post(autosave, { code: "kebaruan", body: "x", version: "2" })).status).toBe(401);
    expect(await section(proposalId, "kebaruan")).toMatchObject({ body: "Kelas memasak bergilir di setiap posyandu desa.", version: 2 });

    // Without JavaScript: the whole form, one section stale. The others are saved; the stale
    // one is shown with the stored text and the writer's own text kept in the box.
    const form = {
      version: String((await row(proposalId)).version),
      title: "Sekolah Lapang Gizi (SELAGI)",
      groupCode: "umum",
      categoryCode: "kesehatan",
      "section.kebaruan": "Tulisan saya tanpa JavaScript.",
      "version.kebaruan": "1",
      "section.adaptabilitas": "Sudah direplikasi dua kabupaten tetangga.",
      "version.adaptabilitas": "1",
    };
    const res = await agencyAdmin.post(`/kelola/proposal/${proposalId}`, form);
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toContain("Bagian ini diubah orang lain");
    expect(page).toContain("Kelas memasak bergilir di setiap posyandu desa.");
    expect(page).toContain("Tulisan saya tanpa JavaScript.");
    expect((await section(proposalId, "adaptabilitas")).body).toBe("Sudah direplikasi dua kabupaten tetangga.");
    expect((await section(proposalId, "kebaruan")).body).toBe("Kelas memasak bergilir di setiap posyandu desa.");
  });
});

describe("the agency's path", () => {
  it("goes to Admin Lokal, who returns it with a required comment; the author is told", async () => {
    expect((await operator.post(`/kelola/proposal/${proposalId}`, { _intent: "send" })).status).toBe(302);
    expect((await row(proposalId)).state).toBe("agency_review");
    expect((await mailsTo(people.agencyAdmin.email)).map((m) => m.kind)).toContain("proposal-sent");
    // The operator's text is locked while Admin Lokal checks it.
    const before = (await row(proposalId)).updatedAt.getTime();
    expect((await operator.post(`/kelola/proposal/${proposalId}/simpan-otomatis`, { code: "kebaruan", body: "x", version: "2" })).status).toBe(403);
    // A refused save leaves no trace, not even the touch.
    expect((await row(proposalId)).updatedAt.getTime()).toBe(before);

    const bare = await agencyAdmin.post(`/kelola/proposal/${proposalId}`, { _intent: "return", comment: "" });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain("Tulis catatan agar penyusun tahu apa yang perlu diperbaiki.");
    expect((await agencyAdmin.post(`/kelola/proposal/${proposalId}`, { _intent: "return", comment: "Lengkapi bukti dukung." })).status).toBe(302);
    expect(await row(proposalId)).toMatchObject({ state: "returned", reviewComment: "Lengkapi bukti dukung." });
    expect((await mailsTo(people.operator.email)).map((m) => m.kind)).toContain("proposal-returned");
  });

  it("cannot be endorsed while incomplete: every reason is listed", async () => {
    expect((await operator.post(`/kelola/proposal/${proposalId}`, { _intent: "send" })).status).toBe(302);
    expect((await agencyAdmin.post(`/kelola/proposal/${proposalId}`, { _intent: "forward" })).status).toBe(302);
    expect((await mailsTo(people.head.email)).map((m) => m.kind)).toContain("proposal-endorsement");
    // Only the head endorses.
    expect((await agencyAdmin.post(`/kelola/proposal/${proposalId}`, { _intent: "endorse" })).status).toBe(403);
    const res = await head.post(`/kelola/proposal/${proposalId}`, { _intent: "endorse" });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Proposal belum dapat dikirim:");
    expect(page).toContain("Bagian \u0026quot;Signifikansi\u0026quot; wajib disertai bukti dukung.");
    expect(page).toContain("Lampiran \u0026quot;Tautan video (paling lama 5 menit, 720p)\u0026quot; belum ada.");
    // The declaration is a box to tick, not a missing attachment.
    expect(page).toContain("Centang pernyataan \u0026quot;Saya menyatakan data yang disampaikan benar\u0026quot;.");
    expect(page).not.toContain("Lampiran \u0026quot;Saya menyatakan data yang disampaikan benar\u0026quot; belum ada.");
    expect((await row(proposalId)).state).toBe("awaiting_endorsement");
  });

  it("is endorsed once complete: submitted with a receipt number and the exact time", async () => {
    expect((await head.post(`/kelola/proposal/${proposalId}`, { _intent: "return", comment: "Lampiran belum ada." })).status).toBe(302);
    // The same return sent again (a double click, a second tab): the proposal has moved on.
    const again = await head.post(`/kelola/proposal/${proposalId}`, { _intent: "return", comment: "Lampiran belum ada." });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Muat ulang halaman");
    const p = await row(proposalId);
    const sections = await database.db.select().from(proposalSections).where(eq(proposalSections.proposalId, proposalId));
    const form = new FormData();
    form.set("version", String(p.version));
    form.set("title", p.title);
    form.set("groupCode", "umum");
    form.set("categoryCode", "kesehatan");
    form.set("link.video", "https://video.example.id/selagi");
    form.append("declarations[]", "kebenaran-data");
    for (const s of sections) {
      form.set(`section.${s.sectionCode}`, s.body || "Isi bagian ini sudah lengkap.");
      form.set(`version.${s.sectionCode}`, String(s.version));
    }
    for (const slot of ["latar-belakang", "implementasi", "signifikansi", "adaptabilitas", "keberlanjutan", "pernyataan-implementasi", "pernyataan-inovator", "kesediaan-replikasi"]) {
      form.append(`file.${slot}`, fileOf(PNG_1PX, `${slot}.png`, "image/png"));
    }
    const saved = await operator.post(`/kelola/proposal/${proposalId}`, form);
    expect(saved.status).toBe(302);

    // A file that is not what it claims is refused by its bytes, and nothing else is lost.
    const fake = new FormData();
    fake.set("version", String((await row(proposalId)).version));
    fake.set("title", p.title);
    fake.set("groupCode", "umum");
    fake.set("categoryCode", "kesehatan");
    fake.set("link.video", "https://video.example.id/selagi");
    fake.append("declarations[]", "kebenaran-data");
    fake.append("file.signifikansi", new File([new TextEncoder().encode("<html>bukan pdf</html>")], "laporan.pdf", { type: "application/pdf" }));
    fake.append("file.implementasi", fileOf(PNG_1PX, "jadwal.png", "image/png"));
    const refused = await operator.post(`/kelola/proposal/${proposalId}`, fake);
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("laporan.pdf");
    // The good file of the refused form waits for the next save, which stores it.
    const slotFiles = async () => (await database.db.select().from(proposalFiles).where(and(eq(proposalFiles.proposalId, proposalId), eq(proposalFiles.slot, "implementasi")))).map((f) => f.filename);
    expect(await slotFiles()).toEqual(["implementasi.png"]);
    const token = /name="_held"[^>]*value="([\w-]{22})"\/>jadwal\.png/.exec(refusedPage)?.[1];
    expect(token).toBeDefined();
    fake.delete("file.signifikansi");
    fake.delete("file.implementasi");
    fake.set("_held", token!);
    fake.set("version", String((await row(proposalId)).version));
    expect((await operator.post(`/kelola/proposal/${proposalId}`, fake)).status).toBe(302);
    expect((await slotFiles()).sort()).toEqual(["implementasi.png", "jadwal.png"]);

    expect((await operator.post(`/kelola/proposal/${proposalId}`, { _intent: "send" })).status).toBe(302);
    expect((await agencyAdmin.post(`/kelola/proposal/${proposalId}`, { _intent: "forward" })).status).toBe(302);
    const before = Date.now();
    const res = await head.post(`/kelola/proposal/${proposalId}`, { _intent: "endorse" });
    expect(res.status).toBe(302);
    const done = await row(proposalId);
    expect(done.state).toBe("submitted");
    expect(done.receiptNumber).toBe("KIPP-PROPOSAL-00001");
    expect(done.submittedAt!.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect((await mailsTo(people.operator.email)).map((m) => m.kind)).toContain("proposal-receipt");
    // The receipt mail gives the time of submission in each half's own language (WIB, named).
    const receiptMail = (await mailsTo(people.operator.email)).find((m) => m.kind === "proposal-receipt")!;
    const [inIndonesian, inEnglish] = receiptMail.bodyText.split("\n\n---\n\n");
    expect(inIndonesian).toContain(`pada ${formatInstant("id", done.submittedAt!, "WIB")} dengan`);
    expect(inEnglish).toContain(`at ${formatInstant("en", done.submittedAt!, "WIB")} with`);
    expect(inEnglish).not.toContain("pukul");
    // The head lands on the receipt, told the proposal is in.
    expect(res.headers.get("location")).toBe(`/kelola/proposal/${proposalId}/tanda-terima?pesan=endorse`);
    const receipt = await (await head.get(res.headers.get("location")!)).text();
    expect(receipt).toContain("Proposal terkirim. Nomor tanda terima KIPP-PROPOSAL-00001.");
    expect(receipt).toContain("KIPP-PROPOSAL-00001");
    expect(receipt).toMatch(/pukul \d{2}\.\d{2} WIB/);
    // Submitted is locked for everyone.
    expect((await agencyAdmin.post(`/kelola/proposal/${proposalId}/simpan-otomatis`, { code: "kebaruan", body: "x", version: "9" })).status).toBe(403);
  });

  it("may be withdrawn before the deadline, and the innovation entered again", async () => {
    expect((await operator.post(`/kelola/proposal/${proposalId}`, { _intent: "withdraw" })).status).toBe(403);
    expect((await head.post(`/kelola/proposal/${proposalId}`, { _intent: "withdraw" })).status).toBe(302);
    expect((await row(proposalId)).state).toBe("withdrawn");
    const again = await operator.post("/kelola/proposal", { competition: "kipp-proposal", innovationId: String(innovationId), groupCode: "umum", categoryCode: "kesehatan" });
    expect(again.status).toBe(302);
  });
});

describe("the deadline and the quotas", () => {
  async function readyProposal(competitionId: number, innovation: number, state: "awaiting_endorsement" = "awaiting_endorsement") {
    const [p] = await database.db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation, agencyId, groupCode: "umum", categoryCode: "kesehatan", title: "Siap", state, links: { video: "https://v.example.id/x" }, declarations: ["kebenaran-data"] })
      .returning();
    return p;
  }

  it("refuses an endorsement after the deadline's last second, to the millisecond", async () => {
    const c = await createCompetition(database.db, { slug: "kipp-tenggat", state: "announced", registrationClosesInDays: 5 });
    const end = stageEnd(registrationStage(c.config)!);
    const headActor = { kind: "user" as const, id: people.head.id, name: "Kepala", email: people.head.email, role: "agency_head" as const, agencyId, unitId: null };
    const late = await readyProposal(c.id, (await createInnovation(database.db, { agencyId, startedOn: "2020-01-01" })).id);
    const refusal = await moveProposal(database.db, headActor, late.id, "endorse", { publicUrl: "http://x", now: new Date(end) }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SubmitRefused);
    expect((refusal as SubmitRefused).problems.map((p) => p.key)).toContain("proposals.problems.closed");
    // One millisecond earlier the deadline has not passed (the rest of its problems remain).
    const onTime = await moveProposal(database.db, headActor, late.id, "endorse", { publicUrl: "http://x", now: new Date(end - 1) }).catch((e: unknown) => e);
    expect((onTime as SubmitRefused).problems.map((p) => p.key)).not.toContain("proposals.problems.closed");
  });

  it("counts the agency's submitted proposals against its quota", async () => {
    const c = await createCompetition(database.db, { slug: "kipp-kuota", state: "announced", registrationClosesInDays: 5 });
    const config = structuredClone(c.config);
    config.eligibility.quotas = [{ group: "umum", max: 1 }];
    await database.db.update(competitions).set({ config }).where(eq(competitions.id, c.id));
    await database.db.insert(proposals).values({
      competitionId: c.id,
      innovationId: (await createInnovation(database.db, { agencyId })).id,
      agencyId,
      groupCode: "umum",
      categoryCode: "kesehatan",
      title: "Sudah terkirim",
      state: "submitted",
      receiptNumber: "KIPP-KUOTA-00001",
      submittedAt: new Date(),
    });
    const second = await readyProposal(c.id, (await createInnovation(database.db, { agencyId })).id);
    const res = await head.post(`/kelola/proposal/${second.id}`, { _intent: "endorse" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Kuota instansi sudah penuh: paling banyak 1 proposal Kelompok Umum.");
  });

  it("lets one of two endorsements sent at once fill an agency's last place, never both", async () => {
    const c = await createCompetition(database.db, { slug: "kipp-kuota-serentak", state: "announced", registrationClosesInDays: 5 });
    const config = structuredClone(c.config);
    config.eligibility.quotas = [{ group: "umum", max: 1 }];
    await database.db.update(competitions).set({ config }).where(eq(competitions.id, c.id));
    // Two complete proposals: every section written, every file slot filled.
    const complete = async () => {
      const p = await readyProposal(c.id, (await createInnovation(database.db, { agencyId, startedOn: "2020-01-01" })).id);
      await database.db.insert(proposalSections).values(sectionsFor(config, "umum").map((s) => ({ proposalId: p.id, sectionCode: s.code, body: "Isi bagian ini sudah lengkap." })));
      const slots = [...sectionsFor(config, "umum").filter((s) => s.evidenceRequired).map((s) => s.code), ...config.attachments.filter((a) => a.kind === "file" && a.required).map((a) => a.code)];
      await database.db.insert(proposalFiles).values(slots.map((slot) => ({ proposalId: p.id, slot, filename: `${slot}.png`, mime: "image/png", size: PNG_1PX.length, sha256: "0", data: Buffer.from(PNG_1PX) })));
      return p;
    };
    const [a, b] = [await complete(), await complete()];
    const headActor = { kind: "user" as const, id: people.head.id, name: "Kepala", email: people.head.email, role: "agency_head" as const, agencyId, unitId: null };
    const outcomes = await Promise.allSettled([a, b].map((p) => moveProposal(database.db, headActor, p.id, "endorse", { publicUrl: "http://x" })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as SubmitRefused).problems.map((p) => p.key)).toEqual(["proposals.problems.quota"]);
    expect(await database.db.select().from(proposals).where(and(eq(proposals.competitionId, c.id), eq(proposals.state, "submitted")))).toHaveLength(1);
  });

  it("takes no new proposal once registration has closed", async () => {
    await createCompetition(database.db, { slug: "kipp-tutup", state: "announced", registrationClosesInDays: -1 });
    const res = await operator.post("/kelola/proposal", { competition: "kipp-tutup", innovationId: String(innovationId), groupCode: "umum", categoryCode: "kesehatan" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Pendaftaran kompetisi ini tidak sedang dibuka.");
  });
});
