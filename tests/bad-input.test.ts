// No user input may cause a 500: every route gets hostile query strings, path values and form
// bodies, anonymously and as the most privileged user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createInnovation, createTestUser } from "../app/db/factories.server";

const HOSTILE_QUERY =
  "?q=%00%27%22%3Cscript%3E%E0%A4%A&page=-1&halaman=99999999999999999999&perPage=100000&sort=%27&year=abc&year=99999" +
  "&province=zz&agencyType=x&sector=%00&sdg=18&status=x&tahap=foo&instansi=-5&type=%25&level=x&limit=1e309";
const HOSTILE_PATHS = [
  "/inovasi/%00",
  "/inovasi/" + "a".repeat(5000),
  "/instansi/%27%20or%201%3D1",
  "/instansi/x/pameran",
  "/wilayah/99",
  "/wilayah/%2e%2e",
  "/berkas/-1",
  "/berkas/99999999999999999999",
  "/berkas/abc",
  "/kelola/inovasi/abc",
  "/kelola/inovasi/99999999999999999999",
  "/kelola/inovasi/-3/riwayat",
  "/undangan/%00",
  "/atur-ulang-sandi/" + "x".repeat(3000),
  "/api/v1/innovations/%00",
  "/api/v1/innovations/99999999999999999999",
  "/api/v1/agencies/%27",
];
const GET_PATHS = ["/", "/inovasi", "/instansi", "/kepatuhan", "/kepatuhan/unduh", "/kelola", "/kelola/inovasi", "/kelola/unit", "/kelola/pengguna", "/kelola/instansi", "/kelola/kotak-keluar", "/api/v1/innovations", "/api/v1/agencies", "/api/v1/regions", "/api/v1/compliance"];
const POST_PATHS = ["/masuk", "/lupa-sandi", "/preferensi", "/kelola/inovasi/baru", "/kelola/inovasi/{id}", "/kelola/unit", "/kelola/pengguna", "/kelola/instansi", "/undangan/abc", "/atur-ulang-sandi/abc"];

const LONG = "ä".repeat(100_000);
const hostileForms: Record<string, string | string[]>[] = [
  { name: LONG, email: LONG, password: LONG, summary: LONG, lang: LONG, zone: LONG, redirectTo: "//evil.example" },
  { "sectors[]": ["x", "\u0000"], "sdgs[]": ["0", "99", "abc"], startedOn: "2021-02-30", version: "-1", unitId: "1e99", agencyId: "abc", role: "root", type: "x", regionCode: "'; drop table users; --" },
  { _intent: "removeFile", fileId: "NaN" },
  { _intent: "publish" },
  { name: "Nama\u0000Nul", email: "a\u0000@b.id", password: "x\u0000", indicator_name: "a\u0000", indicator_before: "1", indicator_after: "2" },
  { _intent: "nonsense", indicator_name: ["a", "b"], indicator_before: "1" },
  { videoUrl: "javascript:alert(1)", contactEmail: "a@b", contactPhone: "<>", origin: "replication", originInnovation: "%00" },
];

let database: Database;
let anon: Client;
let admin: Client;
let draftId = 0;
beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const u = await createTestUser(database.db, { role: "national_admin" });
  draftId = (await createInnovation(database.db, { state: "draft" })).id;
  anon = newClient();
  admin = newClient();
  await admin.login(u.email, u.password);
});
afterAll(async () => database?.close());

describe("hostile input", () => {
  it("never answers a GET with a 500", async () => {
    const failures: string[] = [];
    for (const c of [anon, admin]) {
      for (const p of [...GET_PATHS.map((x) => x + HOSTILE_QUERY), ...HOSTILE_PATHS]) {
        const res = await c.get(p);
        if (res.status >= 500) failures.push(`${p.slice(0, 80)} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("never answers a form post with a 500", async () => {
    const failures: string[] = [];
    for (const c of [anon, admin]) {
      for (const p of POST_PATHS) {
        for (const f of hostileForms) {
          const res = await c.post(p.replace("{id}", String(draftId)), f);
          if (res.status >= 500) failures.push(`${p} ${Object.keys(f).join(",").slice(0, 60)} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers a request body that is not a form with a 4xx", async () => {
    const res = await admin.request("POST", "/kelola/inovasi/baru", new URLSearchParams("a=%ZZ"), { "x-csrf-token": await admin.csrf() });
    expect(res.status).toBeLessThan(500);
    const garbage = await admin.request("POST", "/kelola/pengguna", "\u0000\u0001" as unknown as URLSearchParams, {
      "content-type": "multipart/form-data; boundary=zz",
      "x-csrf-token": await admin.csrf(),
    });
    expect(garbage.status).toBeLessThan(500);
  });
});
