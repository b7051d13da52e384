// The special group by invitation, through the app: the secretariat sees earlier winners with
// their years in operation, invites one (its agency is told), the invited agency enters it in
// that group while an uninvited one is refused at the start and at the endorsement, and an
// invitation is withdrawable until the proposal is submitted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { auditLog, awards, groupInvitations, notifications, outbox, proposals } from "../app/db/schema";

const OPEN = "kipp-undangan";
const PAGE = `/kelola/kompetisi/${OPEN}/undangan`;
let database: Database;
const ids: Record<string, number> = {};
const clients: Record<string, Client> = {};
const html = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "").replaceAll("&quot;", '"');

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const { newClient } = await testClient(database);
  // Last-but-one edition, published, with two winners: one running since 2015, one since 2024.
  const past = await createCompetition(db, { edition: 2019, slug: "kipp-2019-uji", state: "final" });
  const open = await createCompetition(db, { slug: OPEN, state: "announced", registrationClosesInDays: 10 });
  ids.open = open.id;
  const veteranAgency = await createAgency(db, { name: "Kabupaten Veteran" });
  const youngAgency = await createAgency(db, { name: "Kota Muda" });
  ids.veteranAgency = veteranAgency.id;
  const veteran = await createInnovation(db, { agencyId: veteranAgency.id, name: "Sapa Warga Lama", startedOn: "2015-02-01" });
  const young = await createInnovation(db, { agencyId: youngAgency.id, name: "Layanan Baru Sekali", startedOn: "2024-06-01" });
  ids.veteran = veteran.id;
  ids.young = young.id;
  // A winner whose agency has nobody in Lumbung yet.
  const unstaffed = await createInnovation(db, { agencyId: (await createAgency(db, { name: "Kabupaten Tanpa Akun" })).id, name: "Posyandu Lansia Lama", startedOn: "2016-01-01" });
  ids.unstaffed = unstaffed.id;
  for (const [i, tier] of [[veteran, "top-45"], [young, "top-99"], [unstaffed, "top-99"]] as const) {
    const [p] = await db
      .insert(proposals)
      .values({ competitionId: past.id, innovationId: i.id, agencyId: i.agencyId, groupCode: "umum", categoryCode: "kesehatan", title: i.name, state: "submitted", receiptNumber: `P-${i.id}`, submittedAt: new Date() })
      .returning();
    await db.insert(awards).values({ competitionId: past.id, proposalId: p.id, innovationId: i.id, agencyId: i.agencyId, tierCode: tier });
  }
  const people = {
    admin: await createTestUser(db, { role: "national_admin" }),
    veteranAdmin: await createTestUser(db, { role: "agency_admin", agencyId: veteranAgency.id }),
    veteranHead: await createTestUser(db, { role: "agency_head", agencyId: veteranAgency.id }),
    youngAdmin: await createTestUser(db, { role: "agency_admin", agencyId: youngAgency.id }),
  };
  for (const [k, u] of Object.entries(people)) {
    clients[k] = newClient();
    await clients[k].login(u.email, u.password);
    ids[k] = u.id;
  }
});
afterAll(async () => database?.close());

describe("invitations to the special group", () => {
  it("lists earlier winners by years in operation, the default being more than five", async () => {
    const page = await html(await clients.admin.get(PAGE));
    expect(page).toContain("Sapa Warga Lama");
    expect(page).toContain("Top 45 (");
    expect(page).not.toContain("Layanan Baru Sekali");
    expect(page).toContain("Belum ada inovasi yang diundang.");
    // Every earlier winner with 0.
    expect(await html(await clients.admin.get(`${PAGE}?tahun=0`))).toContain("Layanan Baru Sekali");
  });

  it("refuses an invitation without a choice, and invites with the agency told", async () => {
    const none = await clients.admin.post(PAGE, { _intent: "invite", groupCode: "khusus" });
    expect(none.status).toBe(400);
    expect(await html(none)).toContain("Pilih paling sedikit satu inovasi untuk diundang");
    const wrongGroup = await clients.admin.post(PAGE, { _intent: "invite", groupCode: "umum", "innovationIds[]": String(ids.veteran) });
    expect(wrongGroup.status).toBe(400);
    expect(await html(wrongGroup)).toContain("Pilih kelompok atas undangan");

    const res = await clients.admin.post(PAGE, { _intent: "invite", groupCode: "khusus", "innovationIds[]": String(ids.veteran) });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("pesan=diundang");
    const page = await html(await clients.admin.get(PAGE));
    expect(page).toContain("Sudah diundang");
    expect(page).toContain("Batalkan undangan Sapa Warga Lama");
    // Told: the agency's admin and head, in the app and by mail; nobody else.
    const told = await database.db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.kind, "group-invitation"));
    expect(told.map((n) => n.userId).sort()).toEqual([ids.veteranAdmin, ids.veteranHead].sort());
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.kind, "group-invitation")).limit(1);
    expect(mail.bodyText).toContain('Inovasi "Sapa Warga Lama" diundang ke Kelompok Khusus');
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "invitation.add"));
    expect(audit.data).toMatchObject({ group: "khusus", innovations: [ids.veteran] });
    // Inviting again changes nothing and says so.
    const again = await clients.admin.post(PAGE, { _intent: "invite", groupCode: "khusus", "innovationIds[]": String(ids.veteran) });
    expect(again.headers.get("location")).toContain("pesan=sudah");
    expect(await database.db.select().from(groupInvitations)).toHaveLength(1);
  });

  it("lets the invited agency enter the special group, and refuses the others at the start", async () => {
    const proposalsPage = await html(await clients.veteranAdmin.get(`/kelola/proposal?kompetisi=${OPEN}`));
    expect(proposalsPage).toContain("Sapa Warga Lama diundang ke Kelompok Khusus.");
    expect(proposalsPage).toContain("Kelompok Khusus (atas undangan)");

    // Not offered to an agency with no invitation (and refused if sent anyway).
    expect(await html(await clients.youngAdmin.get(`/kelola/proposal?kompetisi=${OPEN}`))).not.toContain("(atas undangan)");
    const refused = await clients.youngAdmin.post("/kelola/proposal", { competition: OPEN, innovationId: String(ids.young), groupCode: "khusus", categoryCode: "kesehatan" });
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain("Kelompok ini hanya untuk inovasi yang diundang sekretariat");

    const entered = await clients.veteranAdmin.post("/kelola/proposal", { competition: OPEN, innovationId: String(ids.veteran), groupCode: "khusus", categoryCode: "kesehatan" });
    expect(entered.status).toBe(302);
    const [p] = await database.db.select().from(proposals).where(and(eq(proposals.competitionId, ids.open), eq(proposals.innovationId, ids.veteran)));
    expect(p.groupCode).toBe("khusus");
    ids.proposal = p.id;
  });

  it("refuses the endorsement once the invitation is withdrawn, and keeps it once submitted", async () => {
    const [inv] = await database.db.select().from(groupInvitations);
    // Withdrawn while the proposal is a draft: the proposal page and the endorsement say why.
    expect((await clients.admin.post(PAGE, { _intent: `withdraw:${inv.id}` })).status).toBe(302);
    expect(await database.db.select().from(groupInvitations)).toHaveLength(0);
    await database.db.update(proposals).set({ state: "awaiting_endorsement" }).where(eq(proposals.id, ids.proposal));
    expect(await html(await clients.veteranHead.get(`/kelola/proposal/${ids.proposal}`))).toContain("Kelompok Khusus hanya untuk inovasi yang diundang sekretariat");
    const endorse = await clients.veteranHead.post(`/kelola/proposal/${ids.proposal}`, { _intent: "endorse" });
    expect(endorse.status).toBe(422);
    expect(await html(endorse)).toContain("Kelompok Khusus hanya untuk inovasi yang diundang sekretariat");
    expect((await database.db.select().from(proposals).where(eq(proposals.id, ids.proposal)))[0].state).toBe("awaiting_endorsement");

    // Invited again and submitted: the invitation can no longer be withdrawn.
    await clients.admin.post(PAGE, { _intent: "invite", groupCode: "khusus", "innovationIds[]": String(ids.veteran) });
    await database.db.update(proposals).set({ state: "submitted", submittedAt: new Date(), receiptNumber: "KIPP-X-1" }).where(eq(proposals.id, ids.proposal));
    const [again] = await database.db.select().from(groupInvitations);
    const refused = await clients.admin.post(PAGE, { _intent: `withdraw:${again.id}` });
    expect(refused.status).toBe(409);
    expect(await html(refused)).toContain("sudah mengirim proposal di kelompok tersebut");
    expect(await database.db.select().from(groupInvitations)).toHaveLength(1);
  });

  it("says so when the invited agency has nobody to tell, and keeps the candidates' filter", async () => {
    const res = await clients.admin.post(PAGE, { _intent: "invite", groupCode: "khusus", "innovationIds[]": String(ids.unstaffed), tahun: "0" });
    expect(res.headers.get("location")).toBe(`${PAGE}?pesan=diundangTanpaAkun&n=1&m=1&tahun=0`);
    const page = await html(await clients.admin.get(res.headers.get("location")!));
    expect(page).toContain("1 di antaranya milik instansi yang belum punya akun Admin Lokal atau kepala instansi");
    expect(page).toContain('value="0"');
  });

  it("takes no invitation once registration has closed", async () => {
    await createCompetition(database.db, { slug: "kipp-tutup-undangan", state: "announced", registrationClosesInDays: -1 });
    const page = await html(await clients.admin.get("/kelola/kompetisi/kipp-tutup-undangan/undangan"));
    expect(page).toContain("Pendaftaran edisi ini sudah ditutup");
    expect(page).not.toContain('name="innovationIds[]"');
    const res = await clients.admin.post("/kelola/kompetisi/kipp-tutup-undangan/undangan", { _intent: "invite", groupCode: "khusus", "innovationIds[]": String(ids.young) });
    expect(res.status).toBe(409);
  });
});
