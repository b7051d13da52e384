// The authorization table: every route of app/routes.ts, for GET and (where it has an action)
// POST, against every role. A route missing from the table fails the test, so no new page can
// ship without someone deciding who may use it.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "../app/routes";
import { AUTOSAVE_PATH } from "../app/modules/proposals/autosave";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import { PNG_1PX } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser, createUnit } from "../app/db/factories.server";
import { assignments, awards, events, innovationFiles, outbox, presentationSlots, proposalFiles, proposals, visitRequests } from "../app/db/schema";

const ROLES = ["anonymous", "operatorA", "operatorB", "agencyAdmin", "head", "evaluator", "panelist", "admin"] as const;
type Who = (typeof ROLES)[number];
const EVERYONE: Who[] = [...ROLES];
const SIGNED_IN: Who[] = ROLES.filter((r) => r !== "anonymous");
const AGENCY_A_STAFF: Who[] = ["operatorA", "agencyAdmin", "head", "admin"];
const REGISTER_USERS: Who[] = ["operatorA", "operatorB", "agencyAdmin", "head", "admin"];

/** Who is allowed; everyone else must get 401, 403 or 404. "404" means a 404 for everyone. */
type Rule = Who[] | "404";
type Entry = { path: string; get?: Rule; post?: Rule; postFields?: Record<string, string> };

// Paths use fixture values: {draft} is agency A's draft innovation, {pub} a published one.
const TABLE: Record<string, Entry> = {
  "routes/home": { path: "/", get: EVERYONE },
  "routes/catalogue": { path: "/inovasi", get: EVERYONE },
  "routes/innovation": { path: "/inovasi/{pubSlug}", get: EVERYONE },
  "routes/agencies": { path: "/instansi", get: EVERYONE },
  "routes/agency": { path: "/instansi/{agencySlug}", get: EVERYONE },
  "routes/agency-exhibition": { path: "/instansi/{agencySlug}/pameran", get: EVERYONE },
  "routes/agency-print": { path: "/instansi/{agencySlug}/cetak", get: EVERYONE },
  "routes/province": { path: "/wilayah/33", get: EVERYONE },
  "routes/file": { path: "/berkas/{draftFile}", get: AGENCY_A_STAFF },
  "routes/events": { path: "/acara", get: EVERYONE },
  "routes/event": { path: "/acara/{eventSlug}", get: EVERYONE, post: ["operatorA", "operatorB", "agencyAdmin", "head"] },
  // The reminder to the agencies behind is the secretariat's.
  "routes/compliance": { path: "/kepatuhan", get: EVERYONE, post: ["admin"], postFields: { _intent: "remind" } },
  "routes/sustainability": { path: "/keberlanjutan", get: EVERYONE },
  // The files' refresh out of the nightly turn is the secretariat's (see INTENT_TABLE).
  "routes/open-data": { path: "/data-terbuka", get: EVERYONE, post: ["admin"] },
  "routes/open-data-file": { path: "/data-terbuka/inovasi.csv", get: EVERYONE },
  "routes/robots": { path: "/robots.txt", get: EVERYONE },
  "routes/sitemap-index": { path: "/sitemap.xml", get: EVERYONE },
  "routes/sitemap": { path: "/sitemap/halaman.xml", get: EVERYONE },
  "routes/compliance-csv": { path: "/kepatuhan/unduh", get: EVERYONE },
  "routes/competitions": { path: "/kompetisi", get: EVERYONE },
  "routes/competition": { path: "/kompetisi/{announced}", get: EVERYONE },
  "routes/preferences": { path: "/preferensi", get: EVERYONE, post: EVERYONE, postFields: { lang: "en" } },
  "routes/login": { path: "/masuk", get: EVERYONE, post: EVERYONE },
  // Without a sign-in waiting for its code, both send the visitor back to the password.
  "routes/login-code": { path: "/masuk/kode", get: EVERYONE, post: EVERYONE, postFields: { code: "123456" } },
  "routes/logout": { path: "/keluar", get: EVERYONE, post: EVERYONE },
  "routes/forgot-password": { path: "/lupa-sandi", get: EVERYONE, post: EVERYONE },
  "routes/reset-password": { path: "/atur-ulang-sandi/bukan-token", get: EVERYONE, post: EVERYONE },
  "routes/accept-invitation": { path: "/undangan/bukan-token", get: EVERYONE, post: EVERYONE },
  "routes/confirm-email": { path: "/ganti-email/bukan-token", get: EVERYONE, post: EVERYONE },
  "routes/manage/layout": { path: "/kelola", get: SIGNED_IN },
  "routes/manage/broadcast": { path: "/kelola/kompetisi/kipp-buka/pesan?untuk=agencies", get: ["admin"], post: ["admin"], postFields: { audience: "agencies", subject: "" } },
  // A message is read by those it was sent to; one that does not exist, by nobody.
  "routes/manage/broadcast-view": { path: "/kelola/pesan/999999", get: [] },
  "routes/manage/dashboard": { path: "/kelola", get: SIGNED_IN },
  "routes/manage/innovations": { path: "/kelola/inovasi", get: REGISTER_USERS },
  "routes/manage/innovation-new": {
    path: "/kelola/inovasi/baru",
    get: ["operatorA", "operatorB", "agencyAdmin", "admin"],
    post: ["operatorA", "operatorB", "agencyAdmin", "admin"],
  },
  "routes/manage/innovation-edit": { path: "/kelola/inovasi/{draftId}", get: AGENCY_A_STAFF, post: ["operatorA", "agencyAdmin", "admin"], postFields: { name: "" } },
  "routes/manage/innovation-history": { path: "/kelola/inovasi/{draftId}/riwayat", get: AGENCY_A_STAFF },
  // The yearly check-in: the agency answers for its published entry (operator A is placed in
  // another unit than {pub}'s, so only Admin Lokal answers here); its people and the secretariat read.
  "routes/manage/innovation-check-in": { path: "/kelola/inovasi/{pubId}/pemutakhiran", get: AGENCY_A_STAFF, post: ["agencyAdmin"] },
  "routes/manage/check-ins": { path: "/kelola/pemutakhiran", get: REGISTER_USERS, post: ["admin"] },
  // Events: the secretariat runs them; an agency's people register its participants.
  // Site visits: another agency's people ask ({pubSlug} is agency A's), the host's people answer,
  // both sides and the secretariat read.
  "routes/manage/visits": { path: "/kelola/kunjungan", get: REGISTER_USERS },
  "routes/manage/visit-new": { path: "/kelola/kunjungan/baru?inovasi={pubSlug}", get: ["operatorB"], post: ["operatorB"] },
  "routes/manage/visit": { path: "/kelola/kunjungan/{visitId}", get: ["operatorA", "operatorB", "agencyAdmin", "head", "admin"], post: ["operatorA", "agencyAdmin", "head"] },
  "routes/manage/events": { path: "/kelola/acara", get: ["admin"], post: ["admin"] },
  "routes/manage/event": { path: "/kelola/acara/{eventSlug}", get: ["admin"], post: ["admin"] },
  "routes/manage/units": { path: "/kelola/unit?instansi={agencyId}", get: ["agencyAdmin", "admin"], post: ["agencyAdmin", "admin"] },
  "routes/manage/units-sample": { path: "/kelola/unit/contoh-unit.csv", get: ["agencyAdmin", "admin"] },
  "routes/manage/users": { path: "/kelola/pengguna", get: ["agencyAdmin", "admin"], post: ["agencyAdmin", "admin"] },
  "routes/manage/agencies": { path: "/kelola/instansi", get: ["admin"], post: ["admin"] },
  // One's own account: every signed-in person has one (its actions are tested in my-account.test.ts).
  "routes/manage/my-data": { path: "/kelola/akun/data.json", get: SIGNED_IN },
  "routes/manage/account": { path: "/kelola/akun", get: SIGNED_IN, post: SIGNED_IN, postFields: { _intent: "profile", name: "Pengguna Uji" } },
  "routes/manage/outbox": { path: "/kelola/kotak-keluar", get: ["agencyAdmin", "admin"], post: ["agencyAdmin", "admin"], postFields: { mailId: "{failedMail}" } },
  // The activity log and its CSV: the secretariat's whole log, Admin Lokal's own agency's.
  "routes/manage/activity-log": { path: "/kelola/log", get: ["agencyAdmin", "admin"] },
  "routes/manage/activity-log-csv": { path: "/kelola/log/unduh", get: ["agencyAdmin", "admin"] },
  "routes/manage/proposals": { path: "/kelola/proposal", get: REGISTER_USERS, post: ["operatorA", "operatorB", "agencyAdmin"] },
  "routes/manage/proposal": { path: "/kelola/proposal/{proposalId}", get: AGENCY_A_STAFF, post: ["operatorA", "agencyAdmin"] },
  "routes/manage/proposal-receipt": { path: "/kelola/proposal/{submittedProposal}/tanda-terima", get: AGENCY_A_STAFF },
  "routes/manage/proposal-file": { path: "/kelola/proposal/{proposalId}/berkas/{proposalFile}", get: AGENCY_A_STAFF },
  "routes/manage/screening": { path: "/kelola/kompetisi/kipp-buka/seleksi", get: ["admin"], post: ["admin"] },
  "routes/manage/screening-proposal": { path: "/kelola/kompetisi/kipp-buka/seleksi/{submittedProposal}", get: ["admin"], post: ["admin"] },
  "routes/manage/competitions": { path: "/kelola/kompetisi", get: ["admin"], post: ["admin"] },
  "routes/manage/competition": { path: "/kelola/kompetisi/{draftCompetition}", get: ["admin"], post: ["admin"] },
  "routes/manage/competition-part": { path: "/kelola/kompetisi/{draftCompetition}/atur/kategori", get: ["admin"], post: ["admin"] },
  "routes/manage/competition-criteria": { path: "/kelola/kompetisi/{draftCompetition}/tahap/2", get: ["admin"], post: ["admin"] },
  "routes/manage/judges": { path: "/kelola/kompetisi/kipp-buka/juri", get: ["admin"], post: ["admin"] },
  "routes/manage/invitations": { path: "/kelola/kompetisi/kipp-buka/undangan", get: ["admin"], post: ["admin"] },
  "routes/manage/conflicts": { path: "/kelola/kompetisi/kipp-buka/konflik", get: ["admin"], post: ["admin"] },
  "routes/manage/assignment": { path: "/kelola/kompetisi/kipp-buka/tahap/evaluasi/penugasan", get: ["admin"], post: ["admin"] },
  "routes/manage/plenary": { path: "/kelola/kompetisi/kipp-buka/tahap/evaluasi/pleno", get: ["admin"], post: ["admin"] },
  "routes/manage/reviews": { path: "/kelola/penilaian", get: ["evaluator", "panelist"] },
  // Only the judge assigned to the proposal (the evaluator of this table) reads and scores it.
  "routes/manage/review": { path: "/kelola/penilaian/kipp-buka/evaluasi/{submittedProposal}", get: ["evaluator"], post: ["evaluator"] },
  "routes/manage/presentation-schedule": { path: "/kelola/kompetisi/kipp-buka/tahap/presentasi/jadwal", get: ["admin"], post: ["admin"] },
  "routes/manage/presentation-slot": { path: "/kelola/presentasi/{slot}", get: ["operatorA", "agencyAdmin", "head", "admin"], post: ["agencyAdmin", "head"], postFields: { _intent: "confirm" } },
  "routes/manage/field-visits": { path: "/kelola/kompetisi/kipp-buka/tahap/verifikasi-lapangan/verifikasi", get: ["admin"], post: ["admin"] },
  // Only the visiting team (the evaluator of this table) writes the report; the secretariat reads it.
  "routes/manage/field-report": { path: "/kelola/verifikasi/kipp-buka/verifikasi-lapangan/{submittedProposal}", get: ["evaluator", "admin"], post: ["evaluator"] },
  "routes/manage/notifications": { path: "/kelola/notifikasi", get: SIGNED_IN, post: SIGNED_IN },
  "routes/manage/results": { path: "/kelola/kompetisi/kipp-buka/hasil", get: ["admin"], post: ["admin"] },
  "routes/manage/results-unpsa": { path: "/kelola/kompetisi/kipp-final/hasil/unpsa", get: ["admin"] },
  // Provisional results: the secretariat and the people of agencies that took part; only Admin
  // Lokal and the head object for the agency.
  "routes/manage/objections": { path: "/kelola/kompetisi/kipp-buka/keberatan", get: ["operatorA", "agencyAdmin", "head", "admin"], post: ["agencyAdmin", "head"] },
  "routes/manage/competition-report": { path: "/kelola/kompetisi/kipp-buka/laporan", get: ["admin"] },
  "routes/manage/competition-report-download": { path: "/kelola/kompetisi/kipp-buka/laporan/unduh?tabel=category&format=csv", get: ["admin"] },
  "routes/competition-results": { path: "/kompetisi/kipp-final/hasil", get: EVERYONE },
  "routes/certificate": { path: "/sertifikat/{certificate}", get: EVERYONE },
  "routes/certificate-pdf": { path: "/sertifikat/{certificate}/pdf", get: EVERYONE },
  "routes/api/competition-results": { path: "/api/v1/competitions/kipp-final/results", get: EVERYONE },
  "routes/api/certificate": { path: "/api/v1/certificates/{certificate}", get: EVERYONE },
  "routes/api/openapi": { path: "/api/v1/openapi.json", get: EVERYONE },
  "routes/api/innovations": { path: "/api/v1/innovations", get: EVERYONE },
  "routes/api/innovation": { path: "/api/v1/innovations/{pubId}", get: EVERYONE },
  "routes/api/agencies": { path: "/api/v1/agencies", get: EVERYONE },
  "routes/api/agency": { path: "/api/v1/agencies/{agencyId}", get: EVERYONE },
  "routes/api/regions": { path: "/api/v1/regions", get: EVERYONE },
  "routes/api/compliance": { path: "/api/v1/compliance", get: EVERYONE },
  "routes/api/sustainability": { path: "/api/v1/sustainability", get: EVERYONE },
  "routes/api/competitions": { path: "/api/v1/competitions", get: EVERYONE },
  "routes/api/competition": { path: "/api/v1/competitions/{announced}", get: EVERYONE },
  "routes/api/not-found": { path: "/api/v1/tidak-ada", get: "404" },
  "routes/not-found": { path: "/tidak-ada", get: "404" },
};

// Actions a route takes under another `_intent` than its plain POST, each with the same rules.
// {departing} is a unit operator of agency A whom no client of this table is signed in as.
const INTENT_TABLE: Record<string, Entry> = {
  "routes/manage/check-ins#auto": { path: "/kelola/pemutakhiran", post: ["admin"], postFields: { _intent: "auto", enabled: "", everyWeeks: "2", fromMonth: "7" } },
  "routes/manage/users#deactivate": { path: "/kelola/pengguna", post: ["agencyAdmin", "admin"], postFields: { _intent: "deactivate", userId: "{departing}" } },
  "routes/manage/users#reactivate": { path: "/kelola/pengguna", post: ["agencyAdmin", "admin"], postFields: { _intent: "reactivate", userId: "{departing}" } },
  "routes/manage/units#remove": { path: "/kelola/unit?instansi={agencyId}", post: ["agencyAdmin", "admin"], postFields: { _intent: "remove", unitId: "{unitA}" } },
  "routes/manage/users#placing": { path: "/kelola/pengguna?ubah={departing}", get: ["agencyAdmin", "admin"] },
  "routes/manage/users#findUnit": { path: "/kelola/pengguna", post: ["agencyAdmin", "admin"], postFields: { _intent: "findUnit", cariUnit: "dinas" } },
  "routes/manage/users#resetTwoStep": { path: "/kelola/pengguna", post: ["agencyAdmin", "admin"], postFields: { _intent: "resetTwoStep", userId: "{departing}" } },
  "routes/manage/account#twoStepBegin": { path: "/kelola/akun", post: SIGNED_IN, postFields: { _intent: "twoStepBegin" } },
  "routes/manage/account#recoveryCodes": { path: "/kelola/akun", post: SIGNED_IN, postFields: { _intent: "recoveryCodes", current: "salah" } },
  "routes/manage/users#setUnit": { path: "/kelola/pengguna", post: ["agencyAdmin", "admin"], postFields: { _intent: "setUnit", userId: "{departing}", unitId: "" } },
  // Closing the running stage early: the first post only asks for confirmation (nothing closes).
  "routes/manage/competition#closeStage": { path: "/kelola/kompetisi/kipp-buka", post: ["admin"], postFields: { _intent: "closeStage", stage: "registrasi" } },
  "routes/open-data#refresh": { path: "/data-terbuka", post: ["admin"], postFields: { _intent: "refresh" } },
  "routes/manage/results#withdraw": { path: "/kelola/kompetisi/kipp-buka/hasil", post: ["admin"], postFields: { _intent: "withdraw", withdrawReason: "Uji." } },
};

// What the server answers before the page router (server/app.ts), with the same rules.
const SERVER_TABLE: Record<string, Entry> = {
  [AUTOSAVE_PATH]: { path: "/kelola/proposal/{proposalId}/simpan-otomatis", post: ["operatorA", "agencyAdmin"], postFields: { code: "kebaruan", body: "Teks.", version: "1" } },
};

function flatten(entries: RouteConfigEntry[], out: { id: string; file: string }[] = []) {
  for (const e of entries) {
    out.push({ id: e.id ?? e.file.replace(/\.(tsx?|jsx?)$/, ""), file: e.file });
    if (e.children) flatten(e.children, out);
  }
  return out;
}
const ROUTES = flatten(routes as RouteConfigEntry[]);
const source = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../app", file), "utf8");
const hasExport = (file: string, name: string) => new RegExp(`export (const|async function|function) ${name}\\b`).test(source(file));

let database: Database;
const clients = {} as Record<Who, Client>;
const credentials = {} as Record<Who, { email: string; password: string }>;
const vars: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const agencyA = await createAgency(db, { name: "Pemerintah Kabupaten A" });
  const agencyB = await createAgency(db, { name: "Pemerintah Kabupaten B" });
  const unitA = await createUnit(db, { agencyId: agencyA.id });
  const draft = await createInnovation(db, { agencyId: agencyA.id, unitId: unitA.id, state: "draft", name: "Draf Rahasia" });
  const pub = await createInnovation(db, { agencyId: agencyA.id, name: "Inovasi Terbuka" });
  const [file] = await db
    .insert(innovationFiles)
    .values({ innovationId: draft.id, kind: "photo", filename: "f.png", mime: "image/png", size: PNG_1PX.length, sha256: "x", data: new Uint8Array(PNG_1PX) })
    .returning();
  const announced = await createCompetition(db, { state: "announced", slug: "kipp-umum" });
  const draftCompetition = await createCompetition(db, { slug: "kipp-draf" });
  const open = await createCompetition(db, { slug: "kipp-buka", state: "announced", registrationClosesInDays: 30 });
  const [proposal] = await db
    .insert(proposals)
    .values({ competitionId: open.id, innovationId: pub.id, agencyId: agencyA.id, unitId: unitA.id, groupCode: "umum", categoryCode: "kesehatan", title: "Proposal A" })
    .returning();
  const pub2 = await createInnovation(db, { agencyId: agencyA.id, name: "Inovasi Terkirim" });
  const [submitted] = await db
    .insert(proposals)
    .values({ competitionId: open.id, innovationId: pub2.id, agencyId: agencyA.id, groupCode: "umum", categoryCode: "kesehatan", title: "Proposal B", state: "submitted", receiptNumber: "KIPP-BUKA-00001", submittedAt: new Date() })
    .returning();
  const [pfile] = await db
    .insert(proposalFiles)
    .values({ proposalId: proposal.id, slot: "signifikansi", filename: "bukti.png", mime: "image/png", size: PNG_1PX.length, sha256: "y", data: new Uint8Array(PNG_1PX) })
    .returning();
  Object.assign(vars, {
    announced: announced.slug,
    draftCompetition: draftCompetition.slug,
    proposalId: String(proposal.id),
    submittedProposal: String(submitted.id),
    proposalFile: String(pfile.id),
    draftId: String(draft.id),
    draftFile: String(file.id),
    pubSlug: pub.slug,
    pubId: String(pub.id),
    agencySlug: agencyA.slug,
    agencyId: String(agencyA.id),
  });
  const users = {
    operatorA: await createTestUser(db, { role: "unit_operator", agencyId: agencyA.id, unitId: unitA.id }),
    operatorB: await createTestUser(db, { role: "unit_operator", agencyId: agencyB.id }),
    agencyAdmin: await createTestUser(db, { role: "agency_admin", agencyId: agencyA.id }),
    head: await createTestUser(db, { role: "agency_head", agencyId: agencyA.id }),
    evaluator: await createTestUser(db, { role: "evaluator" }),
    panelist: await createTestUser(db, { role: "panelist" }),
    admin: await createTestUser(db, { role: "national_admin" }),
  };
  // In use by operator A: its removal is refused (409), which still shows who may ask.
  vars.unitA = String(unitA.id);
  const departing = await createTestUser(db, { role: "unit_operator", agencyId: agencyA.id });
  vars.departing = String(departing.id);
  // A mail the mail server refused, to one of agency A's people: in its Admin Lokal's outbox.
  const [failedMail] = await db
    .insert(outbox)
    .values({ toAddress: departing.email, subject: "Uji", bodyText: "Uji.", kind: "test", status: "failed", attempts: 1, lastError: "550 No such user" })
    .returning();
  vars.failedMail = String(failedMail.id);
  await db.insert(assignments).values({ competitionId: open.id, stageCode: "evaluasi", proposalId: submitted.id, judgeId: users.evaluator.id });
  await db.insert(assignments).values({ competitionId: open.id, stageCode: "verifikasi-lapangan", proposalId: submitted.id, judgeId: users.evaluator.id });
  const [slot] = await db
    .insert(presentationSlots)
    .values({ competitionId: open.id, stageCode: "presentasi", proposalId: submitted.id, startsAt: new Date(Date.now() + 10 * 86_400_000), location: "https://rapat.example.go.id/a", notifiedAt: new Date() })
    .returning();
  vars.slot = String(slot.id);
  // A published edition with one award and its certificate.
  const final = await createCompetition(db, { slug: "kipp-final", state: "final" });
  const [won] = await db
    .insert(proposals)
    .values({ competitionId: final.id, innovationId: pub.id, agencyId: agencyA.id, groupCode: "umum", categoryCode: "kesehatan", title: "Proposal Juara", state: "submitted" })
    .returning();
  await db.insert(awards).values({ competitionId: final.id, proposalId: won.id, innovationId: pub.id, agencyId: agencyA.id, tierCode: "top-45", certificateCode: "ABCD-EFGH-JK23" });
  vars.certificate = "ABCD-EFGH-JK23";
  // An announced event open to every agency, registration open for a month.
  const [event] = await db
    .insert(events)
    .values({ slug: "coaching-clinic-uji", kind: "coaching_clinic", title: "Coaching Clinic Uji", place: "Jakarta", startsAt: new Date(Date.now() + 40 * 86_400_000), endsAt: new Date(Date.now() + 41 * 86_400_000), registrationClosesAt: new Date(Date.now() + 30 * 86_400_000), publishedAt: new Date() })
    .returning();
  vars.eventSlug = event.slug;
  // A site visit agency B asked of agency A's published innovation, waiting for an answer.
  const [visit] = await db
    .insert(visitRequests)
    .values({ innovationId: pub.id, hostAgencyId: agencyA.id, visitorAgencyId: agencyB.id, preferredOn: "2099-01-10", participants: 5, purpose: "Mempelajari cara kerja layanan ini." })
    .returning();
  vars.visitId = String(visit.id);
  clients.anonymous = newClient();
  for (const [who, u] of Object.entries(users)) {
    const c = newClient();
    await c.login(u.email, u.password);
    clients[who as Who] = c;
    credentials[who as Who] = u;
  }
});
afterAll(async () => database?.close());

const fill = (p: string) => p.replace(/\{(\w+)\}/g, (_, k: string) => vars[k]);

describe("the authorization table", () => {
  it("lists every route, with every method the route answers", () => {
    const missing = ROUTES.filter((r) => !TABLE[r.id]).map((r) => r.id);
    expect(missing, "routes without an authorization rule").toEqual([]);
    for (const r of ROUTES) {
      if (hasExport(r.file, "loader")) expect(TABLE[r.id].get, `${r.id} GET`).toBeDefined();
      if (hasExport(r.file, "action")) expect(TABLE[r.id].post, `${r.id} POST`).toBeDefined();
    }
    const unknown = Object.keys(TABLE).filter((id) => !ROUTES.some((r) => r.id === id));
    expect(unknown, "table rows for routes that no longer exist").toEqual([]);
    // The server's own endpoints: each registered one has its row.
    const registered = [...fs.readFileSync(path.resolve(import.meta.dirname, "../server/app.ts"), "utf8").matchAll(/\bapp\.(get|post|put|patch|delete)\(/g)];
    expect(registered.length, "endpoints of server/app.ts").toBe(Object.keys(SERVER_TABLE).length);
  });

  for (const [id, entry] of [...Object.entries(TABLE), ...Object.entries(INTENT_TABLE), ...Object.entries(SERVER_TABLE)]) {
    for (const method of ["get", "post"] as const) {
      const rule = entry[method];
      if (!rule) continue;
      it(`${method.toUpperCase()} ${entry.path} (${id})`, async () => {
        const results: string[] = [];
        for (const who of ROLES) {
          const c = clients[who];
          const url = fill(entry.path);
          const fields = Object.fromEntries(Object.entries(entry.postFields ?? {}).map(([k, v]) => [k, fill(v)]));
          const res = method === "get" ? await c.get(url) : await c.post(url, fields);
          // Logging out ends the shared session: log back in for the routes after this one.
          if (id === "routes/logout" && method === "post" && who !== "anonymous") await c.login(credentials[who].email, credentials[who].password);
          const allowed = rule !== "404" && rule.includes(who);
          const ok =
            rule === "404"
              ? res.status === 404
              : allowed
                ? res.status < 500 && ![401, 403, 404].includes(res.status)
                : [401, 403, 404].includes(res.status);
          if (!ok) results.push(`${who}: got ${res.status}, expected ${rule === "404" ? "404" : allowed ? "allowed" : "denied"}`);
        }
        expect(results).toEqual([]);
      });
    }
  }
});

// Words a plain object answers from Object.prototype: sent where a route looks a key up in a
// table (`_intent`, `?pesan=`, a search word, a format), each must get an answer, never a 500.
const PROTOTYPE_WORDS = ["constructor", "__proto__", "toString", "hasOwnProperty"];

describe("keys from Object.prototype", () => {
  const entries = [...Object.entries(TABLE), ...Object.entries(INTENT_TABLE)].filter(([id]) => id !== "routes/logout");
  for (const method of ["get", "post"] as const) {
    it(`never make a ${method.toUpperCase()} fail with a 500`, async () => {
      const failures: string[] = [];
      for (const [id, entry] of entries) {
        if (!entry[method]) continue;
        for (const who of ["admin", "agencyAdmin", "operatorA"] as const) {
          for (const word of PROTOTYPE_WORDS) {
            const url = fill(entry.path);
            let res: Response;
            if (method === "get") {
              const query = ["pesan", "q", "cari", "_intent", "format", "sort", "urut", "tahun", "tab"].map((k) => `${k}=${word}`).join("&");
              res = await clients[who].get(`${url}${url.includes("?") ? "&" : "?"}${query}`);
            } else {
              const fields = Object.fromEntries(Object.entries(entry.postFields ?? {}).map(([k, v]) => [k, fill(v)]));
              res = await clients[who].post(url, { ...fields, _intent: word });
            }
            if (res.status >= 500) failures.push(`${method.toUpperCase()} ${url} (${id}) as ${who} with ${word}: ${res.status}`);
          }
        }
      }
      expect(failures).toEqual([]);
      // About a thousand requests (every route, three roles, four words): more than the default
      // per-test budget on a loaded 2-core machine.
    }, 180_000);
  }
});
