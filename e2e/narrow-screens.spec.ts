// Public pages on a cheap phone (360×740), in both languages: nothing scrolls sideways, a wide
// table scrolls in its own region (named, reachable by keyboard), and the tab order follows the
// order a page is drawn in.
import type { Page } from "@playwright/test";
import { checkPage, expect, logIn, test, visit } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const INNOVATION = "/inovasi/gemas-pesulan-banyumas";
const AGENCY = "/instansi/kabupaten-banyumas-33-02";

/** How far the page reaches past the right edge of the screen (0: it does not scroll sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function inEnglish(page: Page) {
  await page.context().addCookies([{ name: "lumbung_lang", value: "en", url: new URL("/", page.url()).href }]);
}

/** A finished edition's page and the page of one of its certificates, from the demo. */
async function competitionPages(page: Page) {
  await visit(page, "/kompetisi");
  const hrefs = await page.locator('main a[href^="/kompetisi/kipp-"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const edition = hrefs.filter((h) => /^\/kompetisi\/kipp-\d{4}$/.test(h)).sort()[0];
  await visit(page, `${edition}/hasil`);
  const certificate = await page.getByRole("link", { name: "Periksa piagam" }).first().getAttribute("href");
  return [edition, certificate!];
}

/** Each page, in Bahasa Indonesia then in English, fits the screen's width. */
async function fitsTheWidth(page: Page, paths: string[]) {
  for (const language of ["id", "en"]) {
    if (language === "en") await inEnglish(page);
    for (const path of paths) {
      const res = await visit(page, path);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      expect(await sidewaysOverflow(page), `${path} (${language})`).toBeLessThanOrEqual(0);
    }
  }
}

const FORUM = `/acara/forum-replikasi-mal-pelayanan-publik-${new Date().getUTCFullYear()}`;

for (const path of ["/", "/inovasi", INNOVATION, "/kepatuhan", "/keberlanjutan", "/data-terbuka", "/acara", FORUM, "/masuk", AGENCY, `${AGENCY}/cetak`, "/wilayah/33"]) {
  test(`${path} does not scroll sideways on a phone, in either language`, async ({ page }) => {
    await fitsTheWidth(page, [path]);
  });
}

// The secretariat's event page: its tables of participants carry a visually hidden column
// header (positioned absolutely), which must stay inside the table's scrolling region. The demo
// workshop has both participants with a place and one waiting.
test("the secretariat's events and an event's participants do not scroll sideways on a phone, in either language", async ({ page }) => {
  await logIn(page, "admin@menpan.demo");
  const year = new Date().getUTCFullYear();
  await fitsTheWidth(page, ["/kelola/acara", `/kelola/acara/lokakarya-indikator-kinerja-layanan-${year}`]);
});

test("an agency's page narrowed to one unit does not scroll sideways on a phone, in either language", async ({ page }) => {
  await visit(page, AGENCY);
  const unit = await page.getByRole("region", { name: "Menurut unit" }).locator('a[href*="?unit="]').first().getAttribute("href");
  // Without its fragment: going to a fragment of the page already shown loads nothing.
  await fitsTheWidth(page, [unit!.replace(/#.*$/, "")]);
});

test("a call and a certificate do not scroll sideways on a phone, in either language", async ({ page }) => {
  await fitsTheWidth(page, await competitionPages(page));
});

test("the facts panel puts each label above its value on a phone", async ({ page }) => {
  await visit(page, INNOVATION);
  const facts = page.locator(".facts dl");
  const label = facts.locator("dt").filter({ hasText: "Tujuan Pembangunan Berkelanjutan (SDGs)" });
  const value = label.locator("xpath=following-sibling::dd[1]");
  const [dt, dd] = [await label.boundingBox(), await value.boundingBox()];
  expect(dd!.y).toBeGreaterThanOrEqual(dt!.y + dt!.height);
  expect(dd!.x).toBeGreaterThanOrEqual(0);
  expect(dd!.x + dd!.width).toBeLessThanOrEqual(360);
});

test("a wide table scrolls in its own region, named and reachable by keyboard", async ({ page }) => {
  await visit(page, "/kepatuhan");
  for (const name of ["Menurut jenis instansi", "Menurut provinsi"]) {
    const region = page.getByRole("region", { name, exact: true });
    await expect(region.getByRole("table")).toBeVisible();
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft), name).toBeGreaterThan(0);
  }
  await visit(page, INNOVATION);
  const indicators = page.getByRole("region", { name: "Indikator sebelum dan sesudah inovasi" });
  await expect(indicators.getByRole("table")).toBeAttached();
  await expect(indicators).toHaveAttribute("tabindex", "0");
});

test("on a phone the filters fold above the results, in the tab order they are drawn in", async ({ page }) => {
  await visit(page, "/inovasi");
  const filters = page.getByRole("complementary", { name: "Saring hasil" });
  const toggle = filters.locator("summary");
  const results = page.getByRole("region", { name: /inovasi/ }).first();
  const firstBox = filters.getByRole("checkbox").first();
  await expect(toggle).toBeVisible();
  await expect(firstBox).toBeHidden();
  expect((await toggle.boundingBox())!.y).toBeLessThan((await results.boundingBox())!.y);

  // Search, its button, the folded filters, then the results' sort: top to bottom.
  await page.getByRole("searchbox", { name: "Cari inovasi" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Cari", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("combobox", { name: "Urutkan" })).toBeFocused();

  // Opened from the keyboard, the filters come in place, above the results.
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(firstBox).toBeVisible();
  expect((await firstBox.boundingBox())!.y).toBeLessThan((await results.boundingBox())!.y);
  await page.keyboard.press("Tab");
  await expect(firstBox).toBeFocused();
  await checkPage(page);

  // A facet shown in full comes open, at the facet.
  await visit(page, "/inovasi?expand=province#facet-province");
  await expect(page.locator("#facet-province").getByRole("checkbox").first()).toBeVisible();
});

test("on a wide screen the filters stand open beside the results", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(page, "/inovasi");
  const filters = page.getByRole("complementary", { name: "Saring hasil" });
  await expect(filters.locator("summary")).toBeHidden();
  await expect(filters.getByRole("heading", { name: "Saring hasil" })).toBeVisible();
  await expect(filters.getByRole("checkbox").first()).toBeVisible();
  await page.getByRole("button", { name: "Cari", exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(filters.getByRole("checkbox").first()).toBeFocused();
});

test("the exhibition shows where the focus is, and offers play and pause first", async ({ page }, testInfo) => {
  await visit(page, `${AGENCY}/pameran`);
  const show = page.getByRole("region", { name: "Pameran inovasi" });
  const ring = () => show.evaluate((el) => (el.matches(":focus-visible") ? getComputedStyle(el).outlineStyle : "no focus ring"));
  if (testInfo.project.name === "js") {
    // The show takes the focus (for the arrow keys); the next Tab is the play button.
    const play = page.getByRole("button", { name: "Putar otomatis" });
    await expect(show).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(play).toBeFocused();
    // After a link to a slide the focus is back on the show: play, then that slide's links.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Mulai pameran" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(show).toBeFocused();
    expect(await ring()).toBe("solid");
    await expect(page.locator("#slide-1")).toBeInViewport({ ratio: 0.5 });
    await page.keyboard.press("Tab");
    await expect(play).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.locator('#slide-1 a[href="#slide-0"]')).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.locator('#slide-1 a[href="#slide-2"]')).toBeFocused();
  } else {
    await page.keyboard.press("Tab");
    await expect(show).toBeFocused();
    expect(await ring()).toBe("solid");
  }
});
