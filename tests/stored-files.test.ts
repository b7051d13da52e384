// Stored files (/berkas/:id) as other sites, browsers and their caches meet them: a published
// innovation's photo may be shown anywhere, cached briefly and revalidated; a withdrawn one is
// refused, with the site's own page for a person and JSON for anything else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { agencyBySlug, createInnovation, createTestUser } from "../app/db/factories.server";
import { innovationFiles, innovations } from "../app/db/schema";
import { PNG_1PX } from "./fixtures";

let database: Database;
let anon: Client;
let operator: Client;
let innovationId = 0;
let photoId = 0;
const SHA = "c".repeat(64);
// What a browser sends when the address is opened as a page, and when it loads an <img>.
const PAGE = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const IMAGE = { accept: "image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5" };

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const { client, newClient } = await testClient(database);
  anon = client;
  const banyumas = await agencyBySlug(db, "kabupaten-banyumas-33-02");
  const innovation = await createInnovation(db, { agencyId: banyumas.id, name: "Foto Berkas Terbuka", startedOn: "2023-01-01" });
  innovationId = innovation.id;
  [{ id: photoId }] = await db
    .insert(innovationFiles)
    .values({ innovationId, kind: "photo", filename: "foto.png", mime: "image/png", size: PNG_1PX.length, sha256: SHA, data: new Uint8Array(PNG_1PX) })
    .returning({ id: innovationFiles.id });
  const op = await createTestUser(db, { role: "agency_admin", agencyId: banyumas.id });
  operator = newClient();
  await operator.login(op.email, op.password);
});
afterAll(async () => database?.close());

const withdraw = () => database.db.update(innovations).set({ state: "draft", publishedAt: null }).where(eq(innovations.id, innovationId));
const republish = () => database.db.update(innovations).set({ state: "published", publishedAt: new Date() }).where(eq(innovations.id, innovationId));

describe("a published innovation's file", () => {
  it("may be shown by other sites: Cross-Origin-Resource-Policy cross-origin, under its own sandboxed policy", async () => {
    const res = await anon.get(`/berkas/${photoId}`, IMAGE);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    // The pages keep theirs.
    expect((await anon.get("/")).headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });

  it("is cached for minutes, not an hour, and revalidated by its ETag with a 304", async () => {
    const res = await anon.get(`/berkas/${photoId}`, IMAGE);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("etag")).toBe(`"${SHA}"`);
    const again = await anon.get(`/berkas/${photoId}`, { ...IMAGE, "if-none-match": `"${SHA}"` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(`"${SHA}"`);
    expect(again.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    // Another version's tag gets the bytes.
    expect((await anon.get(`/berkas/${photoId}`, { ...IMAGE, "if-none-match": `"${"d".repeat(64)}"` })).status).toBe(200);
  });
});

describe("a withdrawn innovation's file", () => {
  it("is private again: no 304 for a cached copy, and same-origin for those who may still see it", async () => {
    await withdraw();
    try {
      const revalidated = await anon.get(`/berkas/${photoId}`, { ...IMAGE, "if-none-match": `"${SHA}"` });
      expect(revalidated.status).toBe(404);
      const own = await operator.get(`/berkas/${photoId}`, IMAGE);
      expect(own.status).toBe(200);
      expect(own.headers.get("cache-control")).toBe("private, no-store");
      expect(own.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    } finally {
      await republish();
    }
  });

  it("gives a person opening it the site's 404 page in their language, and JSON to an image or a script", async () => {
    await withdraw();
    try {
      const opened = await anon.get(`/berkas/${photoId}`, PAGE);
      expect(opened.status).toBe(404);
      expect(opened.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await opened.text();
      expect(html).toContain('<html lang="id"');
      expect(html).toContain("<h1>Halaman tidak ditemukan</h1>");
      expect(html).not.toContain('{"error"');

      const english = await anon.get(`/berkas/${photoId}`, { ...PAGE, cookie: "lumbung_lang=en" });
      expect(english.status).toBe(404);
      expect(await english.text()).toContain("<h1>Page not found</h1>");

      const image = await anon.get(`/berkas/${photoId}`, IMAGE);
      expect(image.status).toBe(404);
      expect(image.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await image.json()) as { error: { code: string } }).error.code).toBe("not-found");
    } finally {
      await republish();
    }
  });
});
