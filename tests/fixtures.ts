// Small real files for upload tests: a 1×1 PNG and a minimal PDF.
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
export const MINI_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

export const fileOf = (bytes: Buffer, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

/** The fields a complete register entry needs before it can be sent for review. */
export const COMPLETE_ENTRY = {
  name: "Layanan Pengaduan Warga Terpadu",
  acronym: "LAPOR WARGA",
  summary: "Warga menyampaikan pengaduan pelayanan melalui satu pintu dan mendapat jawaban dalam tiga hari.",
  problem: "Pengaduan tersebar di banyak kanal dan sering tidak dijawab.",
  targetGroup: "Seluruh warga kabupaten.",
  novelty: "Satu nomor layanan dengan pelacakan status pengaduan.",
  implementation: "Petugas piket di setiap OPD menjawab pengaduan yang diteruskan.",
  results: "Waktu jawab turun dari 14 hari menjadi 3 hari.",
  status: "implementasi",
  startedOn: "2021-02-01",
  "sectors[]": ["tata_kelola", "tik"],
  "sdgs[]": ["16"],
  indicator_name: "Rata-rata waktu jawab",
  indicator_before: "14",
  indicator_after: "3",
  indicator_unit: "hari",
  indicator_source: "Laporan bulanan",
};
