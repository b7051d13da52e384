// The demo's site visits: Banyumas has asked to learn from Surabaya's Mal Pelayanan Publik
// (waiting for Surabaya's answer), and Sragen's poverty-service unit received Banyumas last year
// (recorded by Banyumas as held, with what its people learnt).
import { eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, innovations, visitRequests } from "~/db/schema";
import { BANYUMAS } from "./plan";

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoVisits(db: Db, now: Date) {
  const [banyumas] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, BANYUMAS));
  const hosts = await db
    .select({ id: innovations.id, slug: innovations.slug, agencyId: innovations.agencyId })
    .from(innovations)
    .where(inArray(innovations.slug, ["mal-pelayanan-publik-surabaya", "uptpk-sragen"]));
  const mpp = hosts.find((h) => h.slug === "mal-pelayanan-publik-surabaya");
  const sragen = hosts.find((h) => h.slug === "uptpk-sragen");
  if (!banyumas || !mpp || !sragen) return;
  await db.insert(visitRequests).values([
    {
      innovationId: mpp.id,
      hostAgencyId: mpp.agencyId,
      visitorAgencyId: banyumas.id,
      preferredOn: isoDay(new Date(now.getTime() + 30 * DAY)),
      participants: 8,
      purpose: "Mempelajari penataan loket bersama instansi vertikal, antrean daring, dan dasar hukum Mal Pelayanan Publik untuk rencana MPP Kabupaten Banyumas.",
      createdAt: new Date(now.getTime() - 2 * DAY),
    },
    {
      innovationId: sragen.id,
      hostAgencyId: sragen.agencyId,
      visitorAgencyId: banyumas.id,
      preferredOn: isoDay(new Date(now.getTime() - 200 * DAY)),
      participants: 6,
      purpose: "Belajar cara kerja unit layanan terpadu penanggulangan kemiskinan: satu pintu untuk pengaduan dan rujukan bantuan sosial.",
      state: "accepted",
      agreedOn: isoDay(new Date(now.getTime() - 195 * DAY)),
      answer: "Diterima di kantor UPTPK, pukul 09.00 WIB.",
      answeredAt: new Date(now.getTime() - 210 * DAY),
      // Recorded by Banyumas on coming back: this is what counts the visit on Sragen's page.
      held: true,
      attendees: 5,
      learned:
        "Satu pintu untuk pengaduan warga miskin: formulir tunggal, rujukan langsung ke dinas terkait, dan basis data terpadu yang diperbarui tiap bulan. Banyumas akan mencoba pola rujukannya di dua kecamatan lebih dulu.",
      outcomeRecordedAt: new Date(now.getTime() - 193 * DAY),
      createdAt: new Date(now.getTime() - 215 * DAY),
    },
  ]);
}
