// Shared by the secretariat's message page and the server (broadcast.server.ts): whom a message
// of an edition can go to.
export const AUDIENCES = ["agencies", "unsubmitted", "submitted", "judges"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const isAudience = (v: unknown): v is Audience => typeof v === "string" && (AUDIENCES as readonly string[]).includes(v);
