// An agency enters the competition: the unit operator writes the proposal from a register
// entry, Admin Lokal forwards it, the head sees what is missing, and once it is complete
// endorses it and gets a receipt. Runs with JavaScript (autosave) and without (explicit save).
import type { Page } from "@playwright/test";
import { checkPage, expect, logIn, test, visit } from "./fixtures";
import { pdfDocument } from "./files";

const FILLER = "Inovasi ini sudah direplikasi oleh dua kecamatan dan dapat diterapkan di daerah lain dengan biaya kecil.";

async function openProposal(page: Page, id: string) {
  await page.goto(`/kelola/proposal/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Halaman tidak ditemukan");
  await checkPage(page);
}

test("an agency's proposal goes from the unit to the head and is submitted with a receipt", async ({ page, newPerson }, testInfo) => {
  // Three people, a dozen pages each checked by axe: a long journey on a 2-core machine.
  test.setTimeout(180_000);
  const js = testInfo.project.name === "js";
  await logIn(page, "operator.dpu@banyumaskab.demo");
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Proposal kompetisi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposal kompetisi");
  await expect(page.getByText(/Batas akhir: .* WIB/)).toBeVisible();
  await checkPage(page);

  // Each run enters a different register entry of the agency.
  const innovation = page.getByLabel("Inovasi dari register");
  const options = await innovation.locator("option").allTextContents();
  await innovation.selectOption({ index: js ? 0 : 1 });
  expect(options.length).toBeGreaterThan(1);
  await page.getByLabel("Kelompok").selectOption({ label: "Kelompok Umum" });
  await page.getByLabel("Kategori").selectOption({ label: "Tata Kelola Pemerintahan" });
  await page.getByRole("button", { name: "Buat proposal" }).click();
  await expect(page).toHaveURL(/\/kelola\/proposal\/\d+/);
  const id = page.url().match(/\/kelola\/proposal\/(\d+)/)![1];
  await expect(page.getByRole("textbox", { name: /^Ringkasan/ })).not.toHaveValue("");
  await expect(page.getByText(/\d+ dari 200 kata/).first()).toBeVisible();
  await checkPage(page);

  // Fill what the register did not hold.
  const adaptability = page.getByRole("textbox", { name: /^Adaptabilitas/ });
  await adaptability.fill(FILLER);
  if (js) {
    // Autosave: no button pressed.
    await expect(page.getByText(/Tersimpan otomatis/).first()).toBeVisible({ timeout: 10_000 });
  }
  for (const box of await page.locator(".section-editor textarea").all()) {
    if (!(await box.inputValue()).trim()) await box.fill(FILLER);
  }
  await page.getByLabel("Tautan video (paling lama 5 menit, 720p)").fill("https://video.example.id/proposal");
  await page.getByLabel("Saya menyatakan data yang disampaikan benar").check();
  for (const input of await page.locator('input[type="file"]').all()) {
    await input.setInputFiles({ name: "bukti.pdf", mimeType: "application/pdf", buffer: pdfDocument() });
  }
  await page.getByRole("button", { name: "Simpan" }).last().click();
  await expect(page.getByRole("status")).toContainText("Tersimpan.");
  await expect(page.getByRole("textbox", { name: /^Adaptabilitas/ })).toHaveValue(FILLER);
  await expect(page.getByRole("link", { name: "bukti.pdf" }).first()).toBeVisible();
  await checkPage(page);

  await page.getByRole("button", { name: "Kirim ke Admin Lokal" }).click();
  await expect(page.getByRole("status")).toContainText("Proposal dikirim ke Admin Lokal.");
  await checkPage(page);

  const admin = await newPerson();
  await logIn(admin, "admin@banyumaskab.demo");
  await openProposal(admin, id);
  await admin.getByRole("button", { name: "Teruskan ke pimpinan untuk disahkan" }).click();
  await expect(admin.getByRole("status")).toContainText("Proposal diteruskan ke pimpinan untuk disahkan.");
  await checkPage(admin);

  const head = await newPerson();
  await logIn(head, "bupati@banyumaskab.demo");
  await openProposal(head, id);
  await expect(head.getByText("Pengesahan pimpinan adalah pengiriman")).toBeVisible();
  await checkPage(head);
  await head.getByRole("button", { name: "Sahkan dan kirim proposal" }).click();
  // The head lands on the receipt: its number and the instant, in the reader's zone.
  await expect(head.getByRole("heading", { level: 1 })).toHaveText("Tanda terima proposal");
  await expect(head.getByRole("status")).toContainText(/Proposal terkirim\. Nomor tanda terima KIPP-\d{4}-\d{5}/);
  await expect(head.getByText(/pukul \d{2}\.\d{2} WIB/)).toBeVisible();
  await checkPage(head);
  await head.locator(`main a[href="/kelola/proposal/${id}"]`).click();
  await expect(head).toHaveURL(new RegExp(`/kelola/proposal/${id}$`));
  await expect(head.getByText("Terkirim").first()).toBeVisible();
  await checkPage(head);
  await expect(head.getByRole("link", { name: "Tanda terima" })).toBeVisible();
});

// The DPU operator enters its own unit's innovations only, and the journey above takes both of
// them (entries 3 and 7 of Admin Lokal's list); the tests below are Admin Lokal's, who enters
// any of the agency's (by index, each run another, none of them DPU's).
test("a photo that is not what it claims is refused by its content, and the text is kept", async ({ page }, testInfo) => {
  const js = testInfo.project.name === "js";
  await logIn(page, "admin@banyumaskab.demo");
  await visit(page, "/kelola/proposal");
  await page.getByLabel("Inovasi dari register").selectOption({ index: js ? 0 : 1 });
  await page.getByRole("button", { name: "Buat proposal" }).click();
  await expect(page).toHaveURL(/\/kelola\/proposal\/\d+/);
  await checkPage(page);
  await page.getByRole("textbox", { name: /^Adaptabilitas/ }).fill(FILLER);
  await page.locator('input[type="file"]').first().setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: Buffer.from("bukan gambar") });
  await page.getByRole("button", { name: "Simpan" }).last().click();
  await expect(page.getByRole("alert")).toContainText("foto.png");
  await expect(page.getByRole("textbox", { name: /^Adaptabilitas/ })).toHaveValue(FILLER);
  await checkPage(page);
});

test("one section written in two places at once: the second is shown the difference and chooses, nobody is overwritten silently", async ({ page, newPerson }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name === "js";
  await logIn(page, "admin@banyumaskab.demo");
  await visit(page, "/kelola/proposal");
  const innovation = page.getByLabel("Inovasi dari register");
  expect((await innovation.locator("option").allTextContents()).length).toBeGreaterThan(5);
  await innovation.selectOption({ index: js ? 4 : 5 });
  await page.getByRole("button", { name: "Buat proposal" }).click();
  await expect(page).toHaveURL(/\/kelola\/proposal\/\d+/);
  const id = page.url().match(/\/kelola\/proposal\/(\d+)/)![1];
  await checkPage(page);
  const saveButton = (p: Page) => p.locator(".proposal-form").getByRole("button", { name: "Simpan", exact: true }).first();

  // The same draft is open in a second place (another device, or a colleague's session: the
  // check is the same) before the first one saves.
  const admin = await newPerson();
  await logIn(admin, "admin@banyumaskab.demo");
  await openProposal(admin, id);

  const mine = "Tulisan pertama: sudah diterapkan di tiga kecamatan.";
  const theirs = "Tulisan kedua: siap direplikasi kabupaten tetangga.";
  await page.getByRole("textbox", { name: /^Adaptabilitas/ }).fill(mine);
  if (js) await expect(page.getByText(/Tersimpan otomatis/).first()).toBeVisible({ timeout: 10_000 });
  else {
    await saveButton(page).click();
    await expect(page.getByRole("status")).toContainText("Tersimpan.");
    await checkPage(page);
  }

  // The second writer is told, sees both versions, and their own text stays in the box.
  const box = admin.getByRole("textbox", { name: /^Adaptabilitas/ });
  await box.fill(theirs);
  if (!js) await saveButton(admin).click();
  const conflict = admin.getByRole("alert").filter({ hasText: "Bagian ini diubah orang lain" });
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict.locator("blockquote")).toHaveText(mine);
  await expect(box).toHaveValue(theirs);
  await checkPage(admin);

  // Keeping one's own version saves it over the stored one, knowingly.
  await conflict.getByRole("button", { name: "Simpan versi saya" }).click();
  if (js) await expect(admin.getByText(/Tersimpan otomatis/).first()).toBeVisible({ timeout: 10_000 });
  else await expect(admin.getByRole("status")).toContainText("Tersimpan.");
  await expect(admin.getByRole("alert").filter({ hasText: "Bagian ini diubah orang lain" })).toHaveCount(0);
  await checkPage(admin);
  await openProposal(page, id);
  await expect(page.getByRole("textbox", { name: /^Adaptabilitas/ })).toHaveValue(theirs);
});

test("text the autosave could not send outlives the page: put back when the proposal is opened again, then saved", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name === "js";
  await logIn(page, "admin@banyumaskab.demo");
  await visit(page, "/kelola/proposal");
  // Entries 2 and 6 of the list: neither DPU's (the first journey's) nor another test's.
  await page.getByLabel("Inovasi dari register").selectOption({ index: js ? 2 : 6 });
  await page.getByRole("button", { name: "Buat proposal" }).click();
  await expect(page).toHaveURL(/\/kelola\/proposal\/\d+/);
  await checkPage(page);
  const text = "Ditulis saat sinyal hilang di puskesmas pembantu: tulisan ini tidak boleh hilang.";
  const box = page.getByRole("textbox", { name: /^Adaptabilitas/ });
  const restored = page.getByText(/Tulisan yang belum tersimpan dipulihkan dari perangkat ini/);
  if (js) {
    // The connection drops: every autosave fails, and the text stays in the box.
    await page.route("**/simpan-otomatis", (route) => route.abort("internetdisconnected"));
    await box.click();
    await box.fill(text);
    await expect(page.getByText(/Gagal menyimpan otomatis/).first()).toBeVisible({ timeout: 10_000 });
    await checkPage(page);
    // Leaving asks first; the person leaves anyway (the tab reloaded, or closed and opened again).
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.type();
      void dialog.accept();
    });
    await page.unroute("**/simpan-otomatis");
    await page.reload();
    expect(asked).toBe("beforeunload");
    // The text is back in its box, and saved now that the connection is.
    await expect(box).toHaveValue(text);
    await expect(restored).toBeVisible();
    await expect(page.getByText(/Tersimpan otomatis/).first()).toBeVisible({ timeout: 10_000 });
    await checkPage(page);
  } else {
    // Without JavaScript nothing is kept in the browser: the form's Save sends it.
    await box.fill(text);
    await page.locator(".proposal-form").getByRole("button", { name: "Simpan", exact: true }).first().click();
    await expect(page.getByRole("status")).toContainText("Tersimpan.");
    await checkPage(page);
  }
  // Opened again, the server has it, and nothing is restored over it.
  await page.reload();
  await expect(box).toHaveValue(text);
  await expect(restored).toHaveCount(0);
  await checkPage(page);
});
