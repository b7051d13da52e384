import { z } from "zod";
import type { Role } from "./policy";

// The account roles, as the database names them (db/schema.ts).
const ROLES = ["national_admin", "agency_admin", "unit_operator", "agency_head", "evaluator", "panelist"] as const satisfies readonly Role[];

// Every setting Lumbung reads, parsed once at boot. Nothing else reads process.env.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  // Unset: the embedded PGlite database in LUMBUNG_DATA_DIR. Set: a PostgreSQL server.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  LUMBUNG_DATA_DIR: z.string().min(1).default("./data"),
  // The address people reach Lumbung at; used in emails and link previews.
  PUBLIC_URL: z.url().optional(),
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // Demo data and the demo banner. Never on in production.
  LUMBUNG_DEMO: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "1" || v === "true")),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(100).default(5),
  // Server processes sharing the port (node:cluster). Sessions, locks and limits all live in the
  // database, so any process can answer any request; PGlite belongs to one process, so more
  // than one needs DATABASE_URL.
  LUMBUNG_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // PostgreSQL connections per server process. A transaction holds its connection while the
  // process is busy with other requests, so under a rush the pool, not the database, runs out
  // first; PostgreSQL's own limit (max_connections, 100 by default) caps workers × this.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  // Reverse proxies in front of Lumbung that append the client's address to X-Forwarded-For
  // (nginx, a load balancer): how many to trust. 0 (the default) ignores the header, which anyone
  // can write. Set it behind a proxy, or every visitor shares the proxy's address, and the login
  // throttle by address would pause everyone at once.
  LUMBUNG_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  // Outgoing mail. Unset, mail is kept in the outbox, where admins read it (a demo, a trial).
  // Set, it goes out through this mail server: smtp://host:587 (STARTTLS when the server offers
  // it) or smtps://host:465, with user:password@ when the server asks for them.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, "must be an smtp:// or smtps:// URL")
    .refine((v) => URL.canParse(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  // The sender the mail shows: an address, or a name and an address ("Lumbung <no-reply@…>").
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>@\n]+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address, or a name and an <address>")
    .optional(),
  // Roles that must use two-step sign-in (modules/accounts/two-step.server.ts), comma-separated:
  // national_admin,evaluator,panelist for a ministry that wants its secretariat and judges
  // protected by more than a password. Someone in such a role without it is led to set it up
  // before any other work. Unset: it stays each person's choice.
  LUMBUNG_TWO_STEP_ROLES: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROLES, { error: `each must be one of ${ROLES.join(", ")}` }))),
});

/** Where outgoing mail goes; null keeps it in the outbox. */
export type MailSettings = { smtpUrl: string; from: string };

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  sessionHours: number;
  demo: boolean;
  maxUploadBytes: number;
  workers: number;
  poolSize: number;
  trustedProxies: number;
  mail: MailSettings | null;
  twoStepRoles: readonly (typeof ROLES)[number][];
};

const mailDomain = (host: string) => (/^[\d.]+$/.test(host) || host.includes(":") || host.startsWith("[") ? "localhost" : host);

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Lumbung cannot start: invalid settings\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  if (production && e.LUMBUNG_DEMO) {
    throw new Error("Lumbung cannot start: LUMBUNG_DEMO cannot be on when NODE_ENV=production");
  }
  if (e.LUMBUNG_WORKERS > 1 && !e.DATABASE_URL) {
    throw new Error("Lumbung cannot start: LUMBUNG_WORKERS above 1 needs DATABASE_URL (the embedded database serves one process)");
  }
  if (production && !e.PUBLIC_URL) {
    throw new Error("Lumbung cannot start: PUBLIC_URL is required when NODE_ENV=production");
  }
  if (e.MAIL_FROM && !e.SMTP_URL) {
    throw new Error("Lumbung cannot start: MAIL_FROM is set but SMTP_URL is not (without a mail server, nothing is sent)");
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, "");
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LUMBUNG_DATA_DIR,
    publicUrl,
    sessionHours: e.SESSION_HOURS,
    demo: production ? false : (e.LUMBUNG_DEMO ?? true),
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    workers: e.LUMBUNG_WORKERS,
    poolSize: e.DATABASE_POOL_SIZE,
    trustedProxies: e.LUMBUNG_TRUSTED_PROXIES,
    // Unless told otherwise, mail comes from a no-reply address at the site's own host name (an
    // address's domain cannot be a bare IP address: a site reached by one sends as localhost).
    twoStepRoles: e.LUMBUNG_TWO_STEP_ROLES,
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? `Lumbung <no-reply@${mailDomain(new URL(publicUrl).hostname)}>` } : null,
  };
}
