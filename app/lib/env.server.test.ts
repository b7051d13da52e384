import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("settings", () => {
  it("defaults to the embedded database on localhost:3000 with demo data", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ port: 3000, host: "localhost", databaseUrl: undefined, dataDir: "./data", demo: true });
    expect(env.publicUrl).toBe("http://localhost:3000");
  });

  it("never runs demo mode in production, and needs PUBLIC_URL there", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/PUBLIC_URL is required/);
    expect(parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://lumbung.go.id" }).demo).toBe(false);
    expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://x.id", LUMBUNG_DEMO: "1" })).toThrow(/LUMBUNG_DEMO/);
  });

  it("runs several server processes only on a PostgreSQL server", () => {
    expect(parseEnv({})).toMatchObject({ workers: 1, poolSize: 10 });
    expect(parseEnv({ DATABASE_POOL_SIZE: "25" }).poolSize).toBe(25);
    expect(parseEnv({ LUMBUNG_WORKERS: "4", DATABASE_URL: "postgres://u@h/db" }).workers).toBe(4);
    expect(() => parseEnv({ LUMBUNG_WORKERS: "2" })).toThrow(/LUMBUNG_WORKERS above 1 needs DATABASE_URL/);
    expect(() => parseEnv({ LUMBUNG_WORKERS: "0", DATABASE_URL: "postgres://u@h/db" })).toThrow(/LUMBUNG_WORKERS/);
  });

  it("keeps mail in the outbox unless a mail server is set, and sends from the site's own host by default", () => {
    expect(parseEnv({}).mail).toBeNull();
    expect(parseEnv({ SMTP_URL: "smtp://relay.kominfo.go.id:587", PUBLIC_URL: "https://lumbung.menpan.go.id" }).mail).toEqual({
      smtpUrl: "smtp://relay.kominfo.go.id:587",
      from: "Lumbung <no-reply@lumbung.menpan.go.id>",
    });
    expect(parseEnv({ SMTP_URL: "smtps://kipp:rahasia@mail.go.id:465", MAIL_FROM: "Sekretariat KIPP <kipp@menpan.go.id>" }).mail?.from).toBe("Sekretariat KIPP <kipp@menpan.go.id>");
    expect(parseEnv({ SMTP_URL: "smtp://mail.go.id", MAIL_FROM: "kipp@menpan.go.id" }).mail?.from).toBe("kipp@menpan.go.id");
    // A site reached by its IP address has no domain to send from.
    expect(parseEnv({ SMTP_URL: "smtp://mail.go.id", PUBLIC_URL: "http://10.1.2.3:3000" }).mail?.from).toBe("Lumbung <no-reply@localhost>");
    expect(parseEnv({ SMTP_URL: "smtp://mail.go.id", PUBLIC_URL: "http://[::1]:3000" }).mail?.from).toBe("Lumbung <no-reply@localhost>");
  });

  it("refuses a mail server that is no SMTP address, a sender that is no address, and a sender without a server", () => {
    expect(() => parseEnv({ SMTP_URL: "https://mail.go.id" })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ SMTP_URL: "smtp://" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.go.id", MAIL_FROM: "Sekretariat KIPP" })).toThrow(/MAIL_FROM: must be an address/);
    expect(() => parseEnv({ MAIL_FROM: "kipp@menpan.go.id" })).toThrow(/MAIL_FROM is set but SMTP_URL is not/);
    // The message names the setting, never its value (the address may hold a password).
    expect(() => parseEnv({ SMTP_URL: "ftp://kipp:rahasia@mail.go.id" })).toThrow(/^(?![\s\S]*rahasia)/);
  });

  it("names each bad setting", () => {
    expect(() => parseEnv({ PORT: "tujuh", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });
});
