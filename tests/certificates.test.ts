// Award certificates and the UNPSA export, through the real app: the public verification page
// (genuine, unknown, malformed and unpublished codes), the certificate PDF, and the
// secretariat's UNPSA nomination CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { openTestDatabase } from "./db";
import { testClient, type Client, pageText as text } from "./app";
import type { Database, Db } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { awards, competitions, proposals } from "../app/db/schema";
import { eq } from "drizzle-orm";
import { readCertificateCode } from "../app/modules/results/certificate.server";
import { winAnsi } from "../app/modules/results/certificate-pdf.server";
import { pdfText } from "./pdf-text";

const GENUINE = "ABCD-EFGH-JK23";
const SECOND = "WXYZ-2345-6789";
const PROVISIONAL = "PRVS-NALC-DE23";
const UNKNOWN = "ZZZZ-ZZZZ-ZZZ2";
const PUBLIC_URL = "https://lumbung.contoh.go.id";

let database: Database;
let db: Db;
let visitor: Client;
let admin: Client;
let agencyAdmin: Client;
let winner: { slug: string; name: string };
let agency: { slug: string; name: string };

async function award(
  db: Db,
  competitionId: number,
  o: { agencyId: number; innovationId: number; title: string; tier?: string; code?: string | null; category?: string; receipt: string },
) {
  const [p] = await db
    .insert(proposals)
    .values({ competitionId, innovationId: o.innovationId, agencyId: o.agencyId, groupCode: "umum", categoryCode: o.category ?? "kesehatan", title: o.title, state: "submitted", screening: "passed", receiptNumber: o.receipt, submittedAt: new Date() })
    .returning();
  if (o.tier) await db.insert(awards).values({ competitionId, proposalId: p.id, innovationId: o.innovationId, agencyId: o.agencyId, tierCode: o.tier, certificateCode: o.code ?? null, source: "stage" });
  return p;
}

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  const app = await testClient(database, { PUBLIC_URL });
  visitor = app.newClient();
  const a = await createTestUser(db, { role: "national_admin" });
  admin = app.newClient();
  await admin.login(a.email, a.password);
  const local = await createTestUser(db, { role: "agency_admin" });
  agencyAdmin = app.newClient();
  await agencyAdmin.login(local.email, local.password);

  // A published edition: two award winners and one entry without a tier.
  const final = await createCompetition(db, { slug: "kipp-terbit", edition: 2026, state: "final" });
  await db.update(competitions).set({ decreeNumber: "123/KEP/MENPANRB/2026", decreeDate: "2026-11-20", resultsPublishedAt: new Date("2026-11-21T03:00:00Z") }).where(eq(competitions.id, final.id));
  const pdam = await createAgency(db, { name: "Perumda Air Minum Café Müller", website: "https://pdam.contoh.go.id" });
  agency = pdam;
  const inn = await createInnovation(db, {
    agencyId: pdam.id,
    name: "Layanan Air Bersih Keliling",
    acronym: "LABK",
    problem: "Warga pinggiran menunggu air bersih berhari-hari.",
    targetGroup: "Rumah tangga di desa tanpa jaringan pipa.",
    novelty: "Tangki keliling dipesan lewat SMS dengan jadwal terbuka.",
    implementation: "Dimulai di tiga kecamatan, lalu seluruh kabupaten.",
    results: "Waktu tunggu turun dari lima hari menjadi satu hari.",
    benefits: "Biaya air rumah tangga turun separuh.",
    resources: "APBD dan dua tangki hibah.",
    sustainability: "Diatur Peraturan Bupati dan SOP; bekerja sama dengan Bumdes.",
    sdgs: [6, 10],
    indicators: [{ name: "Waktu tunggu", before: "5", after: "1", unit: "hari", source: "Laporan evaluasi 2025" }],
    contactName: "Sri Lestari",
    contactEmail: "sri@pdam.contoh.go.id",
    contactPhone: "0271 123456",
    startedOn: "2021-03-01",
  });
  winner = inn;
  await award(db, final.id, { agencyId: pdam.id, innovationId: inn.id, title: "Proposal Air Bersih", tier: "top-99", code: GENUINE, category: "pangan", receipt: "KIPP-T-1" });
  const other = await createAgency(db, { name: "Perumda Uji Lain" });
  const second = await createInnovation(db, { agencyId: other.id, name: "Aplikasi Lapor Cepat 漢 ā" });
  await award(db, final.id, { agencyId: other.id, innovationId: second.id, title: "Proposal Lapor Cepat", tier: "outstanding", code: SECOND, category: "tata-kelola", receipt: "KIPP-T-2" });
  const third = await createInnovation(db, { agencyId: other.id, name: "Inovasi Tanpa Predikat" });
  await award(db, final.id, { agencyId: other.id, innovationId: third.id, title: "Proposal Tanpa Predikat", receipt: "KIPP-T-3" });
  // Another agency replicated the winner: the UNPSA form asks whether it transferred.
  const copier = await createAgency(db, { name: "Perumda Peniru" });
  await createInnovation(db, { agencyId: copier.id, name: "Air Keliling Peniru", origin: "replication", originInnovationId: inn.id });

  // A provisional edition: its certificate code exists but must stay invisible to the public.
  const provisional = await createCompetition(db, { slug: "kipp-sementara", edition: 2027, state: "provisional" });
  const hidden = await createInnovation(db, { agencyId: other.id, name: "Inovasi Hasil Sementara" });
  await award(db, provisional.id, { agencyId: other.id, innovationId: hidden.id, title: "Proposal Sementara", tier: "top-45", code: PROVISIONAL, receipt: "KIPP-S-1" });
  await createCompetition(db, { slug: "kipp-diumumkan", edition: 2028, state: "announced" });
});
afterAll(async () => database?.close());

describe("reading a typed code", () => {
  it("accepts any case, spaces and hyphens, and nothing that cannot be a code", () => {
    expect(readCertificateCode("abcd efgh jk23")).toBe(GENUINE);
    expect(readCertificateCode("ABCDEFGHJK23")).toBe(GENUINE);
    expect(readCertificateCode("ABCD–EFGH–JK23")).toBe(GENUINE);
    for (const bad of ["", "ABCD-EFGH-JK2", "ABCD-EFGH-JK20", "OBCD-EFGH-JK23", "<script>", "A".repeat(500)]) expect(readCertificateCode(bad), bad).toBeNull();
  });
});

describe("the verification page", () => {
  it("confirms a genuine code with the innovation, agency, tier, edition and decree", async () => {
    const res = await visitor.get(`/sertifikat/${GENUINE}`);
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain("<h1 id=\"certificate-title\">Piagam asli</h1>");
    expect(html).toMatch(new RegExp(`<a href="/inovasi/${winner.slug}"[^>]*>Layanan Air Bersih Keliling</a>`));
    expect(html).toMatch(new RegExp(`<a href="/instansi/${agency.slug}"[^>]*>Perumda Air Minum Café Müller</a>`));
    expect(html).toContain("<strong>Top 99</strong>");
    expect(html).toContain("Ketahanan Pangan");
    expect(html).toContain("Kompetisi Inovasi Pelayanan Publik 2026");
    expect(html).toContain("Nomor 123/KEP/MENPANRB/2026, tanggal 20 November 2026");
    expect(html).toContain("21 November 2026");
    expect(html).toContain(`href="/sertifikat/${GENUINE}/pdf"`);
  });

  it("leads a code typed in lower case to its one address", async () => {
    const res = await visitor.get("/sertifikat/abcd-efgh-jk23");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`/sertifikat/${GENUINE}`);
    const pdf = await visitor.get("/sertifikat/abcd-efgh-jk23/pdf");
    expect(pdf.status).toBe(301);
    expect(pdf.headers.get("location")).toBe(`/sertifikat/${GENUINE}/pdf`);
  });

  it("answers 404 with the explanation and a form for an unknown code", async () => {
    const res = await visitor.get(`/sertifikat/${UNKNOWN}`);
    expect(res.status).toBe(404);
    const html = await text(res);
    expect(html).toContain("Tidak ada piagam dengan kode ini");
    expect(html).toContain(`kode ${UNKNOWN}`);
    expect(html).toMatch(/<form [^>]*action="\/sertifikat\/periksa" method="get">/);
    expect(html).toContain('name="kode"');
  });

  it("answers 404, never 500, for a malformed code", async () => {
    for (const bad of ["bukan-kode", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E2%80%AE%F0%9F%98%80", "A".repeat(300)]) {
      const res = await visitor.get(`/sertifikat/${bad}`);
      expect(res.status, bad).toBe(404);
      const html = await text(res);
      expect(html).toContain("bukan kode piagam");
      expect(html).not.toContain("<script>alert(1)");
    }
  });

  it("keeps the certificates of an edition not yet published invisible", async () => {
    const res = await visitor.get(`/sertifikat/${PROVISIONAL}`);
    expect(res.status).toBe(404);
    const html = await text(res);
    expect(html).toContain("Tidak ada piagam dengan kode ini");
    expect(html).not.toContain("Inovasi Hasil Sementara");
    expect((await visitor.get(`/sertifikat/${PROVISIONAL}/pdf`)).status).toBe(404);
  });

  it("takes a code from the form (GET, no JavaScript) and shows the form on its own", async () => {
    const typed = await visitor.get("/sertifikat/periksa?kode=abcd+efgh+jk23");
    expect(typed.status).toBe(302);
    expect(typed.headers.get("location")).toBe(`/sertifikat/${GENUINE}`);
    const wrong = await visitor.get(`/sertifikat/${GENUINE}?kode=xyz`);
    expect(wrong.status).toBe(404);
    expect(await text(wrong)).toContain("“xyz” bukan kode piagam");
    const empty = await visitor.get("/sertifikat/periksa?kode=");
    expect(empty.status).toBe(400);
    expect(await text(empty)).toContain("Ketik kode piagam.");
    const form = await visitor.get("/sertifikat/periksa");
    expect(form.status).toBe(200);
    expect(await text(form)).toContain("<h1>Periksa keaslian piagam</h1>");
  });
});

describe("the certificate PDF", () => {
  it("is a one-page PDF with the code, the innovation, the agency, the tier and the verification address", async () => {
    const res = await visitor.get(`/sertifikat/${GENUINE}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="sertifikat-${GENUINE}.pdf"`);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    const raw = pdf.toString("latin1");
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const words = pdfText(pdf);
    for (const s of ["PIAGAM PENGHARGAAN", "CERTIFICATE OF AWARD", GENUINE, "Layanan Air Bersih Keliling", "Perumda Air Minum Café Müller", "Top 99", "Ketahanan Pangan", "123/KEP/MENPANRB/2026", `${PUBLIC_URL}/sertifikat/${GENUINE}`]) {
      expect(words, s).toContain(s);
    }
  });

  it("draws names beyond Latin-1 without breaking the page", async () => {
    expect(winAnsi("Café Müller ā 漢 “x” — ﬁ")).toBe("Café Müller a ? “x” — fi");
    const res = await visitor.get(`/sertifikat/${SECOND}/pdf`);
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdfText(pdf)).toContain("Aplikasi Lapor Cepat ? a");
    expect(pdfText(pdf)).toContain("Outstanding Achievement");
  });

  it("is 404 for an unknown or malformed code", async () => {
    for (const p of [`/sertifikat/${UNKNOWN}/pdf`, "/sertifikat/bukan-kode/pdf"]) {
      const res = await visitor.get(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get("content-type"), p).toContain("text/plain");
    }
  });
});

describe("the UNPSA export", () => {
  const PATH = "/kelola/kompetisi/kipp-terbit/hasil/unpsa";
  const rowsOf = async (res: Response) => parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];

  it("lists only the award winners, best tier first, in the nomination form's columns", async () => {
    const res = await admin.get(PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="unpsa-kipp-terbit.csv"');
    const rows = await rowsOf(res);
    expect(rows.map((r) => r["Predikat KIPP"])).toEqual(["Outstanding Achievement", "Top 99"]);
    const r = rows[1];
    expect(r["Nama instansi (Institution)"]).toBe("Perumda Air Minum Café Müller");
    expect(r["Negara (Country)"]).toBe("Indonesia");
    expect(r["Tingkat pemerintahan (Level of government)"]).toBe("Kabupaten/kota");
    expect(r["Kategori UNPSA (UNPSA category)"]).toBe("");
    expect(r["Kategori KIPP"]).toBe("Ketahanan Pangan");
    expect(r["Nama inovasi (Title of the initiative)"]).toBe("Layanan Air Bersih Keliling (LABK)");
    expect(r["Mulai diterapkan (Start of implementation)"]).toBe("2021-03-01");
    expect(r["Masalah (Problem addressed)"]).toBe("Warga pinggiran menunggu air bersih berhari-hari.");
    expect(r["Kelompok sasaran (Beneficiaries)"]).toBe("Rumah tangga di desa tanpa jaringan pipa.");
    expect(r["Kebaruan (How is it innovative)"]).toBe("Tangki keliling dipesan lewat SMS dengan jadwal terbuka.");
    expect(r["Implementasi (Implementation)"]).toBe("Dimulai di tiga kecamatan, lalu seluruh kabupaten.");
    expect(r["Hasil (Results and impact)"]).toBe("Waktu tunggu turun dari lima hari menjadi satu hari.");
    expect(r["Indikator sebelum dan sesudah (Evidence of impact)"]).toBe("Waktu tunggu: 5 → 1 hari (sumber: Laporan evaluasi 2025)");
    expect(r["Keberlanjutan (Sustainability)"]).toContain("Peraturan Bupati");
    expect(r["Direplikasi oleh (Transferability: replicated by)"]).toBe("Perumda Peniru");
    expect(r["Surel narahubung (Contact email)"]).toBe("sri@pdam.contoh.go.id");
    expect(r["Halaman publik (Public page)"]).toBe(`${PUBLIC_URL}/inovasi/${winner.slug}`);
    expect(r["Kode piagam"]).toBe(GENUINE);
    expect(r["TPB/SDGs (SDGs addressed)"]).toMatch(/^6 .+; 10 .+$/);
    const all = JSON.stringify(rows);
    expect(all).not.toContain("Inovasi Tanpa Predikat");
    expect(all).not.toContain("Inovasi Hasil Sementara");
  });

  it("keeps one tier with ?tingkat=, and refuses an unknown one", async () => {
    const one = await rowsOf(await admin.get(`${PATH}?tingkat=outstanding`));
    expect(one.map((r) => r["Nama inovasi (Title of the initiative)"])).toEqual(["Aplikasi Lapor Cepat 漢 ā"]);
    const bad = await admin.get(`${PATH}?tingkat=juara-umum`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Predikat ini tidak ada di edisi ini.");
  });

  it("is there from the provisional announcement on, not before", async () => {
    const provisional = await admin.get("/kelola/kompetisi/kipp-sementara/hasil/unpsa");
    expect(provisional.status).toBe(200);
    expect((await rowsOf(provisional)).map((r) => r["Nama inovasi (Title of the initiative)"])).toEqual(["Inovasi Hasil Sementara"]);
    const announced = await admin.get("/kelola/kompetisi/kipp-diumumkan/hasil/unpsa");
    expect(announced.status).toBe(409);
    expect(await announced.text()).toContain("setelah hasil sementara diumumkan");
    expect((await admin.get("/kelola/kompetisi/tidak-ada/hasil/unpsa")).status).toBe(404);
  });

  it("is refused to everyone but the secretariat", async () => {
    expect((await agencyAdmin.get(PATH)).status).toBe(403);
    expect((await visitor.get(PATH)).status).toBe(401);
  });
});
