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

  it("names each bad setting", () => {
    expect(() => parseEnv({ PORT: "tujuh", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });
});
