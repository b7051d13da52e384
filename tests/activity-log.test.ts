// The activity log (/kelola/log): who did what and when. The secretariat reads every agency's
// rows; an Admin Lokal its own people's and what happened to their accounts; nobody else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
import { auditLog } from "../app/db/schema";
import { auditCsvStream } from "../app/modules/audit/export-audit.server";
import { parseAuditQuery } from "../app/modules/audit/query";

const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";
// What must never reach the page or the CSV: a secret a row's data might carry.
const SECRET = "tok_rahasia_9f8e7d";

let database: Database;
let newClient: () => Client;
let people: Record<"secretariat" | "adminA" | "operatorA" | "adminB" | "operatorB" | "headA" | "evaluator", Awaited<ReturnType<typeof createTestUser>>>;
let innovationA: { id: number };
let innovationB: { id: number };

async function signedIn(email: string, ip = "10.30.0.1", userAgent = ANDROID_CHROME) {
  const c = newClient();
  const res = await c.signInFrom(ip, email, "kata-sandi-uji-123", { "user-agent": userAgent });
  expect(res.status, `sign-in of ${email}`).toBe(302);
  return c;
}

const log = async (c: Client, query = "") => {
  const res = await c.get(`/kelola/log${query}`);
  expect(res.status, query).toBe(200);
  return pageText(res);
};

// The page's links carry & as &amp;.
const hrefOf = (html: string, rel: "next" | "prev") => {
  const m = new RegExp(`<a[^>]*href="([^"]+)"[^>]*rel="${rel}"|<a[^>]*rel="${rel}"[^>]*href="([^"]+)"`).exec(html);
  return m ? (m[1] ?? m[2]).replace(/&amp;/g, "&") : null;
};

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database, { LUMBUNG_TRUSTED_PROXIES: "1" }));
  const db = database.db;
  const agencyA = await createAgency(db, { name: "Pemerintah Kabupaten Log A" });
  const agencyB = await createAgency(db, { name: "Pemerintah Kabupaten Log B" });
  people = {
    secretariat: await createTestUser(db, { role: "national_admin", name: "Sekretariat Log" }),
    adminA: await createTestUser(db, { role: "agency_admin", agencyId: agencyA.id, name: "Admin Lokal Aster" }),
    operatorA: await createTestUser(db, { role: "unit_operator", agencyId: agencyA.id, name: "Operator Anggrek" }),
    headA: await createTestUser(db, { role: "agency_head", agencyId: agencyA.id, name: "Kepala Akasia" }),
    adminB: await createTestUser(db, { role: "agency_admin", agencyId: agencyB.id, name: "Admin Lokal Bakung" }),
    operatorB: await createTestUser(db, { role: "unit_operator", agencyId: agencyB.id, name: "Operator Bougenvil" }),
    evaluator: await createTestUser(db, { role: "evaluator", name: "Juri Cemara" }),
  };
  innovationA = await createInnovation(db, { agencyId: agencyA.id, name: "Inovasi Log Anggrek" });
  innovationB = await createInnovation(db, { agencyId: agencyB.id, name: "Inovasi Log Bougenvil" });
  // Sign-ins of both agencies' operators, each from its own address.
  await signedIn(people.operatorA.email, "10.30.0.11");
  await signedIn(people.operatorB.email, "10.30.0.22");
  await db.insert(auditLog).values([
    { actorUserId: people.operatorA.id, action: "innovation.update", subjectType: "innovation", subjectId: String(innovationA.id), data: { changed: ["summary", "problem"] } },
    { actorUserId: people.operatorB.id, action: "innovation.update", subjectType: "innovation", subjectId: String(innovationB.id), data: { changed: ["name"] } },
    // An automatic lockout of operator A's account: no one acted.
    { actorUserId: null, action: "account.locked", subjectType: "user", subjectId: String(people.operatorA.id) },
    // A row whose data carries what must stay hidden.
    { actorUserId: people.adminA.id, action: "user.invite", subjectType: "user", subjectId: String(people.headA.id), data: { role: "agency_head", agencyId: agencyA.id, token: SECRET, link: `/undangan/${SECRET}` } },
    // An old row, for the date filter: 15 January 2025, 10:00 WIB.
    { actorUserId: people.operatorA.id, action: "innovation.submit", subjectType: "innovation", subjectId: String(innovationA.id), data: { from: "draft", to: "submitted" }, at: new Date("2025-01-15T03:00:00Z") },
    // An action the log has no sentence for yet.
    { actorUserId: people.operatorA.id, action: "innovation.archive", subjectType: "innovation", subjectId: String(innovationA.id) },
  ]);
});
afterAll(async () => database?.close());

describe("the activity log", () => {
  it("shows the secretariat every agency's rows, with time, zone, person and sentence", async () => {
    const c = await signedIn(people.secretariat.email);
    const text = await log(c);
    expect(text).toContain("Log aktivitas");
    expect(text).toContain("Operator Anggrek");
    expect(text).toContain("Operator Bougenvil");
    expect(text).toContain("Inovasi Log Bougenvil");
    expect(text).toContain("Mengubah inovasi");
    expect(text).toContain("Yang diubah: summary, problem");
    expect(text).toMatch(/\d{2}\.\d{2} WIB/);
    // A sign-in with its address and browser.
    expect(text).toContain("Alamat IP 10.30.0.22");
    expect(text).toContain("Chrome di Android");
    // The subject links to its page, and to all activity on it.
    expect(text).toContain(`href="/kelola/inovasi/${innovationA.id}"`);
    expect(text).toContain(`href="/kelola/log?subjek=innovation%3A${innovationA.id}"`);
    // An action without a sentence of its own still reads.
    expect(text).toContain("Inovasi: tindakan innovation.archive");
    // The work area's menu leads here.
    expect(text).toContain('href="/kelola/log"');
  });

  it("reads a row with no actor as the system", async () => {
    const c = await signedIn(people.secretariat.email);
    const text = await log(c, "?jenis=accounts");
    expect(text).toContain("Sistem");
    expect(text).toContain("Akun dikunci sementara setelah kata sandi salah berulang kali");
  });

  it("shows Admin Lokal its people's actions and sign-ins, and nothing of another agency", async () => {
    const c = await signedIn(people.adminA.email);
    const text = await log(c);
    expect(text).toContain("Operator Anggrek");
    expect(text).toContain("Alamat IP 10.30.0.11");
    // What happened to its people's accounts, though no one of them acted: the lockout.
    expect(text).toContain("Akun dikunci sementara");
    expect(text).not.toContain("Operator Bougenvil");
    expect(text).not.toContain("Inovasi Log Bougenvil");
    expect(text).not.toContain("10.30.0.22");
    expect(text).not.toContain("Sekretariat Log");
    // A link to another agency's person shows nothing of them.
    const other = await log(c, `?akun=${people.operatorB.id}`);
    expect(other).not.toContain("Operator Bougenvil");
    expect(other).not.toContain(people.operatorB.email);
    expect(other).toContain("Tidak ada aktivitas yang cocok.");
  });

  it("refuses everyone else, and anonymous visitors", async () => {
    for (const who of [people.operatorA, people.headA, people.evaluator]) {
      const c = await signedIn(who.email);
      expect((await c.get("/kelola/log")).status, who.email).toBe(403);
      expect((await c.get("/kelola/log/unduh")).status, who.email).toBe(403);
      // …and their menu does not offer it.
      expect(await pageText(await c.get("/kelola"))).not.toContain('href="/kelola/log"');
    }
    expect([302, 401]).toContain((await newClient().get("/kelola/log")).status);
  });

  it("narrows the list by person, kind of action, subject and days", async () => {
    const c = await signedIn(people.secretariat.email);
    const byName = await log(c, "?pelaku=anggrek");
    expect(byName).toContain("Operator Anggrek");
    expect(byName).not.toContain("Operator Bougenvil");
    const byEmail = await log(c, `?pelaku=${encodeURIComponent(people.operatorB.email)}`);
    expect(byEmail).toContain("Operator Bougenvil");
    expect(byEmail).not.toContain("Operator Anggrek");
    const byAccount = await log(c, `?akun=${people.operatorB.id}`);
    expect(byAccount).toContain(`Hanya tindakan Operator Bougenvil (${people.operatorB.email}).`);
    expect(byAccount).not.toContain("Alamat IP 10.30.0.11");

    const innovations = await log(c, "?jenis=innovations");
    expect(innovations).toContain("Mengubah inovasi");
    expect(innovations).not.toContain("Masuk ke Lumbung");
    const signIns = await log(c, "?jenis=accounts");
    expect(signIns).toContain("Masuk ke Lumbung");
    expect(signIns).not.toContain("Mengubah inovasi");

    const subject = await log(c, `?subjek=innovation:${innovationB.id}`);
    expect(subject).toContain("Inovasi Log Bougenvil");
    expect(subject).not.toContain("Inovasi Log Anggrek");

    // 15 January 2025 in WIB holds the old row alone; the day after holds nothing.
    const day = await log(c, "?dari=2025-01-15&sampai=2025-01-15");
    expect(day).toContain("Mengirim inovasi ke Admin Lokal");
    expect(day).not.toContain("Mengubah inovasi");
    expect(await log(c, "?dari=2025-01-16&sampai=2025-01-16")).toContain("Tidak ada aktivitas yang cocok.");
    expect(await log(c, "?sampai=2025-01-14")).toContain("Tidak ada aktivitas yang cocok.");
    expect(await log(c, "?dari=2026-01-01")).not.toContain("Mengirim inovasi ke Admin Lokal");
  });

  it("pages by id across a page boundary, keeping the filters", async () => {
    const busy = await createTestUser(database.db, { role: "unit_operator", name: "Operator Sibuk" });
    await database.db.insert(auditLog).values(
      Array.from({ length: 60 }, (_, i) => ({ actorUserId: busy.id, action: "innovation.update", subjectType: "innovation", subjectId: String(innovationA.id), data: { changed: [`bagian-${i + 1}-`] } })),
    );
    const c = await signedIn(people.secretariat.email);
    const first = await log(c, `?akun=${busy.id}`);
    const shown = (html: string) => [...html.matchAll(/Yang diubah: bagian-(\d+)-/g)].map((m) => Number(m[1]));
    expect(shown(first)).toEqual(Array.from({ length: 50 }, (_, i) => 60 - i));
    expect(hrefOf(first, "prev")).toBeNull();
    const older = hrefOf(first, "next")!;
    expect(older).toMatch(/akun=\d+/);
    expect(older).toMatch(/sebelum=\d+/);
    const second = await log(c, older.replace("/kelola/log", ""));
    expect(shown(second)).toEqual(Array.from({ length: 10 }, (_, i) => 10 - i));
    expect(hrefOf(second, "next")).toBeNull();
    // Back: the newest fifty again.
    const newer = hrefOf(second, "prev")!;
    expect(newer).toMatch(/akun=\d+/);
    expect(shown(await log(c, newer.replace("/kelola/log", "")))).toEqual(shown(first));
    // The labels say where they lead.
    expect(first).toContain("Lebih lama");
    expect(second).toContain("Lebih baru");
  });

  it("reads a long download in batches by id, each row once, newest first, up to its limit", async () => {
    const busy = await createTestUser(database.db, { role: "unit_operator", name: "Operator Berkas" });
    await database.db.insert(auditLog).values(Array.from({ length: 23 }, () => ({ actorUserId: busy.id, action: "innovation.update", subjectType: "innovation", subjectId: String(innovationA.id) })));
    const { query } = parseAuditQuery(new URLSearchParams({ akun: String(busy.id) }), "WIB");
    const read = async (max?: number) => {
      const text = await new Response(auditCsvStream(database.db, "all", query, { locale: "id", zone: "WIB", batch: 5, max })).text();
      return text.trim().split("\r\n").slice(1).map((line) => Number(line.split(",")[0]));
    };
    const ids = await read();
    expect(ids).toHaveLength(23);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new Set(ids).size).toBe(23);
    expect(await read(12)).toEqual(ids.slice(0, 12));
  });

  it("answers bad addresses with a page, never an error", async () => {
    const c = await signedIn(people.secretariat.email);
    for (const q of [
      "?sebelum=abc",
      "?sebelum=-5",
      "?sebelum=999999999999999999999999",
      "?sesudah=1e9",
      "?pelaku=__proto__",
      "?pelaku=%25_%5C",
      `?pelaku=${"x".repeat(5000)}`,
      "?jenis=__proto__",
      "?jenis=constructor",
      "?akun=0",
      "?akun=99999999999",
      "?subjek=__proto__:1",
      "?subjek=innovation",
      "?subjek=user:..%2F..%2F",
      "?dari=2026-02-30",
      "?sampai=kemarin",
      "?dari[]=1",
    ]) {
      const res = await c.get(`/kelola/log${q}`);
      expect(res.status, q).toBe(200);
    }
    const wrongDay = await log(c, "?dari=2026-13-45");
    expect(wrongDay).toContain("Masukkan tanggal yang ada");
    const backwards = await log(c, "?dari=2026-05-02&sampai=2026-05-01");
    expect(backwards).toContain("Tanggal akhir harus sama dengan atau setelah tanggal awal.");
    // A download with a wrong date says so, rather than a file of other rows.
    const csv = await c.get("/kelola/log/unduh?dari=2026-13-45");
    expect(csv.status).toBe(400);
    expect(await csv.text()).toContain("dari");
  });

  it("never shows a secret a row's data holds", async () => {
    const c = await signedIn(people.secretariat.email);
    const text = await log(c, `?akun=${people.adminA.id}`);
    expect(text).toContain("Mengundang pengguna");
    expect(text).toContain("Peran: Pimpinan Instansi");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("Mozilla/5.0");
    expect(text).not.toContain("$argon2");
  });

  it("downloads the filtered rows as a CSV, without secrets, for the same readers", async () => {
    const c = await signedIn(people.secretariat.email);
    const res = await c.get("/kelola/log/unduh?jenis=innovations");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("log-aktivitas.csv");
    const csv = await res.text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,waktu,nama_pelaku,email_pelaku,kode_tindakan,tindakan,jenis_subjek,id_subjek,nama_subjek,rincian");
    expect(csv).toContain("Operator Bougenvil");
    expect(csv).toContain("Inovasi Log Anggrek");
    expect(csv).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00/);
    expect(csv).not.toContain("Masuk ke Lumbung");
    const all = await (await c.get("/kelola/log/unduh")).text();
    expect(all).toContain("Sistem");
    expect(all).toContain("10.30.0.22");
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain("Mozilla/5.0");
    expect(all).not.toContain("$argon2");
    // Admin Lokal's download holds its agency's rows alone.
    const mine = await (await (await signedIn(people.adminA.email)).get("/kelola/log/unduh")).text();
    expect(mine).toContain("Operator Anggrek");
    expect(mine).not.toContain("Operator Bougenvil");
    expect(mine).not.toContain("10.30.0.22");
  });

  it("speaks English by the switch", async () => {
    const c = await signedIn(people.secretariat.email);
    await c.post("/preferensi", { lang: "en" });
    const text = await log(c, "?jenis=accounts");
    expect(text).toContain("Activity log");
    expect(text).toContain("Signed in");
    expect(text).toContain("System");
  });
});
