// The frame every page shares: home, 404, language switch, log in and out, error summary.
import type { Page } from "@playwright/test";
import { checkPage, expect, logIn, mailTo, test, uniqueSuffix, visit } from "./fixtures";

test("the home page offers the catalogue search, in Bahasa Indonesia", async ({ page }) => {
  const response = await visit(page, "/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katalog terbuka inovasi pelayanan publik Indonesia");
  await expect(page.getByRole("search").getByRole("searchbox", { name: "Cari" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Katalog Inovasi" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Mode demo" })).toContainText("data ini contoh");
});

test("an unknown address shows a real 404 page that leads home", async ({ page }) => {
  const response = await visit(page, "/tidak-ada-halaman-ini", { errorPage: true });
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await page.getByRole("main").getByRole("link", { name: "Beranda" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katalog terbuka inovasi pelayanan publik Indonesia");
  await checkPage(page);
});

/** Whether React has taken over the page's heading (hydrated it, or rendered it anew). */
const headingIsLive = (page: Page) =>
  page.evaluate(() => {
    const h = document.querySelector("h1");
    return h ? Object.keys(h).some((k) => k.startsWith("__reactFiber")) : false;
  });

test("the language switches to English and back, staying on the same page", async ({ page }, testInfo) => {
  const js = testInfo.project.name === "js";
  const english: string[] = [];
  page.on("request", (r) => {
    if (/\/assets\/catalog\.en-[\w-]+\.js$/.test(r.url())) english.push(r.url());
  });
  await visit(page, "/masuk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Masuk ke Lumbung");
  // A page in Indonesian never loads the English texts.
  if (js) await expect.poll(() => headingIsLive(page)).toBe(true);
  expect(english).toEqual([]);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in to Lumbung");
  if (js) {
    // A page in English loads them before React takes over, which then keeps the page English.
    await expect.poll(() => headingIsLive(page)).toBe(true);
    expect(english).toHaveLength(1);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in to Lumbung");
  }
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Innovation catalogue" })).toBeVisible();
  await checkPage(page);

  // The choice sticks on the next page.
  await visit(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The open catalogue of Indonesia's public-service innovations");

  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katalog terbuka inovasi pelayanan publik Indonesia");
  await checkPage(page);
});

test("a unit operator logs in and out", async ({ page }) => {
  await logIn(page, "operator.dpu@banyumaskab.demo");
  await expect(page).toHaveURL(/\/kelola$/);
  await expect(page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Kelola" })).toBeVisible();

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Masuk" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Keluar" })).toHaveCount(0);
  await checkPage(page);

  // The work area is closed again.
  await visit(page, "/kelola", { errorPage: true });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Silakan masuk terlebih dahulu.");
});

test("a login form sent with mistakes shows the error summary, linking to each field", async ({ page }) => {
  await visit(page, "/masuk");
  await page.getByLabel("Email").fill("bukan-email");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();

  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Ada masalah" }) });
  await expect(summary).toBeVisible();
  const emailError = summary.getByRole("link", { name: /Masukkan alamat email yang benar/ });
  await expect(emailError).toHaveAttribute("href", "#f-email");
  // The field carries its own message too, tied to it for screen readers.
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Masukkan alamat email yang benar/);
  await expect(page.getByLabel("Email")).toHaveValue("bukan-email");
  await checkPage(page);

  await emailError.click();
  await expect(page.getByLabel("Email")).toBeFocused();
});

test("the secretariat reads a mail the mail server refused, in the server's words, and sends it again", async ({ page }, testInfo) => {
  const email = `tidak-ada.${uniqueSuffix(testInfo)}@uji.go.id`.toLowerCase();
  await logIn(page, "admin@menpan.demo");
  await visit(page, "/kelola/pengguna");
  await page.getByLabel("Nama", { exact: true }).fill("Penilai Salah Alamat");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Peran").selectOption({ label: "Tim Evaluasi" });
  await page.getByRole("button", { name: "Undang pengguna" }).click();
  await expect(page.getByText(`Undangan untuk ${email} masuk antrean email`, { exact: false })).toBeVisible();
  await checkPage(page);
  // The mail server answers within seconds; the page is read once it has.
  await expect.poll(async () => (await page.request.get("/kelola/kotak-keluar?status=failed")).text(), { timeout: 20_000 }).toContain(email);
  await visit(page, "/kelola/kotak-keluar?status=failed");
  const mail = page.locator("article.mail").filter({ hasText: email });
  await expect(mail).toContainText("Gagal");
  await expect(mail).toContainText("Mailbox tidak dikenal");
  await mail.getByRole("button", { name: "Kirim ulang" }).click();
  await expect(page.getByText("Email dimasukkan lagi ke antrean dan segera dikirim.")).toBeVisible();
  await checkPage(page);
});

test("an invited person sets a password from the invitation link and signs in with it", async ({ page, newPerson }, testInfo) => {
  // Two people, three password hashings and five accessibility checks.
  test.setTimeout(120_000);
  const email = `diundang.${uniqueSuffix(testInfo)}@uji.go.id`.toLowerCase();
  await logIn(page, "admin@menpan.demo");
  await visit(page, "/kelola/pengguna");
  await page.getByLabel("Nama", { exact: true }).fill("Penilai Undangan");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Peran").selectOption({ label: "Tim Evaluasi" });
  await page.getByRole("button", { name: "Undang pengguna" }).click();
  await expect(page.getByText(`Undangan untuk ${email} masuk antrean email`, { exact: false })).toBeVisible();
  // The sender also gets the link at once, to pass on should the mail be lost.
  const noticed = await page.getByLabel("Tautan undangan").inputValue();
  await checkPage(page);
  // The invited person finds the invitation in their mailbox.
  const mail = await mailTo(email, { subject: "Undangan ke Lumbung / Invitation to Lumbung" });
  const link = /\/undangan\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")![0];
  expect(noticed.endsWith(link)).toBe(true);
  // The outbox shows the mail, and the link to whoever sent the invitation.
  await visit(page, "/kelola/kotak-keluar");
  await checkPage(page);
  await expect(page.locator("article.mail").filter({ hasText: email }).locator("pre")).toContainText(link);

  const invited = await newPerson();
  await visit(invited, link);
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Terima undangan");
  await checkPage(invited);
  await invited.getByLabel("Kata sandi baru").fill("kopi pagi di teras");
  await invited.getByLabel("Ulangi kata sandi").fill("kopi pagi di teras");
  await invited.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(invited).toHaveURL(/\/masuk\?selesai=1$/);
  await expect(invited.getByText("Kata sandi tersimpan. Silakan masuk.")).toBeVisible();
  await checkPage(invited);
  await logIn(invited, email, "kopi pagi di teras");
  // On their own account page they see the sign-in, and change the password with the present one.
  await visit(invited, "/kelola/akun");
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Akun saya");
  await expect(invited.getByRole("cell", { name: "Baru atau tidak dikenal" }).first()).toBeVisible();
  const passwordForm = invited.getByRole("region", { name: "Ganti kata sandi" });
  await passwordForm.getByLabel("Kata sandi sekarang").fill("kopi pagi di teras");
  await passwordForm.getByLabel("Kata sandi baru").fill("hujan sore di jendela");
  await passwordForm.getByLabel("Ulangi kata sandi").fill("hujan sore di jendela");
  await invited.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(invited.getByText("Kata sandi diganti. Sesi di perangkat lain sudah berakhir.")).toBeVisible();
  await checkPage(invited);
  // The owner is told by mail.
  await mailTo(email, { subject: "Kata sandi Lumbung Anda diganti / Your Lumbung password was changed" });
  // A new email address takes effect once the link sent there is opened and confirmed.
  const newEmail = `baru.${email}`;
  const emailForm = invited.getByRole("region", { name: "Ganti email" });
  await emailForm.getByLabel("Email baru").fill(newEmail);
  await emailForm.getByLabel("Kata sandi sekarang").fill("hujan sore di jendela");
  await emailForm.getByRole("button", { name: "Kirim tautan konfirmasi" }).click();
  await expect(invited.getByText("Tautan konfirmasi dikirim ke alamat baru.")).toBeVisible();
  await checkPage(invited);
  const confirmation = await mailTo(newEmail, { subject: "Konfirmasi email baru akun Lumbung / Confirm the new email of your Lumbung account" });
  const confirmLink = /\/ganti-email\/[A-Za-z0-9_-]+/.exec(confirmation.text ?? "")![0];
  await visit(invited, confirmLink);
  await invited.getByRole("button", { name: "Ya, pakai alamat ini" }).click();
  await expect(invited.getByText(`Email akun sekarang ${newEmail}.`)).toBeVisible();
  await checkPage(invited);
});
