// The yearly check-in, as a unit operator takes it (with and without JavaScript): told on the
// dashboard what is due, the form refused once without evidence and naming the field, then
// answered with a report; the innovation's public page then says it still runs.
import { checkPage, expect, logIn, test, visit } from "./fixtures";
import { pdfDocument } from "./files";

const OPERATOR = "operator.dpu@banyumaskab.demo";

test("a unit operator confirms a published innovation still runs, with evidence, and the public sees it", async ({ page }, testInfo) => {
  const js = testInfo.project.name === "js";
  await logIn(page, OPERATOR);
  await visit(page, "/kelola");
  const main = page.getByRole("main");
  await main.getByRole("link", { name: "Mutakhirkan sekarang" }).click();
  await expect(page).toHaveURL(/\/kelola\/pemutakhiran\?tampil=belum/);
  await checkPage(page);
  await expect(main.getByRole("heading", { level: 1 })).toContainText("Pemutakhiran keberlanjutan");
  // Each run answers its own innovation of the unit, so the two runs never meet.
  const rows = main.getByRole("row").filter({ has: page.getByRole("link", { name: "Jawab" }) });
  const row = js ? rows.filter({ hasText: "Gemas Pesulan" }) : rows.filter({ hasNotText: "Gemas Pesulan" }).first();
  await row.getByRole("link", { name: "Jawab" }).click();
  await expect(page).toHaveURL(/\/kelola\/inovasi\/\d+\/pemutakhiran$/);
  await checkPage(page);

  // "Still running" without any evidence is refused, naming the field; the note is kept.
  const note = js
    ? "Kerja bakti bersih sungai berjalan setiap bulan di 14 titik; 620 warga ikut sepanjang tahun ini."
    : "Pendampingan berjalan di 9 desa; laporan triwulan dikirim ke Bappeda dan diumumkan di situs dinas.";
  await main.getByRole("radio", { name: "Ya, masih berjalan" }).check();
  await main.getByLabel(/^Apa yang terjadi tahun ini\?/).fill(note);
  await main.getByRole("button", { name: "Simpan jawaban" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Ada masalah" }) });
  await expect(summary.getByRole("link", { name: /^Bukti tahun ini: Lampirkan bukti/ })).toHaveAttribute("href", "#f-evidenceFile");
  await expect(main.getByLabel(/^Apa yang terjadi tahun ini\?/)).toHaveValue(note);
  await checkPage(page);

  if (js) await main.getByLabel(/^Bukti tahun ini/).setInputFiles({ name: "laporan-kerja-bakti.pdf", mimeType: "application/pdf", buffer: pdfDocument("Laporan kerja bakti") });
  else await main.getByLabel(/^Alamat web bukti/).fill("banyumaskab.go.id/berita/pendampingan-desa");
  await main.getByRole("button", { name: "Simpan jawaban" }).click();
  await expect(page).toHaveURL(/\/pemutakhiran\?pesan=disimpan$/);
  await expect(page.getByRole("status")).toContainText("Jawaban pemutakhiran tersimpan");
  await checkPage(page);

  // The public page: the line in its facts, the answer and its evidence, without the operator's name.
  await main.getByRole("link", { name: "Lihat halaman publik inovasi ini" }).click();
  await expect(page).toHaveURL(/\/inovasi\/[a-z0-9-]+$/);
  await checkPage(page);
  await expect(main).toContainText(/Dipastikan masih berjalan oleh instansinya pada pemutakhiran \d{4}\./);
  const answers = main.getByRole("region", { name: "Jawaban pemutakhiran" });
  await expect(answers).toContainText(note);
  if (js) await expect(answers.getByRole("link", { name: "laporan-kerja-bakti.pdf" })).toBeVisible();
  else await expect(answers.getByRole("link", { name: "bukti di banyumaskab.go.id" })).toHaveAttribute("href", "https://banyumaskab.go.id/berita/pendampingan-desa");
  await expect(answers).not.toContainText("Agus Setiawan");
});
