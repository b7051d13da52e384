// Events, as people meet them (with and without JavaScript): a visitor finds the replication
// forum from the header; Admin Lokal registers a participant, is told of a mistake first, then
// withdraws the registration.
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";

test("Admin Lokal registers a participant for the replication forum, then withdraws", async ({ page }, testInfo) => {
  await visit(page, "/");
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Acara" }).click();
  await expect(page).toHaveURL(/\/acara$/);
  await checkPage(page);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "Akan datang" })).toBeVisible();
  // The Sulawesi batch is listed for everyone, with its zone-named time.
  await expect(main.getByRole("link", { name: /Angkatan 6: Sulawesi/ })).toBeVisible();
  await main.getByRole("link", { name: "Forum Replikasi Mal Pelayanan Publik" }).click();
  await expect(page).toHaveURL(/\/acara\/forum-replikasi-mal-pelayanan-publik-\d{4}$/);
  await checkPage(page);
  await expect(main).toContainText(/WIB/);
  await expect(main.getByRole("link", { name: /Masuk sebagai Admin Lokal/ })).toBeVisible();

  await logIn(page, "admin@banyumaskab.demo");
  await visit(page, "/acara/forum-replikasi-mal-pelayanan-publik-" + new Date().getUTCFullYear());
  const email = `peserta.${uniqueSuffix(testInfo)}@banyumaskab.go.id`;
  await main.getByLabel(/^Nama peserta/).fill("Sri Wahyuni");
  await main.getByLabel(/^Email peserta/).fill("bukan email");
  await main.getByRole("button", { name: "Daftarkan" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Ada masalah" }) });
  await expect(summary.getByRole("link", { name: /^Email peserta: Masukkan alamat email yang benar/ })).toHaveAttribute("href", "#f-email");
  await expect(main.getByLabel(/^Nama peserta/)).toHaveValue("Sri Wahyuni");
  await checkPage(page);
  await main.getByLabel(/^Email peserta/).fill(email);
  await main.getByRole("button", { name: "Daftarkan" }).click();
  await expect(page.getByRole("status")).toContainText("Peserta terdaftar.");
  await expect(main.getByRole("listitem").filter({ hasText: email })).toContainText("Sri Wahyuni");
  await checkPage(page);
  await main.getByRole("listitem").filter({ hasText: email }).getByRole("button", { name: "Batalkan pendaftaran Sri Wahyuni" }).click();
  await expect(page.getByRole("status")).toContainText("Pendaftaran dibatalkan.");
  await expect(main.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
  await checkPage(page);
});
