import { defineConfig } from "@playwright/test";
import { buildDirName } from "./scripts/build-dir.mjs";

// End-to-end tests in Debian's Chromium (never a downloaded browser), against the real app that
// scripts/e2e.mjs starts on a fresh demo database: run them with `npm run test:e2e`.
// Every journey runs twice: with JavaScript, and without it (every form must work without it).
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error("E2E_BASE_URL is not set: run the end-to-end tests with `npm run test:e2e`, which starts the server.");
}

const jsonReport = process.env.E2E_JSON_REPORT;

export default defineConfig({
  testDir: "e2e",
  // One output folder per build folder, so that two runs side by side (each with its own
  // LUMBUNG_BUILD_DIR) do not remove each other's traces.
  outputDir: `test-results/e2e${buildDirName() === "build" ? "" : `-${buildDirName()}`}`,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The machines have 2 cores, shared with the server under test.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ...(jsonReport ? [["json", { outputFile: jsonReport }] as const] : [])],
  use: {
    baseURL,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    viewport: { width: 1280, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "no-js", use: { javaScriptEnabled: false } },
  ],
});
