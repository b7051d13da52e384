// Two-step sign-in, with and without JavaScript: a new panelist, invited by the secretariat,
// turns it on from the account page with an authenticator app (the test computes the app's
// codes from the key the page shows), then signs in with a code, and once with a recovery code.
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { checkPage, expect, logIn, mailTo, test, uniqueSuffix, visit } from "./fixtures";

const appCode = (key: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + steps * 30_000 });

/** Sign out, then sign in with the password: the page asking for the second step, checked. */
async function signOutAndGiveThePassword(page: Page, email: string, password: string) {
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
  await checkPage(page);
  await visit(page, "/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/masuk\/kode$/);
  await checkPage(page);
}

test("a panelist turns on two-step verification and signs in with a code, then with a recovery code", async ({ page, newPerson }, testInfo) => {
  test.setTimeout(120_000);
  const email = `panelis.${uniqueSuffix(testInfo)}@uji.go.id`.toLowerCase();
  const password = "gerimis di pelabuhan";
  await logIn(page, "admin@menpan.demo");
  await visit(page, "/kelola/pengguna");
  await page.getByLabel("Nama", { exact: true }).fill("Panelis Dua Langkah");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Peran").selectOption({ label: "Tim Panel Independen" });
  await page.getByRole("button", { name: "Undang pengguna" }).click();
  await expect(page.getByText(`Undangan untuk ${email} masuk antrean email`, { exact: false })).toBeVisible();
  await checkPage(page);
  const mail = await mailTo(email, { subject: "Undangan ke Lumbung / Invitation to Lumbung" });
  const link = /\/undangan\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")![0];

  const panelist = await newPerson();
  await visit(panelist, link);
  await panelist.getByLabel("Kata sandi baru").fill(password);
  await panelist.getByLabel("Ulangi kata sandi").fill(password);
  await panelist.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(panelist).toHaveURL(/\/masuk\?selesai=1$/);
  await checkPage(panelist);
  await logIn(panelist, email, password);

  // The account page urges a judge to turn it on, and shows a QR code and the key to type.
  await visit(panelist, "/kelola/akun");
  const section = panelist.getByRole("region", { name: "Verifikasi dua langkah" });
  await expect(section).toContainText("ikut menentukan hasil kompetisi");
  await section.getByRole("button", { name: "Siapkan verifikasi dua langkah" }).click();
  await expect(section.getByRole("img", { name: /Kode QR untuk aplikasi autentikator/ })).toBeVisible();
  await checkPage(panelist);
  const key = (await section.locator("code.secret").innerText()).replace(/\s/g, "");
  // A wrong code is answered on its field; nothing is turned on.
  await section.getByLabel("Kode dari aplikasi").fill(appCode(key) === "000000" ? "111111" : "000000");
  await section.getByLabel("Kata sandi sekarang").fill(password);
  await section.getByRole("button", { name: "Nyalakan verifikasi dua langkah" }).click();
  await expect(panelist.getByRole("link", { name: /Kode ini tidak cocok/ })).toBeVisible();
  await checkPage(panelist);
  await section.getByLabel("Kode dari aplikasi").fill(appCode(key));
  await section.getByLabel("Kata sandi sekarang").fill(password);
  await section.getByRole("button", { name: "Nyalakan verifikasi dua langkah" }).click();
  await expect(section.getByRole("status")).toContainText("Verifikasi dua langkah menyala.");
  const recovery = await section.locator(".recovery-codes code").allInnerTexts();
  expect(recovery).toHaveLength(10);
  await checkPage(panelist);
  await mailTo(email, { subject: "Verifikasi dua langkah Lumbung dinyalakan / Lumbung two-step verification turned on" });

  // Signing in now asks for the code after the password.
  await signOutAndGiveThePassword(panelist, email, password);
  await expect(panelist.getByRole("heading", { level: 1 })).toHaveText("Verifikasi dua langkah");
  await checkPage(panelist);
  // The setup took this period's code: the app's next one.
  await panelist.getByLabel("Kode dari aplikasi").fill(appCode(key, 1));
  await panelist.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(panelist).toHaveURL(/\/kelola$/);
  await expect(panelist.getByRole("button", { name: "Keluar" })).toBeVisible();
  await checkPage(panelist);

  // Without the phone: a recovery code, once.
  await signOutAndGiveThePassword(panelist, email, password);
  await panelist.getByRole("link", { name: "Ponsel tidak ada? Pakai kode pemulihan" }).click();
  await expect(panelist).toHaveURL(/\/masuk\/kode\?pemulihan$/);
  await checkPage(panelist);
  await panelist.getByLabel("Kode pemulihan").fill(recovery[0]);
  await panelist.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(panelist).toHaveURL(/\/kelola$/);
  await checkPage(panelist);
  await visit(panelist, "/kelola/akun");
  await expect(panelist.getByRole("region", { name: "Verifikasi dua langkah" })).toContainText("Sisa kode pemulihan: 9.");
  await mailTo(email, { subject: "Kode pemulihan Lumbung dipakai untuk masuk / A Lumbung recovery code was used to sign in" });
});
