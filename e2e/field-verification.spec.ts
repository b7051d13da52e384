// Field verification in the browser: a member of the visiting team opens the report from their
// list, records for an indicator what the records on site show (not what the proposal claims),
// saves a draft, completes and sends the report; the secretariat then reads claimed beside
// verified on the stage's plenary page. With and without JavaScript, each run on its own entry
// of the fixture's edition (app/modules/demo/field-verification.ts).
import { FIELD_VERIFICATION_EDITION as EDITION } from "../app/modules/demo/field-verification";
import { checkPage, expect, logIn, test, visit } from "./fixtures";

test("the field team records a verified value unlike the claim, and the plenary reads it beside the claim", async ({ page, newPerson }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name === "js";
  const observed = `Hanya ${js ? 7 : 9} tercatat di buku register kantor`;
  const note = "Rekap di lokasi tidak memuat angka yang diklaim; hanya data bulan terakhir.";

  await logIn(page, EDITION.team.evaluator);
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Penilaian" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penilaian saya");
  await checkPage(page);

  // Each run files the report of its own entry (the list is in entry order).
  const edition = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: /uji verifikasi lapangan/ }) });
  const row = edition.getByRole("row").filter({ has: page.getByRole("link", { name: "Laporan verifikasi lapangan" }) }).nth(js ? 0 : 1);
  const title = (await row.getByRole("rowheader").getByRole("link").first().textContent())!.trim();
  expect(title.length).toBeGreaterThan(3);
  await row.getByRole("link", { name: "Laporan verifikasi lapangan" }).click();
  await expect(page).toHaveURL(new RegExp(`/kelola/verifikasi/${EDITION.slug}/${EDITION.stage}/\\d+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Laporan verifikasi lapangan: ${title}`);
  await checkPage(page);

  // The first claim, as the proposal states it, and what the team saw on site.
  const first = page.getByRole("group", { name: /^Indikator 1: / });
  const claimed = (await first.locator("dd").first().textContent())!.trim();
  expect(claimed).toMatch(/→/);
  expect(observed).not.toContain(claimed);
  await first.getByLabel("Yang ditunjukkan catatan di lokasi").fill(observed);
  await first.getByRole("radio", { name: "Tidak sesuai", exact: true }).check();
  await first.getByRole("textbox", { name: /^Catatan/ }).fill(note);
  await page.getByRole("button", { name: "Simpan draf" }).first().click();
  await expect(page.getByRole("status")).toHaveText("Draf laporan disimpan.");
  // Kept as saved, and not yet for the plenary.
  await expect(first.getByLabel("Yang ditunjukkan catatan di lokasi")).toHaveValue(observed);
  await expect(first.getByRole("radio", { name: "Tidak sesuai", exact: true })).toBeChecked();
  await checkPage(page);

  // The rest of the report: every other claim found as claimed, a resident's word, the decision.
  const indicators = page.getByRole("group", { name: /^Indikator \d+: / });
  const claims = await indicators.count();
  expect(claims).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < claims; i++) await indicators.nth(i).getByRole("radio", { name: "Sesuai", exact: true }).check();
  const testimony = page.getByRole("group", { name: "Kesaksian 1" });
  await testimony.getByLabel("Nama").fill("Bu Sumiati");
  await testimony.getByLabel("Hubungan dengan inovasi").fill("Warga penerima layanan");
  await testimony.getByLabel("Yang disampaikan").fill("Layanan ini memangkas waktu antre kami.");
  await page.getByRole("radio", { name: "Terverifikasi", exact: true }).check();
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByRole("status")).toHaveText("Laporan dikirim dan terkunci.");
  await checkPage(page);

  // The secretariat, at the stage's plenary: the count first, then claimed beside verified.
  const secretariat = await newPerson();
  await logIn(secretariat, "admin@menpan.demo");
  const res = await visit(secretariat, `/kelola/kompetisi/${EDITION.slug}/tahap/${EDITION.stage}/pleno`);
  expect(res?.status()).toBe(200);
  const entry = secretariat.getByRole("row").filter({ has: secretariat.getByRole("rowheader").filter({ hasText: title }) }).first();
  await expect(entry.locator(".finding-summary")).toHaveText(`${claims - 1} dari ${claims} indikator sesuai; 1 tidak sesuai`);
  await entry.locator("summary", { hasText: "Klaim dan hasil verifikasi per indikator" }).click();
  const comparison = secretariat.getByRole("table", { name: `Klaim dan hasil verifikasi per indikator: ${title}` });
  await expect(comparison).toBeVisible();
  const checked = comparison.getByRole("row").nth(1);
  await expect(checked.getByRole("cell").nth(0)).toContainText(claimed);
  await expect(checked.getByRole("cell").nth(1)).toHaveText(observed);
  await expect(checked.getByRole("cell").nth(2)).toHaveText("Tidak sesuai");
  await expect(checked.getByRole("cell").nth(3)).toHaveText(note);
  await checkPage(secretariat);
});
