import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createTestUser } from "../app/db/factories.server";
import { eq } from "drizzle-orm";
import { sessions } from "../app/db/schema";

let database: Database;
let client: Client;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ client, newClient } = await testClient(database));
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
    expect(res.headers.get("set-cookie")).toMatch(/lumbung_csrf=[^;]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("compresses pages for a browser that accepts it, and masks the CSRF token afresh in each", async () => {
    const plain = await client.get("/");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const html = await plain.text();
    const res = await client.get("/", { "accept-encoding": "gzip, deflate, br" });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    const zipped = Buffer.from(await res.arrayBuffer());
    expect(zipped.length).toBeLessThan(html.length / 2);
    // The route manifest is a file of its own, kept by the browser, not written into each page.
    expect(html).not.toContain("__reactRouterManifest =");
    expect(html).toMatch(/import "\/assets\/manifest-[\w-]+\.js"/);
    expect(gunzipSync(zipped).toString("utf8")).toContain('<html lang="id"');
    // The token in the page is never the cookie's as is, and differs from page to page (BREACH),
    // yet each page's token is accepted.
    const cookieToken = await client.csrf();
    const tokenOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1];
    const first = tokenOf(await (await client.get("/masuk")).text());
    const second = tokenOf(await (await client.get("/masuk")).text());
    expect(first).not.toBe(second);
    expect(first).not.toContain(cookieToken);
    for (const token of [first, second]) {
      const res = await client.post("/preferensi", { _csrf: token, lang: "id" });
      expect(res.status).toBe(302);
    }
    // A masked token of another browser's secret is refused.
    const [pad, masked] = first.split(".");
    const tampered = `${pad}.${Buffer.from(Buffer.from(masked, "base64url").map((b, i) => (i === 0 ? b ^ 1 : b))).toString("base64url")}`;
    expect((await client.post("/preferensi", { _csrf: tampered, lang: "id" })).status).toBe(403);
  });

  it("serves the browser's scripts compressed at build time, cached for good", async () => {
    const page = await (await client.get("/")).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1] ?? /href="(\/assets\/[^"]+\.js)"/.exec(page)![1];
    const plain = await client.get(script);
    expect(plain.status).toBe(200);
    const size = Number(plain.headers.get("content-length"));
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const br = await client.get(script, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = Buffer.from(await br.arrayBuffer());
    expect(body.length).toBeLessThan(size / 2);
    expect(brotliDecompressSync(body).length).toBe(size);
  });

  it("answers a missing file of the build with a 404 that no browser keeps", async () => {
    const res = await client.get("/assets/tidak-ada-abc123.js");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control") ?? "").not.toMatch(/immutable/);
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
    expect(await res.text()).toContain("Formulir sudah kedaluwarsa");
  });

  it("refuses before any loader runs in the reader's language (a forged form, a NUL in the address)", async () => {
    const c = newClient();
    c.cookies.set("lumbung_lang", "en");
    await c.csrf();
    const form = new FormData();
    form.set("email", "x@y.id");
    const forged = await c.request("POST", "/masuk", form);
    expect(forged.status).toBe(403);
    const forgedHtml = await forged.text();
    expect(forgedHtml).toContain('<html lang="en">');
    expect(forgedHtml).toContain("The form has expired. Reload the page and send it again.");
    // The language switch too answers with a page, not the refusal's JSON.
    const switched = await c.request("POST", "/preferensi", (() => { const f = new FormData(); f.set("lang", "id"); return f; })());
    expect(switched.status).toBe(403);
    expect(switched.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await switched.text()).toContain("The form has expired.");
    const nul = await c.get("/inovasi/%00");
    expect(nul.status).toBe(400);
    const nulHtml = await nul.text();
    expect(nulHtml).toContain('<html lang="en">');
    expect(nulHtml).toContain("The input is not valid.");
    expect(nulHtml).not.toContain("Isian tidak valid");
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

  it("keeps a session in use alive, but never beyond a week from sign-in", async () => {
    const user = await createTestUser(database.db, { role: "national_admin" });
    const c = newClient();
    await c.login(user.email, user.password);
    const mine = eq(sessions.userId, user.id);
    const hoursLeft = async () => ((await database.db.select().from(sessions).where(mine))[0].expiresAt.getTime() - Date.now()) / 3600_000;
    const expireIn = (hours: number, signedInDaysAgo = 0) =>
      database.db.update(sessions).set({ expiresAt: new Date(Date.now() + hours * 3600_000), createdAt: new Date(Date.now() - signedInDaysAgo * 86_400_000) }).where(mine);

    await expireIn(1);
    // A publicly cacheable answer never carries the cookie, nor renews.
    const api = await c.get("/api/v1/regions");
    expect(api.headers.getSetCookie().join()).not.toContain("lumbung_session");
    expect(await hoursLeft()).toBeLessThan(1.1);
    // A page does: twelve hours from now again, and the browser's cookie with it.
    const page = await c.get("/kelola");
    expect(page.status).toBe(200);
    // Twelve hours less the moments between the renewal and the header: 43,200 s when both fall
    // in the same millisecond (a fast database), a second or more less otherwise.
    expect(page.headers.getSetCookie().find((x) => x.startsWith("lumbung_session="))).toMatch(/Max-Age=(4319\d|43200);/);
    expect(await hoursLeft()).toBeGreaterThan(11.9);
    // Half its time left or more: no write.
    expect((await c.get("/kelola")).headers.getSetCookie().join()).not.toContain("lumbung_session");

    // Signed in almost a week ago: renewed only up to the week's end, then no more.
    await expireIn(1, 7 - 3 / 24);
    await c.get("/kelola");
    expect(await hoursLeft()).toBeGreaterThan(2.9);
    expect(await hoursLeft()).toBeLessThan(3.1);
  });

  it("sends a visitor to sign in and back to the page they asked for", async () => {
    const anon = await client.get("/kelola/inovasi?tahap=draf");
    expect(anon.status).toBe(401);
    expect(await anon.text()).toContain('href="/masuk?redirectTo=%2Fkelola%2Finovasi%3Ftahap%3Ddraf"');
    const user = await createTestUser(database.db, { role: "national_admin" });
    const res = await newClient().post("/masuk", { email: user.email, password: user.password, redirectTo: "/kelola/inovasi?tahap=draf" });
    expect(res.headers.get("location")).toBe("/kelola/inovasi?tahap=draf");
  });

  it("answers a body over the limit with a page in the reader's language, or the API's error", async () => {
    const small = await testClient(database, { MAX_UPLOAD_MB: "1" });
    const big = () => {
      const form = new FormData();
      form.set("photos", new Blob([new Uint8Array(7 * 1024 * 1024)], { type: "image/png" }), "besar.png");
      return form;
    };
    const c = small.newClient();
    const page = await c.request("POST", "/kelola/inovasi/baru", big(), { accept: "text/html" });
    expect(page.status).toBe(413);
    const html = await page.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain("paling banyak 6 MB");
    c.cookies.set("lumbung_lang", "en");
    expect(await (await c.request("POST", "/kelola/inovasi/baru", big(), { accept: "text/html" })).text()).toContain("at most 6 MB");
    const api = await c.request("POST", "/api/v1/innovations", big(), { accept: "application/json" });
    expect(api.status).toBe(413);
    expect((await api.json()).error).toMatchObject({ code: "too-large", reason: "errors.tooLarge" });
  });

  it("says which field is wrong, in Indonesian", async () => {
    const res = await client.post("/masuk", { email: "bukan-email", password: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Masukkan alamat email yang benar");
    expect(html).toContain('href="#f-email"');
  });
});
