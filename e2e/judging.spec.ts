// Judging in the browser: the demo evaluator scores an assigned proposal (a draft first, then
// the whole review with the rubric beside each score), and the secretariat's judging pages
// (pools, conflicts, assignment, plenary, results, reports) pass axe. With and without JavaScript.
import { checkPage, expect, logIn, test, visit } from "./fixtures";

test("an evaluator saves a draft review, then submits it with a reason for every score", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name === "js";
  await logIn(page, "evaluator@ui.demo");
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Penilaian" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penilaian saya");
  await expect(page.getByText(/Ditutup: .* WIB/).first()).toBeVisible();
  await checkPage(page);

  // Each run scores a different assignment.
  const links = page.locator("table tbody tr th a, table tbody tr td a").filter({ hasNotText: /^$/ });
  await links.nth(js ? 0 : 1).click();
  await expect(page).toHaveURL(/\/kelola\/penilaian\/[^/]+\/evaluasi\/\d+$/);
  await expect(page.getByText("Rubrik:").first()).toBeVisible();
  await checkPage(page);

  const scores = page.getByRole("spinbutton");
  const reasons = page.getByRole("textbox", { name: /^Alasan nilai/ });
  const count = await scores.count();
  expect(count).toBeGreaterThan(3);
  await scores.first().fill("7");
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page.getByRole("status")).toContainText("Draf penilaian tersimpan.");
  await expect(scores.first()).toHaveValue("7");
  await checkPage(page);

  for (let i = 0; i < count; i++) {
    await scores.nth(i).fill(String(6 + (i % 4)));
    await reasons.nth(i).fill(`Bukti pada kriteria ke-${i + 1} cukup meyakinkan dan terukur.`);
  }
  await page.getByRole("textbox", { name: /^Catatan untuk pengusul/ }).fill("Lampirkan laporan evaluasi independen.");
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByRole("status")).toContainText("Penilaian terkirim.");
  await expect(page.getByText(/terkunci/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Kirim penilaian" })).toHaveCount(0);
  await checkPage(page);
});

test("the secretariat's judging pages are accessible", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, "admin@menpan.demo");
  await visit(page, "/kelola/kompetisi");
  const href = await page.getByRole("link", { name: /tahap evaluasi/ }).first().getAttribute("href");
  expect(href).toMatch(/^\/kelola\/kompetisi\/[a-z0-9-]+$/);
  for (const path of ["/juri", "/konflik", "/tahap/evaluasi/penugasan", "/tahap/evaluasi/pleno", "/hasil", "/laporan", "/tahap/presentasi/jadwal", "/tahap/verifikasi-lapangan/verifikasi"]) {
    const res = await visit(page, `${href}${path}`);
    expect(res?.status(), path).toBe(200);
  }
  await visit(page, "/kelola/notifikasi");
  await visit(page, `${href}/tahap/evaluasi/pleno?per=category`);
  await expect(page.getByRole("button", { name: "Simpan keputusan pleno" })).toBeVisible();
});

test("a visitor reads a finished edition's results and verifies a certificate", async ({ page }) => {
  await visit(page, "/kompetisi");
  const finished = page.locator('a[href^="/kompetisi/kipp-"]').filter({ hasNotText: /tahap evaluasi/ });
  const hrefs = await finished.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  // The finished edition is the oldest of the demo's editions.
  const oldest = hrefs.filter((h): h is string => Boolean(h)).sort()[0];
  const res = await visit(page, `${oldest}/hasil`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 2, name: /Outstanding Achievement/ })).toBeVisible();
  await page.getByRole("link", { name: "Periksa piagam" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Piagam asli");
  await checkPage(page);
});
