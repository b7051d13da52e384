// An Admin Lokal of an agency with more units than one list shows (the demo's Banyumas) invites
// an operator into a unit found by name: the search posts the form with its own intent, so what
// was typed in the rest of the form stays, and the person's name and email never go into the
// address (with or without JavaScript).
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";

test("an operator is invited into a unit found by part of its name", async ({ page }, testInfo) => {
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
  await expect(page).toHaveURL(/\/kelola\/pengguna$/);
  await checkPage(page);
  // What was typed before the search is still there.
  await expect(page.getByLabel("Nama", { exact: true })).toHaveValue("Operator Kembaran");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Peran")).toHaveValue("unit_operator");
  await unit.selectOption({ label: "Kecamatan Kembaran" });
  await page.getByRole("button", { name: "Undang pengguna" }).click();
  await expect(page.getByText(`Undangan untuk ${email} masuk antrean email`, { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/kelola\/pengguna$/);
  await checkPage(page);
});
