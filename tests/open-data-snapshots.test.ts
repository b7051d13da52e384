// The open-data files' nightly snapshots: a download served from a snapshot is the live file,
// byte for byte, whether it travels gzip-compressed or not; it answers conditional requests and
// HEAD; only a finished snapshot counts and a newer one replaces the older (kept a while, so that
// a download under way ends whole, and only a few kept); the page says when each file was made;
// the secretariat alone can have them made again now.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { loadBuild, pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
import { innovationCheckIns, openDataSnapshotParts, openDataSnapshots } from "../app/db/schema";
import { DATASET_FILES, DATASETS, type Dataset } from "../app/modules/open-data/datasets.server";
import { KEPT_SNAPSHOTS, latestSnapshot, PART_BYTES, REPLACED_GRACE_SECONDS, writeSnapshot } from "../app/modules/open-data/snapshots.server";
import { formatInstant } from "../app/i18n";

let database: Database;
let publicUrl: string;
let anonymous: Client;
let secretariat: Client;
let agencyAdmin: Client;
let agencyId: number;
/** Each file as built live before any snapshot exists. */
const live = {} as Record<Dataset, Uint8Array>;

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
/** Byte for byte (a deep toEqual over megabytes of typed arrays takes seconds). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
const sha256 = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");
const get = (file: string, headers: Record<string, string> = {}) => anonymous.get(`/data-terbuka/${file}`, headers);
const head = (file: string, headers: Record<string, string> = {}) => anonymous.request("HEAD", `/data-terbuka/${file}`, undefined, headers);
/** Random text, which gzip cannot shrink much: enough of it makes a file of several parts. */
const noise = (bytes: number) => crypto.randomBytes(Math.ceil((bytes * 3) / 4)).toString("base64").slice(0, bytes);

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  publicUrl = (await loadBuild()).parseEnv({ NODE_ENV: "test", LUMBUNG_DEMO: "false" }).publicUrl;
  const db = database.db;
  const agency = await createAgency(db, { name: "Pemerintah Kota Berkas Malam", regionCode: "33.02" });
  agencyId = agency.id;
  // Enough incompressible text that inovasi.csv's gzip is over two parts, with the characters a
  // CSV must quote and a non-ASCII name (the bytes must survive both encodings unchanged).
  for (let i = 0; i < 24; i++) {
    const inn = await createInnovation(db, { agencyId: agency.id, name: `Layanan "Malam", ke-${i} — Këliling`, summary: `Baris satu.\nBaris dua, ${noise(100_000)}` });
    if (i % 3 === 0) await db.insert(innovationCheckIns).values({ innovationId: inn.id, year: 2025, outcome: "running", note: `Catatan ${i}` });
  }
  const national = await createTestUser(db, { role: "national_admin" });
  const local = await createTestUser(db, { role: "agency_admin", agencyId: agency.id });
  anonymous = newClient();
  secretariat = newClient();
  await secretariat.login(national.email, national.password);
  agencyAdmin = newClient();
  await agencyAdmin.login(local.email, local.password);
});
afterAll(async () => database?.close());

describe("without a snapshot", () => {
  it("builds the file live at download time, and the page says so", async () => {
    for (const d of DATASETS) {
      const res = await get(DATASET_FILES[d]);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBeNull();
      expect(res.headers.get("content-encoding")).toBeNull();
      live[d] = await bytesOf(res);
      expect([...live[d].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const text = await pageText(await anonymous.get("/data-terbuka"));
    expect(text.split("belum dibuat malam hari").length - 1).toBe(DATASETS.length);
    expect(text).toContain("setiap malam pukul 02.00 WIB");
    expect(text).not.toContain("Perbarui sekarang");
  });

  it("ignores an unfinished snapshot (a run still writing, or one that crashed)", async () => {
    const [s] = await database.db.insert(openDataSnapshots).values({ dataset: "innovations" }).returning();
    await database.db.insert(openDataSnapshotParts).values({ snapshotId: s.id, part: 0, data: new Uint8Array([1, 2, 3]) });
    expect(await latestSnapshot(database.db, "innovations")).toBeNull();
    // Built live: compressed on the way by the server's compress middleware, as before snapshots.
    const res = await get("inovasi.csv", { "accept-encoding": "gzip" });
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("content-length")).toBeNull();
    expect(same(zlib.gunzipSync(await bytesOf(res)), live.innovations)).toBe(true);
    expect(same(await bytesOf(await get("inovasi.csv")), live.innovations)).toBe(true);
  });
});

describe("with a snapshot", () => {
  const written = {} as Record<Dataset, Awaited<ReturnType<typeof writeSnapshot>>>;

  beforeAll(async () => {
    for (const d of DATASETS) written[d] = await writeSnapshot(database.db, d, publicUrl);
  });

  it("stores the live file's bytes, gzip-compressed, in parts of about a megabyte", async () => {
    const s = written.innovations;
    expect(s.bytes).toBe(live.innovations.byteLength);
    expect(s.sha256).toBe(sha256(live.innovations));
    expect(s.rows).toBe(24);
    const parts = await database.db.select({ part: openDataSnapshotParts.part, n: sql<number>`length(${openDataSnapshotParts.data})` }).from(openDataSnapshotParts).where(eq(openDataSnapshotParts.snapshotId, s.id)).orderBy(openDataSnapshotParts.part);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
    // Every part but the last is at least a megabyte, and not much more (one gzip chunk).
    for (const p of parts.slice(0, -1)) expect(Number(p.n)).toBeGreaterThanOrEqual(PART_BYTES);
    for (const p of parts.slice(0, -1)) expect(Number(p.n)).toBeLessThan(PART_BYTES + 128 * 1024);
    expect(parts.reduce((sum, p) => sum + Number(p.n), 0)).toBe(s.gzipBytes);
    expect(written["check-ins"].rows).toBe(8);
  });

  it("serves the stored gzip to a reader that takes it: the live file once unpacked", async () => {
    for (const d of DATASETS) {
      const res = await get(DATASET_FILES[d], { "accept-encoding": "gzip, deflate, br" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe("gzip");
      expect(res.headers.get("content-length")).toBe(String(written[d].gzipBytes));
      expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
      // The CSV's own hash, marked as the packed answer's (a strong tag differs by encoding).
      expect(res.headers.get("etag")).toBe(`"${sha256(live[d])}-gzip"`);
      expect(res.headers.get("last-modified")).toBe(written[d].finishedAt.toUTCString());
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${DATASET_FILES[d]}"`);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("cache-control")).toBe("public, max-age=600");
      const body = await bytesOf(res);
      expect(body.byteLength).toBe(written[d].gzipBytes);
      // Compressed once: unpacking once gives the CSV.
      expect(same(zlib.gunzipSync(body), live[d])).toBe(true);
    }
  });

  it("unpacks it on the way for a reader that does not take gzip", async () => {
    for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "br" }] as Record<string, string>[]) {
      const res = await get("inovasi.csv", headers);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(res.headers.get("content-length")).toBe(String(live.innovations.byteLength));
      expect(res.headers.get("etag")).toBe(`"${written.innovations.sha256}"`);
      expect(same(await bytesOf(res), live.innovations)).toBe(true);
    }
    expect(same(await bytesOf(await get("instansi.csv")), live.agencies)).toBe(true);
    // A reader that refuses gzip but takes deflate gets the unpacked CSV deflated by the server's
    // compress middleware: packed once, in the encoding it asked for.
    const deflated = await get("inovasi.csv", { "accept-encoding": "gzip;q=0, deflate" });
    expect(deflated.headers.get("content-encoding")).toBe("deflate");
    expect(same(zlib.inflateSync(await bytesOf(deflated)), live.innovations)).toBe(true);
  });

  it("answers If-None-Match with the file's ETag with a 304 and no body", async () => {
    const etag = `"${written.innovations.sha256}"`;
    const packed = `"${written.innovations.sha256}-gzip"`;
    // Either encoding's tag names the same file.
    for (const match of [etag, packed, `W/${etag}`, `"other", ${packed}`, "*"]) {
      const res = await get("inovasi.csv", { "if-none-match": match, "accept-encoding": "gzip" });
      expect(res.status, match).toBe(304);
      expect(res.headers.get("etag")).toBe(packed);
      expect((await bytesOf(res)).byteLength).toBe(0);
    }
    expect((await get("inovasi.csv", { "if-none-match": packed })).status).toBe(304);
    const changed = await get("inovasi.csv", { "if-none-match": '"an-older-file"' });
    expect(changed.status).toBe(200);
    expect(same(await bytesOf(changed), live.innovations)).toBe(true);
    // If-Modified-Since, for a reader that kept only the date.
    expect((await get("inovasi.csv", { "if-modified-since": written.innovations.finishedAt.toUTCString() })).status).toBe(304);
    expect((await get("inovasi.csv", { "if-modified-since": new Date(written.innovations.finishedAt.getTime() - 3_600_000).toUTCString() })).status).toBe(200);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const gz = await head("inovasi.csv", { "accept-encoding": "gzip" });
    expect(gz.status).toBe(200);
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("content-length")).toBe(String(written.innovations.gzipBytes));
    expect(gz.headers.get("etag")).toBe(`"${written.innovations.sha256}-gzip"`);
    expect(gz.headers.get("content-disposition")).toBe('attachment; filename="inovasi.csv"');
    expect((await bytesOf(gz)).byteLength).toBe(0);
    const plain = await head("inovasi.csv");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("content-length")).toBe(String(written.innovations.bytes));
    expect((await bytesOf(plain)).byteLength).toBe(0);
  });

  it("says on the page when each file was made, in WIB, with its rows and download size", async () => {
    const text = await pageText(await anonymous.get("/data-terbuka"));
    for (const d of DATASETS) expect(text).toContain(`Dibuat ${formatInstant("id", written[d].finishedAt, "WIB")}.`);
    expect(formatInstant("id", written.innovations.finishedAt, "WIB")).toMatch(/ WIB$/);
    expect(text).not.toContain("belum dibuat malam hari");
    expect(text).toContain("24 baris");
    expect(text).toMatch(/Ukuran unduhan \d+(,\d)? MB \(terkompresi; \d+(,\d)? MB sebagai CSV\)/);
  });

  it("replaces the older snapshot when a newer one finishes (keeping it for downloads under way), and clears one a crashed run left", async () => {
    const old = written.agencies;
    const [abandoned] = await database.db.insert(openDataSnapshots).values({ dataset: "agencies", startedAt: new Date(Date.now() - 24 * 3_600_000) }).returning();
    await database.db.insert(openDataSnapshotParts).values({ snapshotId: abandoned.id, part: 0, data: new Uint8Array([1]) });
    const [running] = await database.db.insert(openDataSnapshots).values({ dataset: "agencies" }).returning();
    const newer = await writeSnapshot(database.db, "agencies", publicUrl);
    expect(newer.id).toBeGreaterThan(old.id);
    const left = await database.db.select({ id: openDataSnapshots.id }).from(openDataSnapshots).where(eq(openDataSnapshots.dataset, "agencies")).orderBy(openDataSnapshots.id);
    // The abandoned one is gone (its parts with it); a run still at work is not touched; the
    // replaced one stays a while, for the downloads that started on it, but is no longer served.
    expect(left.map((r) => r.id)).toEqual([old.id, running.id, newer.id]);
    expect(await database.db.select().from(openDataSnapshotParts).where(eq(openDataSnapshotParts.snapshotId, abandoned.id))).toEqual([]);
    expect((await latestSnapshot(database.db, "agencies"))?.id).toBe(newer.id);
    expect((await get("instansi.csv", { "accept-encoding": "gzip" })).headers.get("etag")).toBe(`"${newer.sha256}-gzip"`);
    // Another file's snapshot is not touched.
    expect((await latestSnapshot(database.db, "innovations"))?.id).toBe(written.innovations.id);
    await database.db.delete(openDataSnapshots).where(eq(openDataSnapshots.id, running.id));
  });
});

describe("a download under way when a newer snapshot finishes", () => {
  /** Read a response's body in two goes: the first chunk now, the rest when `rest` is called. */
  async function startReading(res: Response) {
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const chunks: Uint8Array[] = [first.value!];
    return {
      async rest() {
        for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
        return new Uint8Array(Buffer.concat(chunks));
      },
    };
  }

  it("ends with the bytes of the snapshot it started on, in either encoding", async () => {
    // Small parts, so that the download is many parts long and mostly unread when the next
    // snapshot finishes.
    const started = await writeSnapshot(database.db, "innovations", publicUrl, { partBytes: 16 * 1024 });
    const partsOf = async (id: number) => (await database.db.select({ part: openDataSnapshotParts.part }).from(openDataSnapshotParts).where(eq(openDataSnapshotParts.snapshotId, id))).length;
    expect(await partsOf(started.id)).toBeGreaterThan(20);
    const original = zlib.gunzipSync(Buffer.concat((await database.db.select({ data: openDataSnapshotParts.data }).from(openDataSnapshotParts).where(eq(openDataSnapshotParts.snapshotId, started.id)).orderBy(openDataSnapshotParts.part)).map((p) => p.data)));
    expect(sha256(original)).toBe(started.sha256);

    const packed = await get("inovasi.csv", { "accept-encoding": "gzip" });
    const plain = await get("inovasi.csv");
    expect(packed.headers.get("etag")).toBe(`"${started.sha256}-gzip"`);
    expect(plain.headers.get("etag")).toBe(`"${started.sha256}"`);
    const [packedRead, plainRead] = [await startReading(packed), await startReading(plain)];

    // The data changes, and a newer snapshot of the same file finishes mid-download.
    await createInnovation(database.db, { agencyId, name: "Inovasi Selama Unduhan" });
    const newer = await writeSnapshot(database.db, "innovations", publicUrl, { partBytes: 16 * 1024 });
    expect(newer.sha256).not.toBe(started.sha256);
    expect((await latestSnapshot(database.db, "innovations"))?.id).toBe(newer.id);

    const packedBody = await packedRead.rest();
    expect(packedBody.byteLength).toBe(started.gzipBytes);
    expect(same(zlib.gunzipSync(packedBody), original)).toBe(true);
    expect(same(await plainRead.rest(), original)).toBe(true);
    // A download that starts now gets the newer file.
    const fresh = new TextDecoder().decode(await bytesOf(await get("inovasi.csv")));
    expect(fresh).toContain("Inovasi Selama Unduhan");
  });

  it("keeps a bounded number of a file's snapshots however often they are made, and drops replaced ones after the grace", async () => {
    const finished = () =>
      database.db
        .select({ id: openDataSnapshots.id })
        .from(openDataSnapshots)
        .where(and(eq(openDataSnapshots.dataset, "check-ins"), isNotNull(openDataSnapshots.finishedAt)))
        .orderBy(openDataSnapshots.id);
    const made = [];
    for (let i = 0; i < KEPT_SNAPSHOTS + 3; i++) made.push(await writeSnapshot(database.db, "check-ins", publicUrl));
    // All made within the grace: the newest KEPT_SNAPSHOTS stay, the older ones are gone.
    expect((await finished()).map((r) => r.id)).toEqual(made.slice(-KEPT_SNAPSHOTS).map((s) => s.id));
    expect(await database.db.select().from(openDataSnapshotParts).where(eq(openDataSnapshotParts.snapshotId, made[0].id))).toEqual([]);
    // Once the grace has passed since they were replaced, the next run leaves only itself and the
    // one it replaces (which downloads may still be reading).
    await database.db
      .update(openDataSnapshots)
      .set({ finishedAt: sql`now() - make_interval(secs => ${REPLACED_GRACE_SECONDS + 60})` })
      .where(eq(openDataSnapshots.dataset, "check-ins"));
    const last = await writeSnapshot(database.db, "check-ins", publicUrl);
    expect((await finished()).map((r) => r.id)).toEqual([made.at(-1)!.id, last.id]);
    // Nor does another file lose any of its own.
    expect((await latestSnapshot(database.db, "innovations"))).not.toBeNull();
  });
});

describe("refreshing now", () => {
  it("is the secretariat's alone", async () => {
    expect([401, 403]).toContain((await anonymous.post("/data-terbuka", { _intent: "refresh" })).status);
    expect((await agencyAdmin.post("/data-terbuka", { _intent: "refresh" })).status).toBe(403);
    expect(await pageText(await agencyAdmin.get("/data-terbuka"))).not.toContain("Perbarui sekarang");
    expect(await pageText(await secretariat.get("/data-terbuka"))).toContain("Perbarui sekarang");
  });

  it("queues the job, which makes every file again from the current data", async () => {
    const before = Object.fromEntries(await Promise.all(DATASETS.map(async (d) => [d, (await latestSnapshot(database.db, d))!.id])));
    await createInnovation(database.db, { agencyId, name: "Inovasi Baru Setelah Malam" });
    // The nightly file does not have it yet.
    expect(new TextDecoder().decode(await bytesOf(await get("inovasi.csv")))).not.toContain("Inovasi Baru Setelah Malam");
    const askedAt = new Date(Date.now() - 1000);
    const res = await secretariat.post("/data-terbuka", { _intent: "refresh" });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/data-terbuka\?pesan=diperbarui&pada=\d+$/);
    // While any file is older than the request, the notice says it is queued.
    expect(await pageText(await secretariat.get(`/data-terbuka?pesan=diperbarui&pada=${Date.now() + 3_600_000}`))).toContain("Pembaruan sudah diantrekan");
    // The test app's workers poll every half second; the four small files take a second or two.
    const deadline = Date.now() + 25_000;
    let fresh: { dataset: string; id: number }[] = [];
    while (Date.now() < deadline) {
      fresh = await database.db
        .select({ dataset: openDataSnapshots.dataset, id: openDataSnapshots.id })
        .from(openDataSnapshots)
        .where(and(isNotNull(openDataSnapshots.finishedAt), gte(openDataSnapshots.startedAt, askedAt)));
      // Made by this request's job: newer than the ones there before (an earlier test may have
      // written some within the second before askedAt, and replaced ones are kept a while).
      fresh = fresh.filter((f) => f.id > before[f.dataset]);
      if (fresh.length === DATASETS.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(fresh.map((f) => f.dataset).sort()).toEqual([...DATASETS].sort());
    for (const d of DATASETS) expect((await latestSnapshot(database.db, d))!.id).not.toBe(before[d]);
    // Once every file was made after the request, the same address says it is done.
    const after = await pageText(await secretariat.get(location));
    expect(after).toContain("Keempat berkas sudah dibuat ulang dari data terkini.");
    expect(after).not.toContain("Pembaruan sudah diantrekan");
    const res2 = await get("inovasi.csv", { "accept-encoding": "gzip" });
    expect(res2.headers.get("content-encoding")).toBe("gzip");
    expect(zlib.gunzipSync(await bytesOf(res2)).toString("utf8")).toContain("Inovasi Baru Setelah Malam");
  }, 40_000);
});
