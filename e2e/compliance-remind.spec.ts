// The secretariat reminds the agencies behind on this year's "One Agency, One Innovation" duty
// from the compliance page, with and without JavaScript. The reminder goes at most once a week,
// so of the two runs (sharing one database) the first sends it and both then see when the next
// may go.
import { checkPage, expect, logIn, test, visit } from "./fixtures";

test("the secretariat reminds the agencies that have not registered an innovation this year", async ({ page }) => {
  await logIn(page, "admin@menpan.demo");
  await visit(page, "/kepatuhan");
  const section = page.getByRole("region", { name: "Ingatkan instansi yang belum" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/\d+ instansi belum mendaftarkan inovasi tahun ini; \d+ di antaranya punya Admin Lokal atau operator/)).toBeVisible();
  const button = section.getByRole("button", { name: /^Ingatkan \d+ instansi$/ });
  if (await button.isVisible()) {
    await button.click();
    await expect(section.getByRole("status")).toContainText(/Pengingat terkirim ke \d+ instansi\./);
  }
  await expect(section.getByText(/Pengingat terakhir .* WIB: sampai ke \d+ instansi/)).toBeVisible();
  await expect(section.getByText(/Pengingat berikutnya bisa dikirim mulai .* WIB\./)).toBeVisible();
  await checkPage(page);
});
