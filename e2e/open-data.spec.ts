// Open data, as a researcher finds it: from any page's footer to the files, the columns of one
// explained, and the catalogue downloaded as a CSV that holds the demo's innovations.
// The secretariat has the files made again and the download comes from that snapshot.
import { checkPage, expect, logIn, test, visit } from "./fixtures";

test("a visitor finds the open-data files from the footer and downloads the catalogue", async ({ page }) => {
  await visit(page, "/inovasi");
  await page.getByRole("contentinfo").getByRole("link", { name: "berkas CSV" }).click();
  await expect(page).toHaveURL(/\/data-terbuka$/);
  await checkPage(page);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Data terbuka");
  const innovations = main.getByRole("region", { name: "Inovasi", exact: true });
  await innovations.getByText("Kolom berkas inovasi.csv").click();
  await expect(innovations.getByRole("cell", { name: "last_check_in_outcome" })).toBeVisible();
  await checkPage(page);

  const downloading = page.waitForEvent("download");
  await innovations.getByRole("link", { name: "Unduh inovasi.csv" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("inovasi.csv");
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const text = (await readFile(path)).toString("utf8");
  expect(text.split("\r\n")[0]).toBe("\uFEFFid,slug,url,name,acronym,status,started_on,start_year,published_at,updated_at,origin,origin_innovation_id,origin_note,agency_id,agency_slug,agency_name,agency_type,unit_name,region_code,region_name,province_code,province_name,sectors,sdgs,summary,problem,target_group,novelty,implementation,results,indicators,benefits,resources,sustainability,video_url,last_check_in_year,last_check_in_outcome");
  expect(text).toContain("Gemas Pesulan");
});

// The nightly files made now by the secretariat (a form that works without JavaScript), then
// downloaded as a browser does: the stored gzip, unpacked by the browser into the same CSV.
test("the secretariat has the files made again now, and the download comes from the snapshot", async ({ page }) => {
  await logIn(page, "admin@menpan.demo");
  await visit(page, "/data-terbuka");
  const main = page.getByRole("main");
  await main.getByRole("button", { name: "Perbarui sekarang" }).click();
  await expect(page).toHaveURL(/\/data-terbuka\?pesan=diperbarui&pada=\d+$/);
  // Queued, or (the demo's files take about a second) already done.
  await expect(main.getByRole("status")).toContainText(/Pembaruan sudah diantrekan|Keempat berkas sudah dibuat ulang/);
  await checkPage(page);
  // The server's workers take the job within seconds; the demo's four files take about one.
  // Asked for without opening it in the tab, so that every page the tab shows is checked.
  await expect.poll(async () => (await (await page.request.get("/data-terbuka")).text()).includes("belum dibuat malam hari"), { timeout: 30_000 }).toBe(false);
  await visit(page, "/data-terbuka");
  const innovations = main.getByRole("region", { name: "Inovasi", exact: true });
  await expect(innovations.getByText(/^Dibuat .+ WIB\. Ukuran unduhan/)).toBeVisible();

  const downloading = page.waitForEvent("download");
  await innovations.getByRole("link", { name: "Unduh inovasi.csv" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("inovasi.csv");
  const { readFile } = await import("node:fs/promises");
  const text = (await readFile(await download.path())).toString("utf8");
  expect(text.startsWith("\uFEFFid,slug,url,name,")).toBe(true);
  expect(text).toContain("Gemas Pesulan");
});
