// The editions in their objection window that the end-to-end tests object in, built by
// objection-window.server.ts on the test database only (scripts/e2e.mjs), never by the demo that
// `npm start` loads. One edition per Playwright project: the runs with and without JavaScript go
// at the same moment against one server, so each has its own edition and its own objecting
// agency, and neither ever sees the other's objection or answer.
export const OBJECTION_WINDOW_EDITIONS = [
  // The demo's Admin Lokal of Kabupaten Banyumas.
  { slug: "uji-sanggahan-1", agencyAdmin: "admin@banyumaskab.demo" },
  // An Admin Lokal the fixture creates, with the demo password, for another taking part.
  { slug: "uji-sanggahan-2", agencyAdmin: "admin.lokal@uji-sanggahan.demo" },
] as const;
