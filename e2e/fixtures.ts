// Playwright fixtures for Lumbung's end-to-end tests.
//
// Accessibility on every page: each document a page shows (a load, a form post without
// JavaScript, or a client-side navigation with it) is recorded, and `checkPage(page)` runs axe
// (WCAG 2.1 A and AA) on what is shown and expects no violation. When a test ends, the page it
// is on is checked too, and a test that moved past a page without checking it fails, naming the
// page: so no page visited escapes the check.
import { test as base, expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { DEMO_PASSWORD } from "../app/modules/demo/demo-logins";

export { expect };
export { DEMO_PASSWORD };

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Visit = { url: string; checked: boolean };

// What a page has shown: a new document (a load, or a form post answered without JavaScript),
// or a new address reached by a client-side navigation.
class VisitLog {
  visits: Visit[] = [];
  /** A visit was recorded by an address change that the next document load belongs to. */
  private awaitingLoad = false;
  private companionPage: Page | undefined;

  constructor(
    page: Page,
    readonly javaScriptEnabled: boolean,
    private readonly browser: Browser | undefined,
  ) {
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = withoutHash(frame.url());
      if (url === "about:blank" || url === this.visits.at(-1)?.url) return;
      this.visits.push({ url, checked: false });
      this.awaitingLoad = true;
    });
    page.on("domcontentloaded", () => {
      if (this.awaitingLoad) this.awaitingLoad = false;
      else this.visits.push({ url: withoutHash(page.url()), checked: false });
    });
  }

  markChecked(url: string) {
    const last = this.visits.at(-1);
    if (last && last.url === url) last.checked = true;
    else this.visits.push({ url, checked: true });
  }

  unchecked() {
    return this.visits.filter((v) => !v.checked).map((v) => v.url);
  }

  /**
   * axe runs in the page's main world, which a page without JavaScript does not have. Such a page
   * is checked in a companion page that shows the very same HTML at the same address (so its
   * styles load), with JavaScript on for axe but every page script refused by a CSP.
   */
  async companion(): Promise<Page> {
    if (!this.companionPage) {
      if (!this.browser) throw new Error("no browser for the accessibility companion page");
      const context = await this.browser.newContext({ javaScriptEnabled: true });
      this.companionPage = await context.newPage();
    }
    return this.companionPage;
  }

  async close() {
    await this.companionPage?.context().close();
  }
}

const logs = new WeakMap<Page, VisitLog>();

function track(page: Page, javaScriptEnabled = true, browser?: Browser) {
  if (!logs.has(page)) logs.set(page, new VisitLog(page, javaScriptEnabled, browser));
  return logs.get(page)!;
}

const withoutHash = (url: string) => url.replace(/#.*$/, "");

function describeViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(" ")}\n        ${n.failureSummary?.replace(/\n/g, "\n        ") ?? ""}`)
        .join("\n");
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${nodes}`;
    })
    .join("\n");
}

/**
 * Run axe (WCAG 2.1 A/AA) on the page as it is now and expect no violation. A page showing the
 * app's error page (not found, not allowed, …) fails here first, saying so, unless the test
 * means to be on one (`errorPage: true`).
 */
export async function checkPage(page: Page, { errorPage = false }: { errorPage?: boolean } = {}) {
  await page.waitForLoadState("load");
  const log = track(page);
  const url = withoutHash(page.url());
  const path = url.replace(/^https?:\/\/[^/]+/, "");
  if (!errorPage) {
    const shown = page.getByRole("main").locator(".error-page");
    if (await shown.count()) {
      const heading = (await shown.getByRole("heading").first().textContent()) ?? "";
      throw new Error(`${path} shows the error page "${heading.trim()}" instead of its content`);
    }
  }
  let target = page;
  if (!log.javaScriptEnabled) {
    const html = await page.content();
    target = await log.companion();
    const isThisPage = (u: URL) => u.href === url;
    await target.route(isThisPage, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "content-security-policy": "script-src 'none'" },
        body: html,
      }),
    );
    await target.setViewportSize(page.viewportSize() ?? { width: 1280, height: 900 });
    await target.goto(url);
    await target.unroute(isThisPage);
  }
  const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
  log.markChecked(url);
  const where = path + (log.javaScriptEnabled ? "" : " (without JavaScript)");
  expect(
    results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe found accessibility violations on ${where}:\n${describeViolations(results.violations)}\n`,
  ).toEqual([]);
}

/** Open a path and check the page it shows. Returns the response. */
export async function visit(page: Page, path: string, options: { errorPage?: boolean } = {}) {
  const response = await page.goto(path);
  await checkPage(page, options);
  return response;
}

/** Log in through the login form as a demo account; ends on the page the login leads to, checked. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await visit(page, "/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).not.toHaveURL(/\/masuk(\?|$)/);
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  await checkPage(page);
}

/** A unique suffix for data a test creates, so tests never depend on each other's order. */
export function uniqueSuffix(testInfo: TestInfo) {
  return `${testInfo.project.name.replace(/[^a-z]/gi, "")}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

async function finish(pages: Page[], testInfo: TestInfo) {
  try {
    if (testInfo.status !== testInfo.expectedStatus) return; // the test already failed: say nothing more
    for (const p of pages) {
      if (p.isClosed()) continue;
      const log = track(p);
      if (log.visits.at(-1)?.checked === false) await checkPage(p);
      const missed = log.unchecked();
      expect(missed, `pages visited without an accessibility check (call checkPage after reaching them):\n  ${missed.join("\n  ")}`).toEqual([]);
    }
  } finally {
    for (const p of pages) await track(p).close();
  }
}

type Fixtures = {
  /** A fresh browser context (another person) with the project's settings; its page is tracked too. */
  newPerson: () => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  page: async ({ page, javaScriptEnabled, browser }, use, testInfo) => {
    track(page, javaScriptEnabled !== false, browser);
    await use(page);
    await finish([page], testInfo);
  },
  newPerson: async ({ browser, javaScriptEnabled }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    const pages: Page[] = [];
    await use(async () => {
      // The runner applies the project's `use` options (baseURL, locale, javaScriptEnabled, …)
      // to contexts a test creates itself.
      const context = await browser.newContext();
      contexts.push(context);
      const p = await context.newPage();
      track(p, javaScriptEnabled !== false, browser);
      pages.push(p);
      return p;
    });
    await finish(pages, testInfo);
    for (const c of contexts) await c.close();
  },
});

/**
 * The newest mail to `address` (with this subject, when given) that the mail server
 * scripts/e2e.mjs runs has received, waited for as a person waits for their mailbox (up to
 * `timeoutMs`).
 */
export async function mailTo(address: string, { subject, timeoutMs = 20_000 }: { subject?: string; timeoutMs?: number } = {}): Promise<ParsedMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the end-to-end tests with `npm run test:e2e`, which starts the mail server.");
  const deadline = Date.now() + timeoutMs;
  const parsed = new Map<string, ParsedMail>();
  for (;;) {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().reverse();
    for (const f of files) {
      if (!parsed.has(f)) parsed.set(f, await simpleParser(fs.readFileSync(path.join(dir, f))));
      const mail = parsed.get(f)!;
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      const forAddress = to.some((t) => t.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()));
      if (forAddress && (subject === undefined || mail.subject === subject)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address}${subject ? ` titled "${subject}"` : ""} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
