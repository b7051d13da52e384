// The secretariat writes to an edition's judges, with and without JavaScript: it chooses whom,
// sees how many they are, writes, confirms the number and sends; a panelist finds the message
// among the notifications and reads it whole.
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";

test("the secretariat sends a message to the judges of the edition in evaluation, and a panelist reads it", async ({ page, newPerson }, testInfo) => {
  test.setTimeout(120_000);
  const subject = `Jadwal rapat pleno (${uniqueSuffix(testInfo)})`;
  await logIn(page, "admin@menpan.demo");
  await visit(page, "/kelola/kompetisi");
  const href = await page.getByRole("link", { name: /tahap evaluasi/ }).first().getAttribute("href");
  await visit(page, href!);
  await page.getByRole("link", { name: "Kirim pesan ke peserta atau juri" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pesan ke peserta");
  await checkPage(page);
  await page.getByLabel("Penerima").selectOption({ label: "Juri edisi ini (Tim Evaluasi dan Tim Panel Independen)" });
  await page.getByRole("button", { name: "Tampilkan penerima" }).click();
  await expect(page.getByText(/Juri edisi ini \(Tim Evaluasi dan Tim Panel Independen\): \d+ orang\./)).toBeVisible();
  await checkPage(page);

  // Without the confirmation nothing is sent, and what was written stays.
  await page.getByLabel("Judul").fill(subject);
  await page.getByLabel("Isi pesan").fill("Rapat pleno Tim Panel Independen diadakan Senin pukul 09.00 WIB secara daring.");
  await page.getByRole("button", { name: "Kirim pesan" }).click();
  await expect(page.getByRole("link", { name: /Centang konfirmasi untuk mengirim pesan/ })).toBeVisible();
  await expect(page.getByLabel("Judul")).toHaveValue(subject);
  await checkPage(page);
  await page.getByLabel(/Ya, kirim pesan ini ke \d+ orang/).check();
  await page.getByRole("button", { name: "Kirim pesan" }).click();
  await expect(page.getByRole("status")).toContainText(/Pesan terkirim ke \d+ orang/);
  await expect(page.getByRole("link", { name: subject })).toBeVisible();
  await checkPage(page);

  const panelist = await newPerson();
  await logIn(panelist, "panelis@tpi.demo");
  await visit(panelist, "/kelola/notifikasi");
  await panelist.getByRole("link", { name: new RegExp(`Pesan sekretariat .*: ${subject.replace(/[()]/g, "\\$&")}`) }).click();
  await expect(panelist.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(panelist.getByText("Rapat pleno Tim Panel Independen diadakan Senin pukul 09.00 WIB secara daring.")).toBeVisible();
  await checkPage(panelist);
});
