// Shared by the sign-in pages and the server: the cookie that carries a sign-in between its
// password and its code (the challenge itself is in log-in.server.ts and two-step.server.ts).
export const CHALLENGE_COOKIE = "lumbung_two_step";
