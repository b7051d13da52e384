import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createTestUser } from "../app/db/factories.server";

let database: Database;
let client: Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ client } = await testClient(database));
});
afterAll(async () => database?.close());

describe("the server", () => {
  it("renders the home page in Bahasa Indonesia with strict security headers", async () => {
    const res = await client.get("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="id"');
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("set-cookie")).toMatch(/lumbung_csrf=.*HttpOnly; SameSite=Lax/);
  });

  it("answers an unknown path with a real 404 page", async () => {
    const res = await client.get("/tidak-ada-halaman-ini");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Halaman tidak ditemukan");
  });

  it("refuses a form post without the CSRF token", async () => {
    await client.csrf();
    const form = new FormData();
    form.set("email", "x@y.id");
    form.set("password", "salah");
    const res = await client.request("POST", "/masuk", form);
    expect(res.status).toBe(403);
  });

  it("logs in, rotates the session, and logs out", async () => {
    const user = await createTestUser(database.db, { role: "national_admin" });
    const res = await client.login(user.email, user.password);
    expect(res.headers.get("location")).toBe("/kelola");
    const first = client.cookies.get("lumbung_session");
    expect(first).toBeTruthy();
    await client.login(user.email, user.password);
    expect(client.cookies.get("lumbung_session")).not.toBe(first);
    const out = await client.post("/keluar");
    expect(out.status).toBe(302);
    expect(client.cookies.has("lumbung_session")).toBe(false);
  });

  it("says which field is wrong, in Indonesian", async () => {
    const res = await client.post("/masuk", { email: "bukan-email", password: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Masukkan alamat email yang benar");
    expect(html).toContain('href="#f-email"');
  });
});
