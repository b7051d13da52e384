// A site visit (studi tiru), both sides, with and without JavaScript: Banyumas's Admin Lokal asks
// to learn from Surabaya's Mal Pelayanan Publik; Surabaya's operator accepts it with a date.
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";

test("an agency asks to visit another's innovation, and the host accepts with a date", async ({ page, newPerson }, testInfo) => {
  const purpose = `Belajar penataan loket bersama dan antrean daring (${uniqueSuffix(testInfo)}).`;
  const when = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await logIn(page, "admin@banyumaskab.demo");
  await visit(page, "/inovasi/mal-pelayanan-publik-surabaya");
  const main = page.getByRole("main");
  await main.getByRole("link", { name: "Ajukan studi tiru" }).click();
  await expect(page).toHaveURL(/\/kelola\/kunjungan\/baru\?inovasi=mal-pelayanan-publik-surabaya$/);
  await checkPage(page);
  await main.getByLabel(/^Tanggal yang diinginkan/).fill(when);
  await main.getByLabel(/^Jumlah peserta/).fill("8");
  await main.getByLabel(/^Apa yang ingin dipelajari\?/).fill(purpose);
  await main.getByRole("button", { name: "Kirim permintaan" }).click();
  await expect(page.getByRole("status")).toContainText("Permintaan terkirim");
  await expect(main).toContainText("Menunggu jawaban");
  await checkPage(page);
  const address = page.url().replace(/\?.*$/, "");

  const host = await newPerson();
  await logIn(host, "operator@surabaya.demo");
  await visit(host, new URL(address).pathname);
  const hostMain = host.getByRole("main");
  await expect(hostMain).toContainText(purpose);
  await hostMain.getByRole("radio", { name: "Terima" }).check();
  await hostMain.getByLabel(/^Tanggal kunjungan/).fill(when);
  await hostMain.getByLabel(/^Pesan untuk pemohon/).fill("Silakan datang pukul 09.00 WIB di lantai 2.");
  await hostMain.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(host.getByRole("status")).toContainText("Jawaban terkirim");
  await expect(hostMain.getByText("Diterima", { exact: true })).toBeVisible();
  await checkPage(host);

  // The asker is told, and sees the answer.
  await visit(page, "/kelola/notifikasi");
  await expect(main).toContainText("Studi tiru diterima: Mal Pelayanan Publik");
  await visit(page, new URL(address).pathname);
  await expect(main).toContainText("Silakan datang pukul 09.00 WIB di lantai 2.");
});
