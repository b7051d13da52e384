// The results' objection window in the browser: an agency's Admin Lokal follows the
// announcement's notice to the provisional results, is refused an objection without a reason
// (the field named), files one and sees it pending; the secretariat finds it on the edition's
// results page, is refused an answer without a response, and answers it; the agency reads the
// answer from the notice it is sent.
//
// The demo has no edition in its objection window (competition-roles.spec.ts says why), so
// scripts/e2e.mjs adds them (app/modules/demo/objection-window.server.ts): one per project, each
// with its own objecting agency, since the two projects run this file at the same moment on one
// server and the secretariat's page lists every objection of an edition.
import type { Page } from "@playwright/test";
import { checkPage, expect, logIn, test, uniqueSuffix } from "./fixtures";
import { OBJECTION_WINDOW_EDITIONS } from "../app/modules/demo/objection-window";

const SECRETARIAT = "admin@menpan.demo";
const INSTANT = /\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/;

/** From the work area's menu to the notices; returns the list. */
async function openNotifications(page: Page) {
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: /^Notifikasi/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifikasi");
  await checkPage(page);
  return page.getByRole("main").getByRole("list");
}

const problem = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Ada masalah" }) });

test("an agency objects within the window, the secretariat answers with a decision, and the agency reads the answer", async ({ page, newPerson }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name === "js";
  const { slug, agencyAdmin } = OBJECTION_WINDOW_EDITIONS[js ? 0 : 1];
  const objectionsPath = `/kelola/kompetisi/${slug}/keberatan`;
  const reason = `Nilai tahap evaluasi tidak memperhitungkan data dampak pada lampiran kami (${uniqueSuffix(testInfo)}).`;
  const decision = js ? "Diterima" : "Ditolak";
  const response = js ? "Lampiran diperiksa ulang; nilai tahap evaluasi dikoreksi." : "Nilai dihitung dari berkas saat pendaftaran ditutup; lampiran sesudahnya tidak dinilai.";

  // The agency: the announcement's notice leads to the provisional results, with the window's end.
  const agency = page;
  await logIn(agency, agencyAdmin);
  let notices = await openNotifications(agency);
  const announcement = notices.getByRole("link", { name: /^Hasil sementara / });
  await expect(announcement).toHaveCount(1);
  const edition = ((await announcement.textContent()) ?? "").replace(/^Hasil sementara /, "");
  await announcement.click();
  await expect(agency).toHaveURL(new RegExp(`${objectionsPath}$`));
  await expect(agency.getByRole("heading", { level: 1 })).toHaveText("Hasil sementara dan sanggahan");
  await expect(agency.getByText(new RegExp(`^Hasil ini sementara dan belum untuk publik\\. Instansi peserta dapat mengajukan sanggahan dengan alasan sampai ${INSTANT.source}\\.$`))).toBeVisible();
  const awards = agency.getByRole("table", { name: "Penerima predikat" }).locator("tbody tr");
  expect(await awards.count()).toBeGreaterThan(0);
  await checkPage(agency);

  // Each run files one of the two kinds: without JavaScript, about one award (another agency's
  // proposal); with it, about the results as a whole.
  const about = js ? null : ((await awards.first().getByRole("rowheader").textContent()) ?? "").trim();
  const proposal = agency.getByRole("combobox", { name: /^Proposal yang disanggah/ });
  const reasonField = agency.getByRole("textbox", { name: /^Alasan sanggahan/ });
  if (about) await proposal.selectOption({ label: (await proposal.locator("option", { hasText: about }).textContent())! });

  // A reason of blanks is no reason: refused, the field named and marked, the choice kept.
  await reasonField.fill("   ");
  await agency.getByRole("button", { name: "Kirim sanggahan" }).click();
  const refusal = problem(agency).getByRole("link", { name: "Jelaskan sanggahan Anda (paling sedikit 20 karakter)." });
  await expect(refusal).toHaveAttribute("href", "#f-reason");
  await expect(reasonField).toHaveAttribute("aria-invalid", "true");
  await expect(reasonField).toHaveAccessibleDescription(/Jelaskan sanggahan Anda \(paling sedikit 20 karakter\)\./);
  if (about) await expect(proposal.locator("option:checked")).toContainText(about);
  await expect(agency.getByRole("heading", { name: "Sanggahan instansi Anda" })).toHaveCount(0);
  await checkPage(agency);
  await refusal.click();
  await expect(reasonField).toBeFocused();

  await reasonField.fill(reason);
  await agency.getByRole("button", { name: "Kirim sanggahan" }).click();
  await expect(agency).toHaveURL(new RegExp(`${objectionsPath}\\?pesan=terkirim$`));
  await expect(agency.getByRole("status")).toHaveText("Sanggahan terkirim. Sekretariat akan menjawab sebelum hasil resmi diterbitkan.");
  const filed = agency.getByRole("article").filter({ hasText: reason });
  await expect(filed.getByRole("heading", { level: 3 })).toHaveText(about ? new RegExp(`^Tentang: .*${escape(about)}$`) : "Tentang hasil secara umum");
  await expect(filed).toContainText("Menunggu jawaban");
  await expect(filed).not.toContainText("Jawaban sekretariat");
  await checkPage(agency);

  // The secretariat: the edition's results page lists the objection with its agency.
  const secretariat = await newPerson();
  await logIn(secretariat, SECRETARIAT);
  await secretariat.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Kompetisi", exact: true }).click();
  await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Kompetisi");
  await checkPage(secretariat);
  const row = secretariat.getByRole("row").filter({ hasText: edition });
  await expect(row).toContainText("Hasil sementara");
  await row.getByRole("link").first().click();
  await expect(secretariat).toHaveURL(new RegExp(`/kelola/kompetisi/${slug}$`));
  await checkPage(secretariat);
  await secretariat.getByRole("link", { name: "Hasil kompetisi", exact: true }).click();
  await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Hasil kompetisi");
  await expect(secretariat.getByText(new RegExp(`^Hasil sementara diumumkan ${INSTANT.source}\\. Masa sanggah berakhir ${INSTANT.source}\\.$`))).toBeVisible();
  await expect(secretariat.getByText("masih ada sanggahan yang belum dijawab")).toBeVisible();
  await checkPage(secretariat);
  const objection = secretariat.getByRole("article").filter({ hasText: reason });
  await expect(objection).toHaveCount(1);
  await expect(objection.getByText(new RegExp(`^.+, ${INSTANT.source} · Menunggu jawaban$`))).toBeVisible();
  if (about) await expect(objection.getByRole("heading", { level: 3 })).toHaveText(new RegExp(`^Tentang: [A-Z0-9-]+ ${escape(about)}$`));
  else await expect(objection.getByRole("heading", { level: 3 })).toHaveText("Tentang hasil secara umum");

  // An answer of blanks is refused, naming the field; nothing is sent.
  const answer = objection.getByRole("textbox", { name: /^Jawaban sekretariat/ });
  await objection.getByRole("combobox", { name: /^Keputusan/ }).selectOption({ label: decision });
  await answer.fill("  ");
  await objection.getByRole("button", { name: "Kirim jawaban" }).click();
  const unanswered = problem(secretariat).getByRole("link", { name: "Tuliskan jawaban untuk instansi." });
  await expect(unanswered).toHaveAttribute("href", /^#f-o\d+-response$/);
  await expect(secretariat.getByRole("article").filter({ hasText: reason })).toContainText("Menunggu jawaban");
  await checkPage(secretariat);
  await unanswered.click();
  await expect(secretariat.getByRole("article").filter({ hasText: reason }).getByRole("textbox", { name: /^Jawaban sekretariat/ })).toBeFocused();

  const again = secretariat.getByRole("article").filter({ hasText: reason });
  await again.getByRole("combobox", { name: /^Keputusan/ }).selectOption({ label: decision });
  await again.getByRole("textbox", { name: /^Jawaban sekretariat/ }).fill(response);
  await again.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(secretariat).toHaveURL(new RegExp(`/kelola/kompetisi/${slug}/hasil\\?pesan=dijawab$`));
  await expect(secretariat.getByRole("status")).toHaveText("Jawaban dikirim ke instansi.");
  const answered = secretariat.getByRole("article").filter({ hasText: reason });
  await expect(answered).toContainText(decision);
  await expect(answered).toContainText(`Jawaban sekretariat: ${response}`);
  await expect(answered.getByRole("button", { name: "Kirim jawaban" })).toHaveCount(0);
  await expect(secretariat.getByText("masih ada sanggahan yang belum dijawab")).toHaveCount(0);
  await checkPage(secretariat);

  // The agency is told, in the app, and reads the answer beside its objection.
  notices = await openNotifications(agency);
  const told = notices.getByRole("listitem").filter({ hasText: `Sanggahan ${decision.toLowerCase()}: ${edition}` });
  await expect(told).toHaveCount(1);
  await expect(told).toContainText(/^Baru: /);
  await told.getByRole("link").click();
  await expect(agency).toHaveURL(new RegExp(`${objectionsPath}$`));
  await expect(agency.getByRole("heading", { level: 1 })).toHaveText("Hasil sementara dan sanggahan");
  const read = agency.getByRole("article").filter({ hasText: reason });
  await expect(read).toContainText(decision);
  await expect(read).not.toContainText("Menunggu jawaban");
  await expect(read).toContainText(`Jawaban sekretariat: ${response}`);
  await checkPage(agency);
});

/** A text as a literal in a regular expression. */
function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
