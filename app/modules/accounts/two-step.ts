// Shared by the sign-in pages and the server: the cookie that carries a sign-in between its
// password and its code (the challenge itself is in log-in.server.ts and two-step.server.ts).
export const CHALLENGE_COOKIE = "lumbung_two_step";

// Roles whose accounts decide or publish results, or speak for an agency: the account page and
// the dashboard urge them to turn the second step on.
export const URGED_ROLES: ReadonlySet<string> = new Set(["national_admin", "agency_admin", "evaluator", "panelist"]);
