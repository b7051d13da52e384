// The demo's events: a regional coaching-clinic batch open for registration (batch 6 of 2017's
// series: the Sulawesi provinces and East Kalimantan, in WITA), a national replication forum, and
// last batch for Java, past, with its attendance recorded, and a small workshop already full, with
// one participant on its waiting list.
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, eventRegistrations, events, users } from "~/db/schema";
import { BANYUMAS } from "./plan";

const DAY = 86_400_000;
// A day at an hour in a zone: the demo's times are whole hours where the event takes place.
const at = (now: Date, days: number, hour: number, offset: number) => {
  const d = new Date(now.getTime() + days * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour - offset));
};

export async function seedDemoEvents(db: Db, now: Date) {
  const year = now.getUTCFullYear();
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@menpan.demo"));
  const inserted = await db
    .insert(events)
    .values([
      {
        slug: `coaching-clinic-kipp-angkatan-6-${year}`,
        kind: "coaching_clinic",
        title: "Coaching Clinic KIPP Angkatan 6: Sulawesi dan Kalimantan Timur",
        description:
          "Pendampingan menulis proposal KIPP: memilih inovasi yang siap dikompetisikan, menuliskan kebaruan dan manfaat dengan bukti, menyusun indikator sebelum dan sesudah, dan menjelaskan keberlanjutannya. Bawa satu inovasi instansi Anda beserta data capaiannya.",
        batch: "Angkatan 6",
        provinceCodes: ["64", "71", "72", "73", "74", "75", "76"],
        timeZone: "WITA",
        startsAt: at(now, 21, 8, 8),
        endsAt: at(now, 22, 16, 8),
        registrationClosesAt: at(now, 14, 23, 8),
        place: "Kantor Gubernur Sulawesi Selatan, Jl. Urip Sumoharjo No. 269, Makassar",
        capacity: 120,
        publishedAt: now,
        createdBy: admin?.id ?? null,
      },
      {
        slug: `forum-replikasi-mal-pelayanan-publik-${year}`,
        kind: "replication_forum",
        title: "Forum Replikasi Mal Pelayanan Publik",
        description:
          "Surabaya, DKI Jakarta, dan Banyuwangi berbagi cara membangun Mal Pelayanan Publik: perizinan satu pintu, antrean daring, dan kerja sama dengan instansi vertikal. Terbuka untuk pemerintah daerah yang sedang merencanakan replikasi.",
        provinceCodes: [],
        timeZone: "WIB",
        startsAt: at(now, 35, 9, 7),
        endsAt: at(now, 35, 15, 7),
        registrationClosesAt: at(now, 28, 23, 7),
        place: "Mal Pelayanan Publik Siola, Jl. Tunjungan No. 1-3, Surabaya",
        capacity: 200,
        publishedAt: now,
        createdBy: admin?.id ?? null,
      },
      {
        slug: `coaching-clinic-kipp-angkatan-1-${year}`,
        kind: "coaching_clinic",
        title: "Coaching Clinic KIPP Angkatan 1: Jawa",
        description: "Angkatan pertama coaching clinic tahun ini, untuk instansi di Pulau Jawa.",
        batch: "Angkatan 1",
        provinceCodes: ["31", "32", "33", "34", "35", "36"],
        timeZone: "WIB",
        startsAt: at(now, -60, 8, 7),
        endsAt: at(now, -59, 16, 7),
        registrationClosesAt: at(now, -67, 23, 7),
        place: "Gedung Kementerian PANRB, Jl. Jenderal Sudirman Kav. 69, Jakarta",
        capacity: 150,
        publishedAt: new Date(now.getTime() - 90 * DAY),
        createdBy: admin?.id ?? null,
      },
      {
        // Small on purpose, and full: its waiting list shows how a freed place moves up.
        slug: `lokakarya-indikator-kinerja-layanan-${year}`,
        kind: "workshop",
        title: "Lokakarya Menyusun Indikator Kinerja Layanan",
        description: "Lokakarya kecil untuk merumuskan indikator sebelum dan sesudah inovasi yang dapat diukur. Tempat terbatas: bila penuh, pendaftar masuk daftar tunggu.",
        provinceCodes: [],
        timeZone: "WIB",
        startsAt: at(now, 28, 9, 7),
        endsAt: at(now, 28, 15, 7),
        registrationClosesAt: at(now, 21, 23, 7),
        place: "Kantor Kementerian PANRB, Jl. Jenderal Sudirman Kav. 69, Jakarta",
        capacity: 2,
        publishedAt: now,
        createdBy: admin?.id ?? null,
      },
    ])
    .returning({ id: events.id, slug: events.slug });
  const [banyumas] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, BANYUMAS));
  const past = inserted[2];
  const forum = inserted[1];
  if (banyumas && past && forum) {
    await db.insert(eventRegistrations).values([
      { eventId: past.id, agencyId: banyumas.id, name: "Dwi Handayani", position: "Admin Lokal", email: "admin@banyumaskab.demo", registeredAt: new Date(now.getTime() - 75 * DAY), attended: true },
      { eventId: past.id, agencyId: banyumas.id, name: "Agus Setiawan", position: "Operator DPU", email: "operator.dpu@banyumaskab.demo", registeredAt: new Date(now.getTime() - 74 * DAY), attended: false },
      { eventId: forum.id, agencyId: banyumas.id, name: "Dwi Handayani", position: "Admin Lokal", email: "admin@banyumaskab.demo", registeredAt: new Date(now.getTime() - DAY) },
    ]);
  }
  const workshop = inserted[3];
  const [registrar] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@banyumaskab.demo"));
  if (banyumas && workshop) {
    const registeredBy = registrar?.id ?? null;
    await db.insert(eventRegistrations).values([
      { eventId: workshop.id, agencyId: banyumas.id, name: "Dwi Handayani", position: "Admin Lokal", email: "admin@banyumaskab.demo", registeredBy, registeredAt: new Date(now.getTime() - 3 * DAY) },
      { eventId: workshop.id, agencyId: banyumas.id, name: "Agus Setiawan", position: "Operator DPU", email: "operator.dpu@banyumaskab.demo", registeredBy, registeredAt: new Date(now.getTime() - 3 * DAY + 3_600_000) },
      // The two places are taken: the third waits first in line.
      { eventId: workshop.id, agencyId: banyumas.id, name: "Sri Rahayu", position: "Kepala Bagian Organisasi", email: "sri.rahayu@banyumaskab.demo", registeredBy, registeredAt: new Date(now.getTime() - 2 * DAY), waiting: true },
    ]);
  }
}
