// The activity log, with and without JavaScript: the secretariat opens it from the work area's
// menu, filters it to one person's sign-ins, and pages back to older rows.
import { checkPage, DEMO_PASSWORD, expect, logIn, test, visit } from "./fixtures";

const ADMIN = "admin@menpan.demo";
// More sign-ins than a page holds (50), so that the filtered list has an older page.
const SIGN_INS = 55;

test("the secretariat reads the activity log, filters it by person and kind, and pages back", async ({ page, request }) => {
  test.setTimeout(120_000);
  // The sign-ins the log will show, made as a browser's form would (the CSRF cookie sent back).
  await request.get("/masuk");
  const csrf = (await request.storageState()).cookies.find((c) => c.name === "lumbung_csrf")!.value;
  for (let i = 0; i < SIGN_INS; i++) {
    const res = await request.post("/masuk", { form: { email: ADMIN, password: DEMO_PASSWORD, _csrf: csrf }, maxRedirects: 0 });
    expect(res.status()).toBe(302);
  }

  await logIn(page, ADMIN);
  await visit(page, "/kelola");
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Log aktivitas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log aktivitas" })).toBeVisible();
  await checkPage(page);

  const filters = page.getByRole("search", { name: "Saring log" });
  await filters.getByLabel("Pelaku").fill(ADMIN);
  await filters.getByLabel("Jenis tindakan").selectOption({ label: "Masuk dan akun" });
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]jenis=accounts/);
  await expect(page).toHaveURL(/[?&]pelaku=admin%40menpan\.demo/);
  const rows = page.getByRole("region", { name: "Log aktivitas" }).locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("Masuk ke Lumbung");
  await expect(rows.first()).toContainText(ADMIN);
  await checkPage(page);

  await page.getByRole("link", { name: "Lebih lama" }).click();
  await expect(page).toHaveURL(/[?&]sebelum=\d+/);
  await expect(page).toHaveURL(/[?&]jenis=accounts/);
  await expect(rows.first()).toContainText("Masuk ke Lumbung");
  await expect(page.getByRole("link", { name: "Lebih baru" })).toBeVisible();
  // The filters are still in the form.
  await expect(filters.getByLabel("Pelaku")).toHaveValue(ADMIN);
  await checkPage(page);
});
