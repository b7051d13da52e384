// The secretariat sets up an edition from a preset, fixes a mistake the form points to,
// announces it, and a visitor reads the call.
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";

test("the secretariat sets up and announces an edition; the public reads its call", async ({ page, newPerson }, testInfo) => {
  // A dozen setup pages, each checked by axe, and a second person: about 45 s on a quiet 2-core
  // machine, more when it is shared.
  test.setTimeout(120_000);
  const suffix = uniqueSuffix(testInfo).toLowerCase();
  const slug = `kipp-${suffix}`;
  const edition = String(2040 + Math.floor(Math.random() * 50));

  await logIn(page, "admin@menpan.demo");
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Kompetisi", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kompetisi");
  await checkPage(page);

  await page.getByLabel("Tahun edisi").fill(edition);
  await page.getByLabel("Alamat singkat").fill(slug);
  await page.getByLabel("Mulai dari").selectOption({ label: "Formulir 2023 (kelompok umum, 8 bagian)" });
  await page.getByRole("button", { name: "Buat edisi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kompetisi Inovasi Pelayanan Publik ${edition}`);
  await expect(page.getByRole("status")).toContainText("dibuat sebagai draf");
  await expect(page.getByRole("cell", { name: `30 April ${edition} pukul 23.59 WIB` })).toBeVisible();
  await checkPage(page);

  // A new category with a code already in use: the summary says so and leads to the field.
  await page.getByRole("link", { name: "Kategori" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kategori");
  await checkPage(page);
  const added = page.getByRole("group", { name: "Baris baru" }).first();
  await added.getByLabel("Kode").fill("kesehatan");
  await added.getByLabel("Nama").fill("Desa Digital");
  await page.getByRole("button", { name: "Simpan", exact: true }).last().click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Kode ini sudah dipakai baris lain.");
  await checkPage(page);
  await summary.getByRole("link", { name: /Kode ini sudah dipakai/ }).click();
  const code = page.locator("input:focus");
  await expect(code).toHaveAccessibleName(/Kode/);
  await expect(code).toHaveValue("kesehatan");
  // What was typed is still there.
  const names = () => page.getByRole("textbox", { name: "Nama" }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await expect.poll(names).toContain("Desa Digital");
  await code.fill("desa-digital");
  await page.getByRole("button", { name: "Simpan", exact: true }).last().click();
  await expect(page.getByRole("status")).toContainText("Perubahan disimpan.");
  await expect(page.getByRole("listitem").filter({ hasText: "Kategori" })).toContainText("(12)");
  await checkPage(page);

  await page.getByRole("button", { name: "Umumkan kompetisi" }).click();
  await expect(page.getByRole("status")).toContainText("Kompetisi diumumkan.");
  await checkPage(page);

  const visitor = await newPerson();
  await visit(visitor, "/kompetisi");
  // Two runs (with and without JavaScript) may draw the same year: follow this run's address.
  await visitor.locator(`a[href="/kompetisi/${slug}"]`).click();
  await expect(visitor).toHaveURL(new RegExp(`/kompetisi/${slug}$`));
  await expect(visitor.getByText(`Batas akhir pengiriman proposal: 30 April ${edition} pukul 23.59 WIB`)).toBeVisible();
  await expect(visitor.getByRole("listitem").filter({ hasText: "Desa Digital" })).toBeVisible();
  await checkPage(visitor);
});

test("closing the running stage early asks first, and can be called off", async ({ page }) => {
  // The demo's open edition takes proposals now (registration closes in six weeks, the edition
  // named for that year). Nothing here closes it: the other tests use it.
  const slug = `kipp-${new Date(Date.now() + 45 * 86_400_000).getUTCFullYear()}`;
  await logIn(page, "admin@menpan.demo");
  await visit(page, `/kelola/kompetisi/${slug}`);
  await checkPage(page);
  await page.getByRole("button", { name: /^Tutup tahap sekarang/ }).click();
  const confirmation = page.getByRole("region", { name: /^Tutup tahap Pendaftaran proposal sekarang\?/ });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText("Semua instansi yang punya proposal di edisi ini akan diberi tahu");
  await expect(confirmation.getByRole("checkbox", { name: "Buka juga tahap berikutnya, Seleksi administrasi, sekarang" })).not.toBeChecked();
  await checkPage(page);
  // A reason of blanks is no reason: nothing closes, and the summary leads to the field.
  await confirmation.getByRole("textbox", { name: /^Alasan/ }).fill("   ");
  await confirmation.getByRole("button", { name: "Ya, tutup tahap sekarang" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Tuliskan alasan penutupan pendaftaran");
  await checkPage(page);
  await page.getByRole("link", { name: "Batal" }).click();
  await expect(page.getByRole("region", { name: /^Tutup tahap/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Tutup tahap sekarang/ })).toBeVisible();
  await checkPage(page);
});
