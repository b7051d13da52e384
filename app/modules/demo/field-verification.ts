// The edition at its field-verification stage that the end-to-end tests file reports in, built by
// field-verification.server.ts on the test database only (scripts/e2e.mjs), never by the demo that
// `npm start` loads (its editions are registering, under evaluation, or finished).
export const FIELD_VERIFICATION_EDITION = {
  slug: "uji-verifikasi-lapangan",
  stage: "verifikasi-lapangan",
  /**
   * The visiting team, made by the fixture with the demo password: one panelist and one
   * evaluator, as a field team needs. Not the demo's evaluator and panelist logins, whose lists of
   * proposals to score the other journeys read.
   */
  team: { panelist: "panelis.lapangan@uji-verifikasi.demo", evaluator: "evaluator.lapangan@uji-verifikasi.demo" },
  /**
   * One entry per Playwright project: the runs with and without JavaScript go at the same moment
   * against one server, and a submitted report is locked, so each files its own entry's report.
   */
  entries: 2,
} as const;
