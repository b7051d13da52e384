// The demo's yearly check-ins: most published innovations were confirmed running last year, some
// already this year, a few have stopped; the rest are due, so each demo agency has work to do.
// Deterministic (the seeded PRNG), as all demo data.
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, innovationCheckIns, innovations, units } from "~/db/schema";
import { jakartaYear, jakartaYearBounds } from "~/modules/compliance/year";
import { createRng } from "./prng";
import { BANYUMAS } from "./plan";

const RUNNING = [
  "Layanan berjalan sepanjang tahun dengan anggaran rutin dinas. Jumlah warga yang dilayani naik dibanding tahun lalu dan petugas baru sudah dilatih.",
  "Masih berjalan setiap pekan. Tahun ini layanan diperluas ke dua kecamatan lagi dan prosedurnya ditetapkan dalam SOP kepala dinas.",
  "Berjalan seperti biasa; pengaduan warga dijawab rata-rata dalam dua hari kerja. Laporan bulanan disampaikan ke Bappeda.",
  "Tetap berjalan dan kini didukung peraturan bupati. Dua desa tetangga mulai meniru cara kerjanya setelah studi tiru.",
];
const STOPPED = [
  "Berhenti karena anggaran pemeliharaan aplikasi tidak lagi tersedia dan layanannya digabung ke Mal Pelayanan Publik.",
  "Dihentikan setelah petugas penggeraknya dimutasi dan tidak ada pengganti; layanan kembali dilakukan secara manual.",
];

export async function seedDemoCheckIns(db: Db, now: Date) {
  const year = jakartaYear(now);
  const rng = createRng(2026_11_25);
  const rows = await db
    .select({ id: innovations.id, agencyId: innovations.agencyId, unitName: units.name, website: agencies.website, agencySlug: agencies.slug })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .leftJoin(units, eq(units.id, innovations.unitId))
    .where(and(eq(innovations.state, "published"), lt(innovations.publishedAt, jakartaYearBounds(year).from), sql`${innovations.status} <> 'berhenti'`))
    .orderBy(innovations.id);
  // Early in a year few answers can have been given yet: nothing is dated after yesterday.
  const past = (d: Date) => new Date(Math.min(d.getTime(), now.getTime() - 86_400_000));
  const evidenceUrl = (website: string | null) => (website && /^https:\/\//.test(website) ? website : null);
  const values: (typeof innovationCheckIns.$inferInsert)[] = [];
  const stopped: number[] = [];
  for (const r of rows) {
    // The demo operator of Banyumas's public-works office finds its own innovations due.
    const dpu = r.agencySlug === BANYUMAS && r.unitName === "Dinas Pekerjaan Umum";
    if (rng.chance(0.7)) {
      values.push({ innovationId: r.id, year: year - 1, outcome: "running", note: rng.pick(RUNNING), evidenceUrl: evidenceUrl(r.website) ?? "https://www.menpan.go.id/", recordedAt: new Date(Date.UTC(year - 1, rng.int(1, 10), rng.int(1, 28), 3)) });
    }
    if (dpu) continue;
    const roll = rng.next();
    if (roll < 0.03) {
      values.push({ innovationId: r.id, year, outcome: "stopped", note: rng.pick(STOPPED), stoppedOn: past(new Date(Date.UTC(year, rng.int(0, 5), 15))).toISOString().slice(0, 10), recordedAt: past(new Date(Date.UTC(year, 6, rng.int(1, 28), 3))) });
      stopped.push(r.id);
    } else if (roll < 0.45) {
      values.push({ innovationId: r.id, year, outcome: "running", note: rng.pick(RUNNING), evidenceUrl: evidenceUrl(r.website) ?? "https://www.menpan.go.id/", recordedAt: past(new Date(Date.UTC(year, rng.int(0, 9), rng.int(1, 28), 3))) });
    }
  }
  if (values.length) await db.insert(innovationCheckIns).values(values);
  for (const id of stopped) await db.update(innovations).set({ status: "berhenti" }).where(eq(innovations.id, id));
  return { checkIns: values.length, stopped: stopped.length };
}
