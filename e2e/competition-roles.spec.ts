// The competition's roles meeting in the browser, on the demo's edition under evaluation: a judge
// declares a conflict of interest (a recusal) and the secretariat decides it; the secretariat
// re-runs the assignment and adds a judge by hand; and the results as each side sees them before
// the announcement, then a finished edition's (the third test says why not the objection itself);
// and the secretariat inviting an earlier winner to the open call's special group.
//
// The two projects (with and without JavaScript) may run this file at the same moment on one
// server, beside judging.spec.ts, whose evaluator scores the first two proposals of her list. So
// each run recuses from the end of that list, one row apart, never adds a pair to her, and
// asserts no count that a twin run's recusal, re-run or manual pair could change.
import type { Page } from "@playwright/test";
import { checkPage, expect, logIn, test, uniqueSuffix, visit } from "./fixtures";
import { DEMO_PEOPLE } from "../app/modules/demo/people";

const SECRETARIAT = "admin@menpan.demo";
const EVALUATOR = "evaluator@ui.demo";
const AGENCY_ADMIN = "admin@banyumaskab.demo";
const STAGE = "Evaluasi proposal (Tim Evaluasi)";

/** From the work area's menu to an edition's page, by the edition's row in the list; returns its address. */
async function openEdition(page: Page, row: RegExp) {
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Kompetisi", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kompetisi");
  await checkPage(page);
  await page.getByRole("row").filter({ hasText: row }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/kelola\/kompetisi\/[a-z0-9-]+$/);
  await checkPage(page);
  return new URL(page.url()).pathname;
}

/** Run the automatic assignment on the assignment page shown; expects a balanced, complete run. */
async function runAssignment(page: Page) {
  await page.getByRole("button", { name: "Jalankan penugasan otomatis" }).click();
  const summary = page.getByRole("region", { name: "Hasil penugasan" }).getByRole("status");
  await expect(summary).toContainText(/^Penugasan selesai: \d+ pasangan; \d+ berubah dari penugasan sebelumnya; \d+ dipertahankan/);
  await expect(summary).toContainText("Beban juri merata.");
  await expect(summary).toContainText("Semua proposal mendapat juri lengkap.");
  await checkPage(page);
}

test("a judge declares a conflict of interest, is withdrawn from the proposal, and the secretariat decides it with a reason", async ({ page, newPerson }, testInfo) => {
  test.setTimeout(180_000);
  const js = testInfo.project.name === "js";
  const note = `Saya pernah menjadi konsultan tim inovasi ini (${uniqueSuffix(testInfo)}).`;
  const kind = js ? "Hubungan kerja" : "Kepentingan keuangan";
  const decision = js ? "Kukuhkan: juri tidak menilai proposal ini" : "Tolak: juri boleh ditugaskan lagi";
  const reason = js ? "Kontrak konsultansi masih berjalan tahun ini." : "Kontrak sudah berakhir lima tahun lalu; tidak ada kepentingan lagi.";

  // The secretariat first brings the assignment up to date (the demo's declared conflict left a
  // proposal one judge short): a later run, by this test's twin, then
  // only adds pairs to the evaluator and never takes away the one she is about to declare on.
  const secretariat = await newPerson();
  await logIn(secretariat, SECRETARIAT);
  const edition = await openEdition(secretariat, /tahap evaluasi/);
  await secretariat.getByRole("link", { name: `Penugasan ${STAGE}` }).click();
  await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText(`Penugasan juri: ${STAGE}`);
  await checkPage(secretariat);
  await runAssignment(secretariat);

  const judge = page;
  await logIn(judge, EVALUATOR);
  await judge.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Penilaian" }).click();
  await expect(judge.getByRole("heading", { level: 1 })).toHaveText("Penilaian saya");
  await checkPage(judge);
  const mine = judge.locator("section").filter({ has: judge.getByRole("heading", { level: 2, name: /tahap evaluasi/ }) });
  const rows = mine.getByRole("table", { name: STAGE }).locator("tbody tr");
  const count = await rows.count();
  expect(count, "the demo evaluator has proposals to score").toBeGreaterThan(3);
  // The end of the list, one row apart for the two runs: judging.spec.ts scores the first two.
  const row = rows.nth(js ? count - 1 : count - 2);
  const receipt = ((await row.getByRole("cell").first().textContent()) ?? "").trim();
  expect(receipt).toMatch(/^KIPP-\d{4}-\d{5}$/);
  const title = ((await row.getByRole("link").textContent()) ?? "").trim();
  await row.getByRole("link").click();
  await expect(judge.getByRole("heading", { level: 1 })).toHaveText(title);
  await checkPage(judge);

  await judge.getByRole("combobox", { name: "Jenis konflik" }).selectOption({ label: kind });
  await judge.getByRole("textbox", { name: /^Keterangan/ }).fill(note);
  await judge.getByRole("button", { name: "Nyatakan konflik" }).click();
  await expect(judge).toHaveURL(/\/kelola\/penilaian\?pesan=konflik$/);
  await expect(judge.getByRole("status")).toContainText("Konflik kepentingan Anda sudah dicatat. Proposal itu dilepas dari penugasan Anda");
  // Declaring is a recusal: the proposal has left her list, and with it her access.
  await expect(mine.getByRole("table", { name: STAGE })).toBeVisible();
  await expect(mine.getByRole("row").filter({ hasText: receipt })).toHaveCount(0);
  await checkPage(judge);

  // The secretariat finds the declaration among those waiting, with the judge's note.
  await secretariat.getByRole("link", { name: /tahap evaluasi/ }).first().click();
  await expect(secretariat).toHaveURL(new RegExp(`${edition}$`));
  await checkPage(secretariat);
  await secretariat.getByRole("link", { name: "Konflik kepentingan" }).click();
  await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Konflik kepentingan");
  await checkPage(secretariat);
  // A waiting declaration is a region with its own heading (the decided ones sit in a table's
  // scroll region, which has none).
  const waiting = () => secretariat.getByRole("region").filter({ hasText: receipt }).filter({ has: secretariat.getByRole("heading", { level: 3 }) });
  const declared = waiting();
  await expect(declared).toHaveCount(1);
  await expect(declared.getByRole("heading", { level: 3 })).toHaveText(`${DEMO_PEOPLE[EVALUATOR].name} · ${kind}`);
  await expect(declared).toContainText(note);

  await declared.getByRole("radio", { name: decision }).check();
  await declared.getByRole("textbox", { name: "Alasan keputusan" }).fill(reason);
  await declared.getByRole("button", { name: "Simpan keputusan" }).click();
  await expect(secretariat.getByRole("status")).toHaveText(js ? "Konflik dikukuhkan." : "Konflik ditolak; juri dapat ditugaskan lagi pada penugasan berikutnya.");
  // No longer waiting; among the decided, with its state, who decided and why.
  await expect(waiting()).toHaveCount(0);
  const decided = secretariat.getByRole("row").filter({ hasText: receipt }).filter({ hasText: note });
  await expect(decided).toHaveCount(1);
  await expect(decided).toContainText(js ? "Dikukuhkan" : "Ditolak");
  await expect(decided).toContainText(`oleh ${DEMO_PEOPLE[SECRETARIAT].name}`);
  await expect(decided).toContainText(reason);
  await checkPage(secretariat);
});

test("the secretariat re-runs the automatic assignment, reads the loads, and adds a judge by hand with a reason", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const reason = `Menambah juri berkeahlian sesuai untuk proposal ini (${uniqueSuffix(testInfo)}).`;
  await logIn(page, SECRETARIAT);
  await openEdition(page, /tahap evaluasi/);
  await page.getByRole("link", { name: `Penugasan ${STAGE}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Penugasan juri: ${STAGE}`);
  await checkPage(page);
  await runAssignment(page);

  // The loads: every judge of the pool with how many proposals they hold, adding up to the pairs.
  const state = (await page.getByRole("definition").filter({ hasText: "pasangan juri–proposal" }).textContent()) ?? "";
  const pairs = Number(state.match(/(\d+) pasangan juri–proposal/)?.[1]);
  expect(pairs).toBeGreaterThan(0);
  const judges = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Beban" }) });
  const loads = (await judges.locator("tbody tr td:nth-child(3)").allTextContents()).map(Number);
  expect(loads.length).toBeGreaterThan(1);
  expect(loads.reduce((a, b) => a + b, 0)).toBe(pairs);

  // A third judge by hand for Surabaya's proposal: the demo logins' agencies stayed out of last
  // year's edition, so no judge has assessed it before. Never the demo evaluator (judging.spec.ts
  // reads her list).
  const row = page.getByRole("row").filter({ hasText: "Pemerintah Kota Surabaya" });
  await expect(row).toHaveCount(1);
  const [receipt, title] = (await row.getByRole("cell").allTextContents()).map((s) => s.trim());
  const assigned = await row.getByRole("listitem").allTextContents();
  const options = await page.getByRole("combobox", { name: "Juri", exact: true }).locator("option").allTextContents();
  const judge = options
    .map((o) => o.replace(/ \(Evaluator\)$/, ""))
    .find((name) => !name.startsWith("—") && name !== DEMO_PEOPLE[EVALUATOR].name && !assigned.some((a) => a.startsWith(`${name} (`)));
  expect(judge, `a judge not yet on ${receipt}`).toBeTruthy();

  await page.getByRole("radio", { name: "Tambahkan juri" }).check();
  await page.getByRole("combobox", { name: "Proposal", exact: true }).selectOption({ label: `${receipt} · ${title}` });
  await page.getByRole("combobox", { name: "Juri", exact: true }).selectOption({ label: `${judge} (Evaluator)` });
  await page.getByRole("textbox", { name: "Alasan perubahan" }).fill(reason);
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page).toHaveURL(/\/penugasan\?pesan=ditambah$/);
  await expect(page.getByRole("status")).toHaveText("Juri ditambahkan pada proposal.");
  // Recorded as a manual pair, next to the automatic ones.
  await expect(page.getByRole("row").filter({ hasText: receipt }).getByRole("listitem").filter({ hasText: judge! })).toContainText("(manual · belum menilai)");
  await checkPage(page);
});

// Objecting needs provisional results, which need an edition whose awarding plenaries are decided:
// the demo has none but its one edition under evaluation, which the other journeys share and
// which can be announced only once; and publishing then waits for the objection window (days) to
// close. So: what each side sees before the announcement (the attempt is refused and changes
// nothing), and the finished edition's results, from the secretariat's page to the public one.
test("results: the secretariat cannot announce before every stage is decided, the agency cannot object yet, and published results reach the public", async ({ page, newPerson }) => {
  test.setTimeout(120_000);
  await logIn(page, SECRETARIAT);
  const evaluation = await openEdition(page, /tahap evaluasi/);
  await page.getByRole("link", { name: "Hasil kompetisi", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hasil kompetisi");
  await checkPage(page);
  await expect(page.getByText("Belum diumumkan. Umumkan hasil sementara setelah pleno terakhir.")).toBeVisible();
  await expect(page.getByText("Belum ada keputusan pleno yang memberi predikat.")).toBeVisible();
  // Announcing locks the plenaries, so it waits for every stage's decisions: the page names
  // the stages still undecided, each linking to its plenary, and offers no button yet.
  await expect(page.getByText(/^Hasil sementara belum dapat diumumkan\./)).toBeVisible();
  await expect(page.getByRole("link", { name: /^Evaluasi proposal \(Tim Evaluasi\): \d+ proposal belum diputus$/ })).toHaveAttribute("href", /\/tahap\/evaluasi\/pleno$/);
  await expect(page.getByRole("button", { name: "Umumkan hasil sementara" })).toHaveCount(0);

  // An agency taking part (Banyumas has a proposal in the edition), at the address the
  // announcement's notification will give (its proposals page links there only once results
  // are announced): nothing to object to yet.
  const agency = await newPerson();
  await logIn(agency, AGENCY_ADMIN);
  await visit(agency, `${evaluation}/keberatan`);
  await expect(agency.getByRole("heading", { level: 1 })).toHaveText("Hasil sementara dan sanggahan");
  await expect(agency.getByText("Hasil sementara belum diumumkan.")).toBeVisible();
  await expect(agency.getByRole("button", { name: "Kirim sanggahan" })).toHaveCount(0);

  // The finished edition: published, with a certificate for every award, and its public page.
  await openEdition(page, /Hasil final/);
  await page.getByRole("link", { name: "Hasil kompetisi", exact: true }).click();
  await expect(page.getByText(/^Hasil resmi diterbitkan \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB\.$/)).toBeVisible();
  // The objection filed during the window, with the secretariat's answer.
  await expect(page.getByText("Nilai dihitung dari berkas saat pendaftaran ditutup; pembaruan sesudahnya tidak dinilai.")).toBeVisible();
  await checkPage(page);
  const awards = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Piagam" }) }).locator("tbody tr");
  expect(await awards.count()).toBeGreaterThan(0);
  await expect(awards.getByRole("link", { name: /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/ })).toHaveCount(await awards.count());
  await expect(page.getByRole("button", { name: "Umumkan hasil sementara" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Terbitkan hasil resmi" })).toHaveCount(0);
  await page.getByRole("link", { name: "Halaman hasil untuk publik" }).click();
  await expect(page).toHaveURL(/\/kompetisi\/[a-z0-9-]+\/hasil$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Hasil Kompetisi Inovasi Pelayanan Publik \d{4}$/);
  await expect(page.getByText(/^Ditetapkan dengan keputusan .+ tanggal \d{1,2} \w+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByText(/^\d+ penerima predikat dari \d+ proposal terkirim\.$/)).toBeVisible();
  await checkPage(page);
});

test("the secretariat invites an earlier winner to the special group of the open call", async ({ page }, testInfo) => {
  await logIn(page, SECRETARIAT);
  await page.getByRole("navigation", { name: "Menu kelola" }).getByRole("link", { name: "Kompetisi", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kompetisi");
  await checkPage(page);
  // The demo's open call is named for the year its registration closes (in 45 days); other
  // tests announce editions of their own.
  const year = new Date(Date.now() + 45 * 86_400_000).getUTCFullYear();
  await page.getByRole("row").filter({ hasText: "Diumumkan" }).filter({ hasNotText: /evaluasi/i }).filter({ hasText: `Publik ${year}` }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/kelola\/kompetisi\/[a-z0-9-]+$/);
  await checkPage(page);
  await page.getByRole("link", { name: "Undangan kelompok khusus" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Undangan kelompok khusus");
  await checkPage(page);
  // The demo invited two of last year's winners running five years or more.
  const invited = page.getByRole("button", { name: /^Batalkan undangan / });
  const before = await invited.count();
  expect(before).toBeGreaterThanOrEqual(2);

  // Every earlier winner, whatever its years; one not yet invited is invited: the first with
  // JavaScript, the second without, so the twin runs never pick the same one.
  await page.getByLabel(/^Berjalan paling sedikit/).fill("0");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/tahun=0/);
  await checkPage(page);
  const choice = page.getByRole("checkbox", { name: /^Undang / }).nth(testInfo.project.name === "js" ? 0 : 1);
  const name = (await choice.getAttribute("aria-label"))!.replace(/^Undang /, "");
  await choice.check();
  await page.getByRole("button", { name: "Undang yang dipilih" }).click();
  await expect(page).toHaveURL(/pesan=diundang/);
  // Told in the app and by mail, or, for an agency with nobody in Lumbung yet, told to tell it.
  await expect(page.getByRole("status")).toHaveText(/^1 inovasi diundang(; Admin Lokal dan kepala instansinya sudah diberi tahu\.|\. 1 di antaranya milik instansi yang belum punya akun)/);
  await expect(page).toHaveURL(/tahun=0/);
  await expect(page.getByRole("button", { name: `Batalkan undangan ${name}` })).toBeVisible();
  await checkPage(page);
});
