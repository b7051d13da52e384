// One demo login per role, printed at start and listed on the login page in demo mode only.
export const DEMO_PASSWORD = "lumbung-demo-2026";

export const DEMO_LOGINS = [
  { role: "national_admin", email: "admin@menpan.demo", note: "Sekretariat KIPP" },
  { role: "agency_admin", email: "admin@banyumaskab.demo", note: "Kab. Banyumas" },
  { role: "unit_operator", email: "operator.dpu@banyumaskab.demo", note: "DPU Banyumas" },
  { role: "agency_head", email: "bupati@banyumaskab.demo", note: "Kab. Banyumas" },
  { role: "evaluator", email: "evaluator@ui.demo", note: "" },
  { role: "panelist", email: "panelis@tpi.demo", note: "" },
  { role: "unit_operator", email: "operator@surabaya.demo", note: "Kota Surabaya" },
] as const;

/**
 * Whether this account is one of the demo logins shared by every visitor of a public demo: its
 * password, email and other sessions are left alone, or one visitor locks the others out.
 */
export const isSharedDemoLogin = (demo: boolean, email: string) => demo && DEMO_LOGINS.some((d) => d.email === email.toLowerCase());
