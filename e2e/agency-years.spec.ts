// The secretariat records that an agency ended: it finds the agency, sets its last year of "One
// Agency, One Innovation" (after one refused try), and the agency's public page says it ended.
// Each project (with and without JavaScript) adds and edits an enterprise of its own.
import type { Page } from "@playwright/test";
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";

const NATIONAL_ADMIN = "admin@menpan.demo";

/** A form field by its Indonesian label, which may end in "(opsional)". */
const field = (page: Page, label: string) => page.getByRole("main").getByLabel(new RegExp(`^${label}\\s*(\\(opsional\\))?\\s*$`));
const mainButton = (page: Page, name: string) => page.getByRole("main").getByRole("button", { name, exact: true });

test("the national admin sets an agency's last year and the agency's page shows it ended", async ({ page }, testInfo) => {
  const name = `PT Uji Tahun Aktif ${uniqueSuffix(testInfo)}`;
  await logIn(page, NATIONAL_ADMIN);

  await test.step("the admin adds an enterprise and finds it by name", async () => {
    await visit(page, "/kelola/instansi");
    await field(page, "Nama instansi").fill(name);
    await field(page, "Jenis instansi").selectOption("bumn");
    await mainButton(page, "Tambah BUMN/BUMD").click();
    await expect(page.getByRole("status")).toHaveText(`Instansi ${name} ditambahkan.`);
    await checkPage(page);

    await page.getByRole("search").getByRole("searchbox", { name: "Cari instansi" }).fill(name);
    await page.getByRole("search").getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page).toHaveURL(/\/kelola\/instansi\?q=/);
    await expect(page.getByRole("main").getByRole("row", { name: new RegExp(name) })).toContainText("Sepanjang program");
    await checkPage(page);
  });

  await test.step("a last year before the first is refused, naming the field", async () => {
    await page.getByRole("main").getByRole("link", { name: `Ubah tahun ${name}` }).click();
    await expect(page).toHaveURL(/[?&]ubah=\d+/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tahun wajib berinovasi: ${name}`);
    await checkPage(page);

    await field(page, "Tahun pertama").fill("2020");
    await field(page, "Tahun terakhir").fill("2019");
    await mainButton(page, "Simpan tahun").click();
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Ada masalah" }) });
    await expect(summary.getByRole("link", { name: "Tahun terakhir: Harus sama dengan atau sesudah tahun pertama (2020)." })).toHaveAttribute("href", "#f-activeUntil");
    await expect(field(page, "Tahun terakhir")).toHaveAttribute("aria-invalid", "true");
    await expect(field(page, "Tahun terakhir")).toHaveAccessibleDescription(/Harus sama dengan atau sesudah tahun pertama \(2020\)/);
    await expect(field(page, "Tahun pertama")).not.toHaveAttribute("aria-invalid", "true");
    await expect(field(page, "Tahun terakhir")).toHaveValue("2019");
    await checkPage(page);
  });

  await test.step("the corrected years are saved and shown in the list", async () => {
    await field(page, "Tahun terakhir").fill("2024");
    await mainButton(page, "Simpan tahun").click();
    await expect(page).toHaveURL(/[?&]disimpan=\d+/);
    await expect(page.getByRole("status")).toHaveText(`Tahun wajib berinovasi ${name} disimpan: Aktif 2020–2024.`);
    await expect(page.getByRole("main").getByRole("row", { name: new RegExp(name) })).toContainText("Aktif 2020–2024");
    await checkPage(page);
  });

  await test.step("the agency's public page says it ended", async () => {
    await page.getByRole("main").getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(/\/instansi\/[^/?]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByRole("main").getByRole("definition").filter({ hasText: "Aktif 2020–2024" })).toBeVisible();
    await expect(page.getByRole("main").getByText("Sudah berakhir: tidak dinilai lagi sesudah 2024.")).toBeVisible();
    await checkPage(page);
  });
});
