import { describe, expect, it } from "vitest";
import { createRng } from "~/modules/demo/prng";
import { buildIndex, findSimilar, identicalTitles, normalise, type SimilarityDoc, type SimilarPair } from "./similarity";

// A register innovation as agencies write them: a mobile civil-registration service.
const KTP_KELILING = [
  "Layanan KTP Keliling adalah layanan jemput bola Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sikka.",
  "Petugas mendatangi warga di desa-desa terpencil dengan mobil layanan yang membawa perangkat perekaman KTP elektronik.",
  "Sebelumnya warga harus menempuh perjalanan tiga jam ke ibu kota kabupaten dan sering pulang tanpa hasil karena blangko habis.",
  "Jadwal kunjungan disusun bersama camat dan kepala desa, lalu diumumkan melalui pengeras suara masjid, grup WhatsApp desa, dan papan pengumuman.",
  "Warga cukup membawa kartu keluarga ke balai desa pada hari kunjungan, dan dokumen selesai dicetak di tempat dalam waktu satu jam.",
  "Lansia, penyandang disabilitas, dan warga yang sakit dilayani di rumahnya oleh petugas yang bergiliran turun ke lapangan dua hari dalam sepekan.",
  "Sejak 2019 cakupan perekaman KTP elektronik naik dari 71 persen menjadi 96 persen, dan keluhan tentang antrean di kantor dinas hampir hilang.",
  "Layanan ini dikuatkan dengan Peraturan Bupati, standar operasional prosedur, dan anggaran rutin dalam rencana kerja dinas.",
];

// Two texts on one theme (stunting), by different agencies: the same vocabulary, other
// sentences, and one stock phrase about regulation and budget in common.
const STUNTING_A =
  "Gerakan Cegah Stunting melibatkan kader posyandu, bidan desa, dan PKK di setiap desa. Kader menimbang balita setiap bulan " +
  "dan mencatat hasilnya dalam aplikasi, sehingga bidan langsung tahu balita mana yang berat badannya tidak naik. Keluarga " +
  "berisiko stunting mendapat kunjungan rumah, makanan tambahan dari dana desa, dan penyuluhan gizi bagi ibu hamil. Prevalensi " +
  "stunting turun dari 31 persen menjadi 19 persen dalam tiga tahun, dan setiap desa kini memasang papan capaian di balai desa. " +
  "Gerakan ini dikuatkan dengan Peraturan Bupati, standar operasional prosedur, dan anggaran rutin dalam rencana kerja dinas.";
const STUNTING_B =
  "Prevalensi stunting di kabupaten kami pernah mencapai 34 persen, terutama di desa pesisir. Puskesmas kemudian membentuk tim " +
  "pendamping keluarga yang terdiri atas bidan desa, kader posyandu, dan kader KB. Tim ini mendampingi calon pengantin dan ibu " +
  "hamil sejak awal kehamilan, memeriksa tablet tambah darah, dan mengajak keluarga memasak menu bergizi dari bahan lokal. Data " +
  "balita ditimbang di posyandu dan dilaporkan ke dinas kesehatan setiap bulan, sehingga intervensi gizi tepat sasaran. Tim " +
  "pendamping bekerja berdasarkan Peraturan Bupati, standar operasional prosedur, dan anggaran rutin dalam rencana kerja puskesmas.";

// Filler in the programme's vocabulary: random words, so that no two fillers share a phrase.
const VOCAB = (
  "pelayanan publik warga desa kecamatan kabupaten dinas kantor petugas layanan aplikasi data informasi pengaduan masyarakat " +
  "anggaran program kegiatan pelaksanaan evaluasi laporan inovasi kualitas waktu biaya persyaratan berkas dokumen kartu " +
  "keluarga kesehatan pendidikan sekolah guru murid puskesmas bidan kader posyandu balita ibu hamil lansia disabilitas " +
  "pertanian petani pupuk pasar harga usaha mikro koperasi modal pelatihan pendampingan kerja sama mitra swasta perusahaan " +
  "lingkungan sampah air bersih sanitasi jalan jembatan bencana banjir relawan keamanan perizinan investasi pajak retribusi " +
  "transparansi akuntabilitas partisipasi survei kepuasan indeks capaian target sasaran wilayah terpencil pesisir kota"
).split(" ");
function filler(seed: number, words: number): string {
  const rng = createRng(seed);
  const sentences: string[] = [];
  for (let n = 0; n < words; ) {
    const len = rng.int(8, 16);
    const s = Array.from({ length: len }, () => rng.pick(VOCAB)).join(" ");
    sentences.push(s.charAt(0).toUpperCase() + s.slice(1) + ".");
    n += len;
  }
  return sentences.join(" ");
}

const doc = (id: string, text: string, title = `Judul ${id}`): SimilarityDoc => ({ id, title, text });
const onlyPair = (pairs: SimilarPair[]) => {
  expect(pairs).toHaveLength(1);
  return pairs[0];
};
/** Every passage's ranges hold exactly its text, in both documents. */
function expectPassagesPointAtText(p: SimilarPair, textA: string, textB: string) {
  expect(p.passages.length).toBeGreaterThan(0);
  for (const s of p.passages) {
    expect(textA.slice(s.a.start, s.a.end)).toBe(s.a.text);
    expect(textB.slice(s.b.start, s.b.end)).toBe(s.b.text);
  }
}

describe("normalise", () => {
  it("lower-cases, strips punctuation and diacritics, splits reduplication, drops function words", () => {
    expect(normalise("Pelayanan  Publik, yang PRIMA!\nKafé anak-anak di desa")).toBe("pelayanan publik prima kafe anak anak desa");
    expect(normalise("Layanan untuk Warga", { dropFunctionWords: false })).toBe("layanan untuk warga");
  });
});

describe("findSimilar", () => {
  const source = KTP_KELILING.join(" ");

  it("scores an exact copy 100% and shows the whole text as one passage", () => {
    const index = buildIndex([doc("R1", source), doc("R2", filler(1, 300))]);
    const p = onlyPair(findSimilar(index, [doc("P1", source)]));
    expect(p).toMatchObject({ a: "P1", b: "R1", similarity: 100, containment: 1, jaccard: 1, flaggedBy: "containment", bInBatch: false });
    expect(p.passages).toHaveLength(1);
    expect(p.passages[0].a).toEqual({ start: 0, end: source.length - 1, text: source.slice(0, -1) });
    expect(p.passages[0].b.text).toBe(p.passages[0].a.text);
  });

  it("flags a copy with words changed and sentences reordered, with its passages", () => {
    const edited = [...KTP_KELILING];
    [edited[2], edited[3]] = [edited[3], edited[2]];
    [edited[5], edited[6]] = [edited[6], edited[5]];
    edited[1] = edited[1].replace("mobil layanan", "kendaraan operasional");
    edited[4] = edited[4].replace("satu jam", "dua jam").replace("balai desa", "kantor desa");
    edited[7] = edited[7].replace("Peraturan Bupati", "Surat Keputusan Bupati");
    const copy = edited.join(" ");
    const index = buildIndex([doc("R1", source), doc("R2", filler(2, 300))]);
    const p = onlyPair(findSimilar(index, [doc("P1", copy)], { maxPassages: 10 }));
    expect(p.b).toBe("R1");
    expect(p.similarity).toBeGreaterThan(60);
    expectPassagesPointAtText(p, copy, source);
    // The untouched sentence about the schedule is a passage of its own, found in both texts.
    const schedule = p.passages.find((s) => s.a.text.includes("Jadwal kunjungan disusun"));
    expect(schedule?.b.text).toContain("Jadwal kunjungan disusun bersama camat");
    expect(schedule!.b.start).toBe(source.indexOf(schedule!.b.text));
    // A changed word inside a copied sentence does not cut it in two passages.
    const merged = p.passages.find((s) => s.a.text.includes("kantor desa"));
    expect(merged?.a.text).toMatch(/^Warga cukup membawa kartu keluarga ke kantor desa pada hari kunjungan/);
    expect(merged?.b.text).toMatch(/^Warga cukup membawa kartu keluarga ke balai desa pada hari kunjungan/);
  });

  it("sees through function words added or removed", () => {
    const reworded = source.replace(/ yang /g, " ").replace(/ dan /g, " serta ").replace(/ di /g, " pada ").replace("Petugas", "Para petugas");
    const index = buildIndex([doc("R1", source)]);
    expect(onlyPair(findSimilar(index, [doc("P1", reworded)])).similarity).toBe(100);
  });

  it("catches a short innovation pasted whole into a longer proposal by containment", () => {
    const short = KTP_KELILING.slice(1, 5).join(" ");
    const proposal = `${filler(3, 250)} ${short} ${filler(4, 250)}`;
    const index = buildIndex([doc("R1", short), doc("R2", filler(5, 300))]);
    const p = onlyPair(findSimilar(index, [doc("P1", proposal)]));
    expect(p.containment).toBeGreaterThan(0.95);
    expect(p.bInA).toBe(p.containment);
    expect(p.jaccard).toBeLessThan(0.3);
    expect(p.flaggedBy).toBe("containment");
    expectPassagesPointAtText(p, proposal, short);
    expect(p.passages[0].a.start).toBe(proposal.indexOf(short));
  });

  it("catches one section of a long innovation pasted into a proposal by its passage", () => {
    const section = KTP_KELILING.slice(2, 6).join(" ");
    const innovation = `${filler(6, 400)} ${section} ${filler(7, 400)}`;
    const proposal = `${filler(8, 500)}\n\n${section}\n\n${filler(9, 500)}`;
    const index = buildIndex([doc("R1", innovation), doc("R2", filler(10, 300))]);
    const p = onlyPair(findSimilar(index, [doc("P1", proposal)]));
    expect(p.containment).toBeLessThan(0.3);
    expect(p.flaggedBy).toBe("passage");
    expectPassagesPointAtText(p, proposal, innovation);
    expect(normalise(p.passages[0].a.text)).toBe(normalise(p.passages[0].b.text));
    expect(section).toContain(p.passages[0].a.text);
    expect(p.passages[0].words).toBeGreaterThan(50);
  });

  it("does not flag two texts on the same theme with different sentences", () => {
    const index = buildIndex([doc("R1", STUNTING_A), doc("R2", filler(11, 400))]);
    const batch = [doc("P1", STUNTING_B), doc("P2", filler(12, 400))];
    expect(findSimilar(index, batch)).toEqual([]);
    // They do share the stock phrase: scored with every limit off (every shingle a fingerprint),
    // it is a small share.
    const everything = buildIndex([doc("R1", STUNTING_A)], { window: 1 });
    const p = onlyPair(findSimilar(everything, batch, { minRun: 1, minSharedShingles: 1, minPassageWords: 1 }));
    expect(p.passages[0].a.text).toBe("Peraturan Bupati, standar operasional prosedur, dan anggaran rutin dalam rencana kerja");
    expect(p.similarity).toBeLessThan(10);
  });

  it("compares the new documents with each other, each pair once", () => {
    const index = buildIndex([doc("R1", filler(13, 300))]);
    const text = filler(14, 400);
    const pairs = findSimilar(index, [doc("P1", text), doc("P2", filler(15, 300)), doc("P3", text.replace(/\. /g, ", "))]);
    const p = onlyPair(pairs);
    expect(p).toMatchObject({ a: "P1", b: "P3", bInBatch: true, similarity: 100 });
  });

  it("skips a document found under its own id in the register, and reports batch pairs once", () => {
    const index = buildIndex([doc("P1", source), doc("P2", source), doc("R1", filler(22, 300))]);
    const pairs = findSimilar(index, [doc("P1", source), doc("P2", source)]);
    expect(pairs.map((p) => `${p.a}~${p.b}~${p.bInBatch}`)).toEqual(["P1~P2~true"]);
  });

  it("copes with empty and very short texts", () => {
    const index = buildIndex([doc("R1", ""), doc("R2", "Layanan KTP."), doc("R3", source)]);
    expect(findSimilar(index, [doc("P1", ""), doc("P2", "Layanan KTP."), doc("P3", "!!!")])).toEqual([]);
  });

  it("makes no candidate of a text whose shingles recur in another, but not in one stretch", () => {
    // With every shingle a fingerprint, the proposal's three shingles of "jemput bola … lahir"
    // are consecutive fingerprints, all found in the register text, but far apart there.
    const register = [doc("R1", [
      filler(400, 100), "Jemput bola akta kelahiran bayi.", filler(401, 100), "Bola akta kelahiran bayi baru.",
      filler(402, 100), "Akta kelahiran bayi baru lahir.", filler(403, 100),
    ].join(" "))];
    const proposal = doc("P1", `${filler(404, 200)} Jemput bola akta kelahiran bayi baru lahir. ${filler(405, 200)}`);
    const stats = { candidates: 0, aligned: 0, boilerplateSkips: 0 };
    expect(findSimilar(buildIndex(register, { window: 1 }), [proposal], { stats })).toEqual([]);
    expect(stats.candidates).toBe(0);
    // The same words in one stretch are a run of three.
    const together = [doc("R1", `${filler(406, 300)} Jemput bola akta kelahiran bayi baru lahir. ${filler(407, 300)}`)];
    findSimilar(buildIndex(together, { window: 1 }), [proposal], { stats });
    expect(stats.candidates).toBe(1);
  });

  it("finds a copy among many texts on the same theme, and nothing else", () => {
    // Fillers share every word of the vocabulary; only R7 shares sentences with the proposal.
    const register = Array.from({ length: 40 }, (_, i) => doc(`R${i}`, i === 7 ? `${filler(100 + i, 300)} ${source}` : filler(100 + i, 600)));
    const batch = Array.from({ length: 10 }, (_, i) => doc(`P${i}`, i === 3 ? `${source} ${filler(200 + i, 600)}` : filler(200 + i, 800)));
    const stats = { candidates: 0, aligned: 0, boilerplateSkips: 0 };
    const pairs = findSimilar(buildIndex(register), batch, { stats });
    expect(pairs.map((p) => `${p.a}~${p.b}`)).toEqual(["P3~R7"]);
    expect(stats.candidates).toBeLessThan(5);
  });

  it("gives the same output for the same input, whatever the register's order", () => {
    const register = [doc("R1", source), doc("R2", STUNTING_A), doc("R3", filler(16, 300)), doc("R4", `${filler(17, 300)} ${source}`)];
    const batch = [doc("P1", source.replace("tiga jam", "empat jam")), doc("P2", STUNTING_B), doc("P3", source)];
    const first = findSimilar(buildIndex(register), batch);
    expect(first.map((p) => `${p.a}~${p.b}`)).toEqual(["P3~R1", "P3~R4", "P1~P3", "P1~R1", "P1~R4"]);
    expect(findSimilar(buildIndex(register), batch)).toEqual(first);
    expect(findSimilar(buildIndex([...register].reverse()), batch)).toEqual(first);
  });
});

describe("identicalTitles", () => {
  it("groups titles equal after normalisation, whatever the bodies, with the register's", () => {
    const index = buildIndex([doc("R1", filler(18, 200), "Jemput Bola KTP Elektronik"), doc("R2", filler(19, 200), "Lain")]);
    const batch = [
      doc("P1", STUNTING_A, "JEMPUT BOLA – KTP Elektronik!"),
      doc("P2", STUNTING_B, "Gerakan Cegah Stunting"),
      doc("P3", filler(20, 200), "Gerakan cegah stunting"),
      doc("P4", filler(21, 200), "Gerakan Cegah Stunting untuk Desa"),
    ];
    expect(identicalTitles(batch, index)).toEqual([
      { title: "jemput bola ktp elektronik", ids: ["P1", "R1"] },
      { title: "gerakan cegah stunting", ids: ["P2", "P3"] },
    ]);
    expect(findSimilar(index, batch)).toEqual([]);
  });
});
