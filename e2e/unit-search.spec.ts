// An Admin Lokal of an agency with more units than one list shows (the demo's Banyumas) invites
// an operator into a unit found by name: with JavaScript in place, without it as a GET of the
// page; either way what was typed in the rest of the form stays.
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";

test("an operator is invited into a unit found by part of its name", async ({ page, javaScriptEnabled }, testInfo) => {
  const email = `operator.cari.${uniqueSuffix(testInfo)}@uji.go.id`.toLowerCase();
  await logIn(page, "admin@banyumaskab.demo");
  await visit(page, "/kelola/pengguna");
  await checkPage(page);
  const unit = page.getByRole("combobox", { name: "Unit", exact: false });
  // Not every unit at once: the list waits for a search.
  await expect(unit.locator("option")).toHaveCount(1);
  await page.getByLabel("Nama", { exact: true }).fill("Operator Kembaran");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Peran").selectOption({ label: "Operator Unit" });
  await page.getByLabel("Cari unit menurut nama").fill("KEMBARAN");
  await page.getByRole("button", { name: "Cari unit" }).click();
  await expect(page.getByText("1 unit cocok dengan “KEMBARAN”.")).toBeVisible();
  // In place with JavaScript: the person's address and the form's token stay out of the address
  // bar (without it, the form itself is sent by GET).
  if (javaScriptEnabled) expect([...new URL(page.url()).searchParams.keys()].sort()).toEqual(["cariUnit"]);
  await checkPage(page);
  // What was typed before the search is still there.
  await expect(page.getByLabel("Nama", { exact: true })).toHaveValue("Operator Kembaran");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Peran")).toHaveValue("unit_operator");
  await unit.selectOption({ label: "Kecamatan Kembaran" });
  await page.getByRole("button", { name: "Undang pengguna" }).click();
  await expect(page.getByText(`Undangan untuk ${email} tersimpan di Kotak keluar.`, { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/kelola\/pengguna$/);
  await checkPage(page);
});
