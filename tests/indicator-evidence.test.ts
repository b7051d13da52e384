// Evidence attached to each claim (PROGRAMME.md, "Weak evidence"): an indicator row of the
// register names one of the innovation's own evidence files, the public page and the open data
// link it, and removing the file clears the link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import { COMPLETE_ENTRY, MINI_PDF, fileOf } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser, createUnit } from "../app/db/factories.server";
import { innovationFiles, innovations } from "../app/db/schema";

let database: Database;
let newClient: () => Client;
let op: Client;
let ad: Client;
const ids: Record<string, number> = {};

const html = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "").replaceAll("&quot;", '"');
const idFrom = (location: string | null) => Number(location?.match(/\/kelola\/inovasi\/(\d+)/)?.[1]);

function form(fields: Record<string, string | string[]>, evidence: File[] = []) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) (Array.isArray(v) ? v : [v]).forEach((x) => f.append(k, x));
  evidence.forEach((p) => f.append("evidence", p));
  return f;
}

const stored = async (id: number) => (await database.db.select().from(innovations).where(eq(innovations.id, id)))[0];
const evidenceOf = async (id: number) => (await database.db.select().from(innovationFiles).where(eq(innovationFiles.innovationId, id)))[0];

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const agency = await createAgency(database.db, { name: "Pemerintah Kabupaten Bukti" });
  const unit = await createUnit(database.db, { agencyId: agency.id, name: "Dinas Bukti" });
  const operator = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, unitId: unit.id });
  const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
  op = newClient();
  await op.login(operator.email, operator.password);
  ad = newClient();
  await ad.login(admin.email, admin.password);
  for (const key of ["mine", "other"]) {
    const res = await op.post("/kelola/inovasi/baru", form({ ...COMPLETE_ENTRY, name: `Inovasi ${key}` }, [fileOf(Buffer.concat([MINI_PDF, Buffer.from(`%${key}`)]), `laporan-${key}.pdf`, "application/pdf")]));
    expect(res.status).toBe(302);
    ids[key] = idFrom(res.headers.get("location"));
    ids[`${key}File`] = (await evidenceOf(ids[key])).id;
  }
});
afterAll(async () => database?.close());

describe("an indicator's evidence", () => {
  it("offers the innovation's own evidence files on each indicator row", async () => {
    const page = await html(await op.get(`/kelola/inovasi/${ids.mine}`));
    expect(page).toContain('name="indicator_evidence"');
    expect(page).toContain(`<option value="${ids.mineFile}">laporan-mine.pdf</option>`);
    expect(page).not.toContain("laporan-other.pdf");
  });

  it("refuses another innovation's file on that row, keeping what was typed", async () => {
    const version = String((await stored(ids.mine)).version);
    const res = await op.post(
      `/kelola/inovasi/${ids.mine}`,
      form({ ...COMPLETE_ENTRY, name: "Inovasi mine", indicator_name: ["Rata-rata waktu jawab", "Pengaduan selesai"], indicator_before: ["14", "40"], indicator_after: ["3", "95"], indicator_unit: ["hari", "persen"], indicator_source: ["Laporan bulanan", "Rekap"], indicator_evidence: [String(ids.mineFile), String(ids.otherFile)], version, _intent: "save" }),
    );
    expect(res.status).toBe(400);
    const page = await html(res);
    // The second row is named, not the first.
    expect(page).toContain('href="#f-indicators-1"');
    expect(page).not.toContain('href="#f-indicators-0"');
    expect(page).toContain("Pilih salah satu dokumen bukti inovasi ini sebagai bukti indikator.");
    expect(page).toContain('value="Pengaduan selesai"');
    expect((await stored(ids.mine)).indicators).toHaveLength(1);

    // A value that is no id at all is refused the same way, never a server error.
    const junk = await op.post(`/kelola/inovasi/${ids.mine}`, form({ ...COMPLETE_ENTRY, name: "Inovasi mine", indicator_evidence: "abc", version, _intent: "save" }));
    expect(junk.status).toBe(400);
    expect(await html(junk)).toContain('href="#f-indicators-0"');
  });

  it("stores its own file, and the public page, the API and the open data link it", async () => {
    const version = String((await stored(ids.mine)).version);
    const res = await op.post(`/kelola/inovasi/${ids.mine}`, form({ ...COMPLETE_ENTRY, name: "Inovasi mine", indicator_evidence: String(ids.mineFile), version, _intent: "submit" }));
    expect(res.status).toBe(302);
    expect((await stored(ids.mine)).indicators).toEqual([{ name: "Rata-rata waktu jawab", before: "14", after: "3", unit: "hari", source: "Laporan bulanan", evidenceFileId: ids.mineFile }]);
    expect((await ad.post(`/kelola/inovasi/${ids.mine}`, { _intent: "publish" })).status).toBe(302);
    const slug = (await stored(ids.mine)).slug;

    const anon = newClient();
    const page = await html(await anon.get(`/inovasi/${slug}`));
    expect(page).toMatch(new RegExp(`<a href="/berkas/${ids.mineFile}"[^>]*>bukti: laporan-mine.pdf</a>`));

    const api = (await (await anon.get(`/api/v1/innovations/${ids.mine}`)).json()) as { data: { indicators: unknown[] } };
    expect(api.data.indicators).toEqual([expect.objectContaining({ name: "Rata-rata waktu jawab", evidenceFileId: ids.mineFile })]);

    const csv = await anon.get("/data-terbuka/inovasi.csv");
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => Number(r.id) === ids.mine)!;
    const [indicator] = JSON.parse(row.indicators);
    // The open data gives the file's public address, not the internal id.
    expect(indicator.evidenceUrl).toMatch(new RegExp(`/berkas/${ids.mineFile}$`));
    expect(indicator).not.toHaveProperty("evidenceFileId");
  });

  it("is cleared when the file is removed, moving the version on", async () => {
    const before = await stored(ids.mine);
    // The entry is published: the agency's admin edits it.
    const res = await ad.post(`/kelola/inovasi/${ids.mine}`, { _intent: "removeFile", fileId: String(ids.mineFile) });
    expect(res.status).toBe(302);
    // The one removing it is told which claims lost their proof.
    const told = await html(await ad.get(res.headers.get("location")!));
    expect(told).toContain("1 indikator yang memakai berkas itu sebagai bukti kini tanpa bukti");
    const after = await stored(ids.mine);
    expect(after.indicators).toEqual([{ name: "Rata-rata waktu jawab", before: "14", after: "3", unit: "hari", source: "Laporan bulanan" }]);
    expect(after.version).toBe(before.version + 1);
    const page = await html(await newClient().get(`/inovasi/${after.slug}`));
    expect(page).not.toContain("bukti: laporan-mine.pdf");
    // A form opened before the removal, still naming the file, is refused on its row.
    const stale = await ad.post(`/kelola/inovasi/${ids.mine}`, form({ ...COMPLETE_ENTRY, name: "Inovasi mine", indicator_evidence: String(ids.mineFile), version: String(after.version), _intent: "save" }));
    expect(stale.status).toBe(400);
    expect(await html(stale)).toContain('href="#f-indicators-0"');
    // The other innovation's link, if any, is untouched: only this file's references go.
    expect((await evidenceOf(ids.other)).id).toBe(ids.otherFile);
  });
});
