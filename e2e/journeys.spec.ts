// The journeys of issue 2, as people take them in a browser (each also runs without JavaScript):
// a visitor finds an innovation and its agency; an operator registers one with a photo and a PDF;
// the agency admin returns it once, then publishes it; anyone then finds it in the catalogue.
import type { Page } from "@playwright/test";
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";
import { pdfDocument, pngPhoto } from "./files";

const OPERATOR = "operator.dpu@banyumaskab.demo";
const AGENCY_ADMIN = "admin@banyumaskab.demo";
const BANYUMAS = /Kab(upaten|\.) Banyumas/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A form field by its Indonesian label, which may end in "(opsional)" or "(wajib sebelum dikirim)". */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${escape(label)}\\s*(\\((opsional|wajib sebelum dikirim)\\))?\\s*$`));

/** A button of the page's own content (the header has its own "Simpan" and "Cari"). */
const mainButton = (page: Page, name: string) => page.getByRole("main").getByRole("button", { name, exact: true });

/** Search from the home page's search box: lands on /inovasi?q=…, checked. */
async function searchCatalogue(page: Page, query: string) {
  await visit(page, "/");
  await page.getByRole("search").getByRole("searchbox", { name: "Cari" }).fill(query);
  await page.getByRole("search").getByRole("button", { name: "Cari" }).click();
  await expect(page).toHaveURL(/\/inovasi\?(.*&)?q=/);
  await checkPage(page);
}

test("a visitor searches the catalogue, opens an innovation, then its agency", async ({ page }, testInfo) => {
  const js = testInfo.project.name === "js";
  await searchCatalogue(page, "Gemas Pesulan");
  const result = page.getByRole("main").getByRole("link", { name: /Gemas Pesulan/ }).first();
  await expect(result).toBeVisible();

  // Once React has the page, its result cards' plain links navigate in the app.
  if (js) {
    const live = () => page.evaluate(() => Object.keys(document.querySelector("h1") ?? {}).some((k) => k.startsWith("__reactFiber")));
    await expect.poll(live).toBe(true);
  }
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(r.url());
  });
  await result.click();
  await expect(page).toHaveURL(/\/inovasi\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Gemas Pesulan");
  expect(documents).toHaveLength(js ? 0 : 1);
  await checkPage(page);

  await page.getByRole("main").getByRole("link", { name: BANYUMAS }).first().click();
  await expect(page).toHaveURL(/\/instansi\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Banyumas");
  // The agency's portfolio lists the innovation the visitor came from.
  await expect(page.getByRole("main").getByRole("link", { name: /Gemas Pesulan/ }).first()).toBeVisible();
  await checkPage(page);

  // Its units, by count: the visitor narrows the list to the unit behind Gemas Pesulan, then
  // goes back to every unit's.
  const units = page.getByRole("region", { name: "Menurut unit" });
  await expect(units.getByRole("link", { name: "Semua unit" })).toHaveAttribute("aria-current", "page");
  await units.getByRole("link", { name: "Dinas Pekerjaan Umum", exact: true }).click();
  await expect(page).toHaveURL(/\/instansi\/[^/?]+\?unit=\d+#innovations-title$/);
  await expect(page.getByRole("heading", { level: 2, name: "Inovasi terbit dari Dinas Pekerjaan Umum" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: /Gemas Pesulan/ }).first()).toBeVisible();
  await expect(units.getByRole("link", { name: "Dinas Pekerjaan Umum", exact: true })).toHaveAttribute("aria-current", "page");
  await checkPage(page);
  await page.getByRole("main").getByRole("link", { name: /^Lihat inovasi semua unit/ }).click();
  await expect(page).toHaveURL(/\/instansi\/[^/?]+#innovations-title$/);
  await expect(page.getByRole("heading", { level: 2, name: "Inovasi terbit", exact: true })).toBeVisible();
  await checkPage(page);
});

test("a visitor narrows a broad search to a province left out of the short list", async ({ page }) => {
  await visit(page, "/inovasi");
  // The visually hidden name of the facet reads after a space in the link's accessible name.
  const provinces = page.getByRole("group", { name: "Provinsi" });
  await expect(provinces.getByRole("checkbox")).toHaveCount(10);
  await checkPage(page);
  await provinces.getByRole("link", { name: /^Tampilkan semua \(\d+\)\s?: Provinsi$/ }).click();
  await expect(page).toHaveURL(/[?&]expand=province#facet-province$/);
  // With JavaScript the address changes before the new list renders: wait for an eleventh box.
  await expect(provinces.getByRole("checkbox").nth(10)).toBeVisible();
  const all = await provinces.getByRole("checkbox").count();
  expect(all).toBeGreaterThan(10);
  await checkPage(page);

  // The last province in code order; the list stays whole after the filter is applied.
  const last = provinces.getByRole("checkbox").last();
  const name = (await provinces.locator("label").last().innerText()).replace(/\s*\([\d.]+\)$/, "");
  await last.check();
  await page.getByRole("button", { name: "Terapkan saringan" }).click();
  await expect(page).toHaveURL(/[?&]province=\d+/);
  await expect(page).toHaveURL(/[?&]expand=province/);
  await expect(page.getByRole("link", { name: `Hapus saringan: ${name}` })).toBeVisible();
  await expect(provinces.getByRole("checkbox", { name: new RegExp(`^${escape(name)}`) })).toBeChecked();
  await expect(provinces.getByRole("checkbox")).toHaveCount(all);
  await checkPage(page);
  await provinces.getByRole("link", { name: /^Tampilkan lebih sedikit\s?: Provinsi$/ }).click();
  await expect(page).not.toHaveURL(/expand=/);
  await expect(provinces.getByRole("checkbox", { name: new RegExp(`^${escape(name)}`) })).toBeChecked();
  await checkPage(page);
});

test("an innovation goes from registration to the catalogue: sent, returned once, corrected, published, found", async ({ page, newPerson }, testInfo) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix(testInfo);
  const name = `Layanan Jemput Bola Perbaikan Jalan ${suffix}`;
  const operator = page;
  let manageUrl = "";

  await test.step("the operator registers a draft with a photo and a PDF", async () => {
    await logIn(operator, OPERATOR);
    await visit(operator, "/kelola/inovasi");
    await expect(operator.getByRole("heading", { level: 1 })).toHaveText("Inovasi instansi");
    await operator.getByRole("main").getByRole("link", { name: "Daftarkan inovasi" }).click();
    await expect(operator).toHaveURL(/\/kelola\/inovasi\/baru$/);
    await expect(operator.getByRole("heading", { level: 1 })).toHaveText("Daftarkan inovasi");
    await checkPage(operator);

    await field(operator, "Nama inovasi").fill(name);
    await field(operator, "Akronim").fill(`JBPJ ${suffix}`);
    await field(operator, "Ringkasan").fill(
      "Warga melaporkan jalan rusak lewat WhatsApp; regu DPU datang memperbaiki dalam tiga hari kerja.",
    );
    await field(operator, "Masalah").fill("Laporan jalan rusak menumpuk dan baru ditangani berbulan-bulan kemudian.");
    await field(operator, "Kelompok sasaran").fill("Pengguna jalan kabupaten di 27 kecamatan.");
    await field(operator, "Kebaruan").fill("Laporan warga langsung masuk ke jadwal regu perbaikan, dengan foto sebelum dan sesudah.");
    await field(operator, "Cara pelaksanaan").fill("Satu nomor WhatsApp, piket harian, dan regu reaksi cepat di tiap wilayah.");
    await field(operator, "Hasil").fill("Waktu penanganan turun dari 90 hari menjadi 3 hari kerja.");
    await field(operator, "Mulai dilaksanakan").fill("2021-03-01");
    await operator.getByRole("checkbox", { name: "Infrastruktur", exact: true }).check();
    await field(operator, "Foto").setInputFiles({ name: "regu-perbaikan.png", mimeType: "image/png", buffer: pngPhoto() });
    await field(operator, "Dokumen bukti").setInputFiles({
      name: "laporan-evaluasi.pdf",
      mimeType: "application/pdf",
      buffer: pdfDocument("Laporan evaluasi Jemput Bola Perbaikan Jalan"),
    });
    await mainButton(operator, "Simpan").click();

    await expect(operator).toHaveURL(/\/kelola\/inovasi\/\d+\?pesan=created$/);
    await expect(operator.getByRole("status")).toHaveText("Inovasi tersimpan sebagai draf.");
    await expect(operator.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(operator.getByRole("link", { name: "regu-perbaikan.png" })).toBeVisible();
    await expect(operator.getByRole("link", { name: "laporan-evaluasi.pdf" })).toBeVisible();
    await checkPage(operator);
    manageUrl = operator.url().replace(/\?.*$/, "");
  });

  await test.step("the operator sends it to the agency admin", async () => {
    await mainButton(operator, "Kirim ke Admin Lokal").click();
    await expect(operator).toHaveURL(/\?pesan=submitted$/);
    await expect(operator.getByRole("status")).toHaveText("Inovasi dikirim ke Admin Lokal untuk diperiksa.");
    await expect(operator.getByRole("main").getByText("Menunggu pemeriksaan Admin Lokal")).toBeVisible();
    await checkPage(operator);
  });

  const admin = await newPerson();
  const comment = `Lengkapi hasil dengan sumber data (${suffix}).`;

  await test.step("the agency admin finds it among the submitted ones and returns it with a note", async () => {
    await logIn(admin, AGENCY_ADMIN);
    await visit(admin, "/kelola/inovasi");
    await admin.getByLabel("Tahap").selectOption({ label: "Menunggu pemeriksaan Admin Lokal" });
    await mainButton(admin, "Saring").click();
    await expect(admin).toHaveURL(/tahap=submitted/);
    await checkPage(admin);
    await admin.getByRole("main").getByRole("link", { name, exact: true }).click();
    await expect(admin).toHaveURL(manageUrl);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(name);
    await checkPage(admin);

    await field(admin, "Catatan untuk operator").fill(comment);
    await mainButton(admin, "Kembalikan untuk perbaikan").click();
    await expect(admin).toHaveURL(/\?pesan=returned$/);
    await expect(admin.getByRole("status")).toHaveText("Inovasi dikembalikan ke operator.");
    await checkPage(admin);
  });

  await test.step("the operator reads the note, corrects the entry and sends it again", async () => {
    await visit(operator, manageUrl);
    await expect(operator.getByRole("main").getByText("Dikembalikan untuk perbaikan").first()).toBeVisible();
    await expect(operator.getByRole("note").filter({ hasText: "Catatan pemeriksa" })).toContainText(comment);
    await field(operator, "Hasil").fill(
      "Waktu penanganan turun dari 90 hari menjadi 3 hari kerja (sumber: rekap aduan DPU 2021–2023).",
    );
    await mainButton(operator, "Kirim ke Admin Lokal").click();
    await expect(operator).toHaveURL(/\?pesan=submitted$/);
    await expect(operator.getByRole("status")).toHaveText("Inovasi dikirim ke Admin Lokal untuk diperiksa.");
    await checkPage(operator);
  });

  await test.step("the agency admin publishes it", async () => {
    await visit(admin, manageUrl);
    await expect(admin.getByRole("main").getByText("Menunggu pemeriksaan Admin Lokal")).toBeVisible();
    await mainButton(admin, "Terbitkan").click();
    await expect(admin).toHaveURL(/\?pesan=published$/);
    await expect(admin.getByRole("status")).toHaveText("Inovasi terbit di katalog.");
    await checkPage(admin);
  });

  await test.step("an anonymous visitor finds it by search, with its photo, its evidence and its agency", async () => {
    const visitor = await newPerson();
    await searchCatalogue(visitor, name);
    await visitor.getByRole("main").getByRole("link", { name: new RegExp(escape(name)) }).first().click();
    await expect(visitor).toHaveURL(/\/inovasi\/[^/?]+$/);
    await expect(visitor.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(visitor.getByRole("main")).toContainText("sumber: rekap aduan DPU");
    await checkPage(visitor);

    const photo = visitor.getByRole("main").locator('img[src^="/berkas/"]').first();
    await expect(photo).toBeVisible();
    const photoResponse = await visitor.request.get((await photo.getAttribute("src"))!);
    expect(photoResponse.status()).toBe(200);
    expect(photoResponse.headers()["content-type"]).toMatch(/^image\/png/);
    const evidence = visitor.getByRole("main").getByRole("link", { name: /laporan-evaluasi\.pdf/ });
    const evidenceResponse = await visitor.request.get((await evidence.getAttribute("href"))!);
    expect(evidenceResponse.status()).toBe(200);
    expect(evidenceResponse.headers()["content-type"]).toMatch(/^application\/pdf/);

    await visitor.getByRole("main").getByRole("link", { name: BANYUMAS }).first().click();
    await expect(visitor).toHaveURL(/\/instansi\/[^/?]+$/);
    await expect(visitor.getByRole("main").getByRole("link", { name: new RegExp(escape(name)) })).toBeVisible();
    await checkPage(visitor);
  });
});

test("the register form sent with mistakes shows the error summary, linking to each field, and keeps what was typed", async ({ page }, testInfo) => {
  const name = `Inovasi dengan kesalahan ${uniqueSuffix(testInfo)}`;
  await logIn(page, OPERATOR);
  await visit(page, "/kelola/inovasi/baru");
  await field(page, "Nama inovasi").fill(name);
  await field(page, "Ringkasan").fill("Ringkasan yang tidak boleh hilang.");
  await field(page, "Mulai dilaksanakan").fill("2099-01-01");
  await field(page, "Dokumen bukti").setInputFiles({ name: "catatan.txt", mimeType: "text/plain", buffer: Buffer.from("bukan PDF") });
  await field(page, "Foto").setInputFiles({ name: "balai-desa.png", mimeType: "image/png", buffer: pngPhoto() });
  await mainButton(page, "Simpan").click();

  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Ada masalah" }) });
  await expect(summary).toBeVisible();
  const dateError = summary.getByRole("link", { name: /^Mulai dilaksanakan: Tanggal mulai tidak boleh di masa depan/ });
  await expect(dateError).toHaveAttribute("href", "#f-startedOn");
  await expect(summary.getByRole("link", { name: /^Dokumen bukti: .*catatan\.txt/ })).toHaveAttribute("href", "#f-evidence");
  await expect(field(page, "Mulai dilaksanakan")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Mulai dilaksanakan")).toHaveAccessibleDescription(/Tanggal mulai tidak boleh di masa depan/);
  // Nothing typed is lost, and nothing was saved.
  await expect(field(page, "Nama inovasi")).toHaveValue(name);
  await expect(field(page, "Ringkasan")).toHaveValue("Ringkasan yang tidak boleh hilang.");
  await expect(page).toHaveURL(/\/kelola\/inovasi\/baru$/);
  await checkPage(page);

  // The good photo was kept; the false PDF was not.
  const kept = page.getByRole("group", { name: "Berkas yang sudah Anda pilih" });
  await expect(kept.getByRole("checkbox", { name: /^balai-desa\.png/ })).toBeChecked();
  await expect(kept.getByRole("checkbox")).toHaveCount(1);

  await dateError.click();
  await expect(field(page, "Mulai dilaksanakan")).toBeFocused();
  // Following the summary's link forgets nothing of the refused form.
  await expect(summary).toBeVisible();
  await expect(kept.getByRole("checkbox")).toHaveCount(1);
  // Corrected and sent again, without choosing the photo again: it is stored with the entry,
  // once (with JavaScript the photo's input is emptied, its file being kept above).
  await expect(field(page, "Foto")).toHaveValue("");
  await field(page, "Mulai dilaksanakan").fill("2024-01-15");
  await field(page, "Dokumen bukti").setInputFiles([]);
  await mainButton(page, "Simpan").click();
  await expect(page).toHaveURL(/\/kelola\/inovasi\/\d+\?pesan=created$/);
  await expect(page.getByRole("main").getByRole("link", { name: "balai-desa.png" })).toHaveCount(1);
  await checkPage(page);
});
