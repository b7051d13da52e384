import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { openTestDatabase } from "../../../tests/db";
import { ARTICLE_INNOVATIONS } from "./articles";
import { DEMO_LOGINS } from "./demo-logins";
import { planGeneratedInnovations, type AgencyRef } from "./plan";
import { createRng } from "./prng";
import { seedDemo } from "./seed.server";

const GENERATED = 300;
let database: Database;
let first: Awaited<ReturnType<typeof seedDemo>>;

const rows = async <T>(query: ReturnType<typeof sql>) => {
  const res = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return (Array.isArray(res) ? res : (res.rows ?? [])) as T[];
};
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0];

beforeAll(async () => {
  database = await openTestDatabase();
  first = await seedDemo(database.db, { generated: GENERATED, publicUrl: "https://lumbung.uji" });
}, 120_000);
afterAll(async () => database?.close());

describe("the demo seed", () => {
  it("loads the innovations named in the source articles, published, at the right agency and unit", async () => {
    expect(first).toEqual({ seeded: true, innovations: ARTICLE_INNOVATIONS.length + GENERATED });
    const found = await rows<{ acronym: string; state: string; agency: string; unit: string; published_at: unknown }>(sql`
      select i.acronym, i.state, a.slug as agency, u.name as unit, i.published_at
      from innovations i join agencies a on a.id = i.agency_id join units u on u.id = i.unit_id
      where i.slug in (${sql.join(ARTICLE_INNOVATIONS.map((a) => sql`${a.slug}`), sql`, `)})`);
    expect(found).toHaveLength(ARTICLE_INNOVATIONS.length);
    for (const f of found) {
      expect(f.state).toBe("published");
      expect(f.published_at).toBeTruthy();
    }
    const byAcronym = new Map(found.map((f) => [f.acronym, f]));
    for (const [acronym, agency, unit] of [
      ["Gemas Pesulan", "kabupaten-banyumas-33-02", "Dinas Pekerjaan Umum"],
      ["Gemma BABS", "kabupaten-banyumas-33-02", "Dinas Kesehatan"],
      ["Gendis Mamas", "kabupaten-banyumas-33-02", "Dinas Pendidikan"],
      ["Klinik Konsultasi", "kabupaten-banyumas-33-02", "Inspektorat"],
      ["HALO", "kabupaten-banyumas-33-02", "Satuan Polisi Pamong Praja"],
      ["Ayam Kate Mas", "kabupaten-banyumas-33-02", "Dinas Kependudukan dan Pencatatan Sipil"],
      ["UPIK", "kota-yogyakarta-34-71", "Dinas Komunikasi, Informatika dan Persandian"],
      ["UPTPK", "kabupaten-sragen-33-14", "Unit Pelayanan Terpadu Penanggulangan Kemiskinan"],
      ["MPP Surabaya", "kota-surabaya-35-78", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"],
    ]) {
      expect(byAcronym.get(acronym), acronym).toMatchObject({ agency, unit });
    }
    for (const acronym of ["Roadshow by Molin", "Mitra Kurir Langit", "One Stop Service", "Seribu Bank Sampah", "Kartu Rastra", "MPP DKI Jakarta", "MPP Banyuwangi"]) {
      expect(byAcronym.has(acronym), acronym).toBe(true);
    }
  });

  it("links Jakarta's and Banyuwangi's Mal Pelayanan Publik to Surabaya's, and every replication to an earlier one elsewhere", async () => {
    const mpp = await rows<{ slug: string; origin: string; source: string | null }>(sql`
      select i.slug, i.origin, s.slug as source from innovations i left join innovations s on s.id = i.origin_innovation_id
      where i.slug like 'mal-pelayanan-publik-%' order by i.slug`);
    expect(mpp).toEqual([
      { slug: "mal-pelayanan-publik-banyuwangi", origin: "replication", source: "mal-pelayanan-publik-surabaya" },
      { slug: "mal-pelayanan-publik-dki-jakarta", origin: "replication", source: "mal-pelayanan-publik-surabaya" },
      { slug: "mal-pelayanan-publik-surabaya", origin: "original", source: null },
    ]);
    const bad = await one<{ n: number; total: number }>(sql`
      select count(*) filter (where s.id is null or s.agency_id = i.agency_id or s.started_on >= i.started_on or s.state <> 'published')::int as n,
             count(*)::int as total
      from innovations i left join innovations s on s.id = i.origin_innovation_id where i.origin = 'replication'`);
    expect(bad.n).toBe(0);
    expect(bad.total).toBeGreaterThan(10);
    const projects = await one<{ n: number; unnoted: number }>(sql`
      select count(*)::int as n, count(*) filter (where coalesce(origin_note, '') = '')::int as unnoted
      from innovations where origin = 'leadership_project'`);
    expect(projects.n).toBeGreaterThan(10);
    expect(projects.unnoted).toBe(0);
  });

  it("creates every demo login with a person's name, in the right agency and unit", async () => {
    const users = await rows<{ email: string; name: string; role: string; agency: string | null; unit: string | null }>(sql`
      select u.email, u.name, u.role, a.slug as agency, un.name as unit
      from users u left join agencies a on a.id = u.agency_id left join units un on un.id = u.unit_id`);
    const byEmail = new Map(users.map((u) => [u.email, u]));
    for (const login of DEMO_LOGINS) {
      const u = byEmail.get(login.email);
      expect(u, login.email).toBeDefined();
      expect(u!.role).toBe(login.role);
      expect(u!.name).toMatch(/^[A-Z][a-z.]+( [A-Z][a-z]+)+$/);
    }
    expect(byEmail.get("admin@menpan.demo")).toMatchObject({ agency: null });
    expect(byEmail.get("admin@banyumaskab.demo")).toMatchObject({ agency: "kabupaten-banyumas-33-02" });
    expect(byEmail.get("bupati@banyumaskab.demo")).toMatchObject({ agency: "kabupaten-banyumas-33-02" });
    expect(byEmail.get("operator.dpu@banyumaskab.demo")).toMatchObject({ agency: "kabupaten-banyumas-33-02", unit: "Dinas Pekerjaan Umum" });
    expect(byEmail.get("operator@surabaya.demo")).toMatchObject({ agency: "kota-surabaya-35-78" });
  });

  it("gives the Banyumas operator and Admin Lokal work to review", async () => {
    const states = await rows<{ state: string; n: number; commented: number }>(sql`
      select i.state, count(*)::int as n, count(i.review_comment)::int as commented
      from innovations i join agencies a on a.id = i.agency_id
      where a.slug = 'kabupaten-banyumas-33-02' and i.state <> 'published' group by i.state order by i.state`);
    expect(states).toEqual([
      { state: "draft", n: 3, commented: 0 },
      { state: "submitted", n: 3, commented: 0 },
      { state: "returned", n: 2, commented: 2 },
    ]);
    const history = await one<{ missing: number }>(sql`
      select count(*)::int as missing from innovations i
      where not exists (select 1 from innovation_history h where h.innovation_id = i.id and h.action = 'created')
         or (i.state = 'published' and not exists (select 1 from innovation_history h where h.innovation_id = i.id and h.action = 'published'))`);
    expect(history.missing).toBe(0);
  });

  it("has yearly check-ins: most answered, a few stopped, and the Banyumas DPU operator's still due", async () => {
    const year = new Date().getUTCFullYear();
    const counts = await one<{ last: number; now: number; stopped: number; stopped_status: number }>(sql`
      select count(*) filter (where year = ${year - 1})::int as last, count(*) filter (where year = ${year})::int as now,
             count(*) filter (where outcome = 'stopped')::int as stopped,
             count(*) filter (where outcome = 'stopped' and i.status = 'berhenti')::int as stopped_status
      from innovation_check_ins c join innovations i on i.id = c.innovation_id`);
    expect(counts!.last).toBeGreaterThan(50);
    expect(counts!.now).toBeGreaterThan(20);
    expect(counts!.stopped_status).toBe(counts!.stopped);
    const dpu = await one<{ n: number }>(sql`
      select count(*)::int as n from innovation_check_ins c join innovations i on i.id = c.innovation_id
      join units u on u.id = i.unit_id where u.name = 'Dinas Pekerjaan Umum' and c.year = ${year}`);
    expect(dpu!.n).toBe(0);
  });

  it("spreads generated entries over agency types, eastern provinces, years and statuses, with consistent columns", async () => {
    const spread = await one<{ types: number; east: number; years: number; min_year: number; max_year: number; statuses: number; sectors: number }>(sql`
      select count(distinct agency_type)::int as types,
             count(*) filter (where province_code::int >= 81)::int as east,
             count(distinct start_year)::int as years,
             min(start_year) filter (where start_year >= 2014)::int as min_year, max(start_year)::int as max_year,
             count(distinct status)::int as statuses,
             (select count(distinct s)::int from innovations, unnest(sectors) s) as sectors
      from innovations`);
    expect(spread).toMatchObject({ types: 7, min_year: 2014, max_year: 2026, statuses: 4, sectors: 15 });
    expect(spread.east).toBeGreaterThan(5);
    const inconsistent = await one<{ n: number }>(sql`
      select count(*)::int as n from innovations i join agencies a on a.id = i.agency_id
      where i.agency_type <> a.type or i.province_code is distinct from a.province_code
         or i.start_year is distinct from extract(year from i.started_on)::int
         or (i.state = 'published') <> (i.published_at is not null)
         or i.search_vector is null
         or i.unit_id is null
         or concat_ws(' ', i.name, i.acronym, i.summary, i.problem, i.novelty, i.implementation, i.results, i.benefits, i.resources, i.sustainability) ~ '[{}]'`);
    expect(inconsistent.n).toBe(0);
    const words = await one<{ n: number }>(sql`select count(*)::int as n from search_words where word in ('sungai', 'pengaduan', 'sampah')`);
    expect(words.n).toBe(3);
  });

  it("stores real PNG photos and a PDF with matching size and checksum", async () => {
    const files = await rows<{ kind: string; mime: string; size: number; sha256: string; data: Uint8Array }>(sql`select kind, mime, size, sha256, data from innovation_files`);
    expect(files.filter((f) => f.kind === "photo").length).toBeGreaterThanOrEqual(6);
    // Gemas Pesulan's evaluation report and Roadshow by Molin's recap.
    expect(files.filter((f) => f.mime === "application/pdf")).toHaveLength(2);
    for (const f of files) {
      const bytes = Buffer.from(f.data);
      expect(bytes.length).toBe(f.size);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(f.sha256);
      const magic = f.mime === "image/png" ? "\x89PNG" : "%PDF";
      expect(bytes.subarray(0, 4).toString("latin1")).toBe(magic);
    }
  });

  it("links indicators to the evidence file that proves them", async () => {
    const linked = await rows<{ acronym: string; name: string; file: number | null; filename: string | null }>(sql`
      select i.acronym, x.e->>'name' as name, (x.e->>'evidenceFileId')::int as file, f.filename
      from innovations i cross join jsonb_array_elements(i.indicators) with ordinality as x(e, n)
      left join innovation_files f on f.id = (x.e->>'evidenceFileId')::int and f.innovation_id = i.id and f.kind = 'evidence'
      where i.acronym in ('Gemas Pesulan', 'Roadshow by Molin') order by i.acronym, x.n`);
    const gemas = linked.filter((r) => r.acronym === "Gemas Pesulan");
    expect(gemas.map((r) => r.filename)).toEqual(["gemas-pesulan-banyumas-laporan.pdf", "gemas-pesulan-banyumas-laporan.pdf", null]);
    expect(gemas[2].file).toBeNull();
    expect(linked.filter((r) => r.acronym === "Roadshow by Molin").map((r) => r.filename)).toEqual(["roadshow-by-molin-banyumas-laporan.pdf", null]);
  });

  it("writes its mail with whole links to the site it runs on, never bare paths", async () => {
    const mails = await rows<{ body_text: string }>(sql`select body_text from outbox`);
    expect(mails.length).toBeGreaterThan(0);
    const links = mails.flatMap((m) => m.body_text.match(/(?:https?:\/\/[^\s]+)?\/(?:kelola|kompetisi|undangan|acara)\/[^\s]*/g) ?? []);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !l.startsWith("https://lumbung.uji/"))).toEqual([]);
  });

  it("does nothing when run again", async () => {
    const count = async () =>
      one<{ i: number; u: number; un: number; f: number; h: number }>(sql`select
        (select count(*)::int from innovations) as i, (select count(*)::int from users) as u, (select count(*)::int from units) as un,
        (select count(*)::int from innovation_files) as f, (select count(*)::int from innovation_history) as h`);
    const before = await count();
    expect(await seedDemo(database.db, { generated: GENERATED, publicUrl: "https://lumbung.uji" })).toEqual({ seeded: false });
    expect(await count()).toEqual(before);
    expect(before.i).toBe(ARTICLE_INNOVATIONS.length + GENERATED);
  });
});

describe("the generated plan", () => {
  it("is the same on every run", () => {
    const agencies: AgencyRef[] = [
      { id: 1, slug: "kabupaten-banyumas-33-02", type: "kabupaten", name: "Pemerintah Kabupaten Banyumas", shortName: "Kab. Banyumas", provinceCode: "33" },
      { id: 2, slug: "kabupaten-sikka-53-07", type: "kabupaten", name: "Pemerintah Kabupaten Sikka", shortName: "Kab. Sikka", provinceCode: "53" },
      { id: 3, slug: "kemenkes", type: "kementerian", name: "Kementerian Kesehatan", shortName: "Kemenkes", provinceCode: null },
    ];
    const provinces = new Map([["33", "Jawa Tengah"], ["53", "Nusa Tenggara Timur"]]);
    const a = planGeneratedInnovations(createRng(7), agencies, provinces, 60);
    const b = planGeneratedInnovations(createRng(7), agencies, provinces, 60);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(new Set(a.map((p) => p.name)).size).toBeGreaterThan(40);
  });
});

describe("the demo competition", () => {
  it("is announced with its registration open on the day the demo is loaded", async () => {
    const { competitions } = await import("~/db/schema");
    const { CompetitionConfigSchema } = await import("~/modules/competitions/config");
    const { stageAt } = await import("~/modules/competitions/config-values");
    const all = await database.db.select().from(competitions);
    // The open call, an edition under evaluation and a finished one.
    expect(all).toHaveLength(3);
    const c = all.find((x) => x.state === "announced" && !x.slug.endsWith("-evaluasi"))!;
    const finished = all.find((x) => x.state === "final")!;
    expect(finished.decreeNumber).toBeTruthy();
    const tiers = await rows<{ tier: string; n: number; certified: number }>(sql`
      select tier_code as tier, count(*)::int as n, count(certificate_code)::int as certified from awards where competition_id = ${finished.id} group by tier_code order by tier_code`);
    expect(tiers).toEqual([
      { tier: "outstanding", n: 1, certified: 1 },
      { tier: "top-45", n: 4, certified: 4 },
      { tier: "top-99", n: 5, certified: 5 },
    ]);
    // An objection from an agency that took part and won nothing, answered before publication.
    const objection = await rows<{ state: string; awarded: number }>(sql`
      select o.state, (select count(*)::int from awards a join proposals p on p.id = a.proposal_id where a.competition_id = o.competition_id and p.agency_id = o.agency_id) as awarded
      from objections o where o.competition_id = ${finished.id}`);
    expect(objection).toEqual([{ state: "rejected", awarded: 0 }]);
    const judging = all.find((x) => x.slug.endsWith("-evaluasi"))!;
    expect(CompetitionConfigSchema.safeParse(judging.config).success).toBe(true);
    expect(stageAt(judging.config, new Date())?.code).toBe("evaluasi");
    expect(c.state).toBe("announced");
    expect(CompetitionConfigSchema.safeParse(c.config).success).toBe(true);
    expect(stageAt(c.config, new Date())?.kind).toBe("registration");
    // The deadline stays the last second of a day in WIB.
    expect(c.config.stages[0].closesAt).toMatch(/T23:59:59\+07:00$/);
    // Its special group has invited two of last year's winners running for five years or more.
    const invited = await rows<{ group_code: string; started_on: string }>(sql`
      select g.group_code, i.started_on::text from group_invitations g join innovations i on i.id = g.innovation_id where g.competition_id = ${c.id}`);
    expect(invited).toHaveLength(2);
    for (const i of invited) {
      expect(i.group_code).toBe("khusus");
      expect(Number(i.started_on.slice(0, 4))).toBeLessThanOrEqual(new Date().getUTCFullYear() - 5);
    }
  });

  it("has an edition under evaluation: judges assigned without conflicts, work waiting for the demo evaluator", async () => {
    const edition = await one<{ id: number }>(sql`select id from competitions where slug like '%-evaluasi'`);
    expect(edition).toBeTruthy();
    const loads = await rows<{ email: string; n: number; submitted: number }>(sql`
      select u.email, count(*)::int as n, count(r.id) filter (where r.state = 'submitted')::int as submitted
      from assignments a join users u on u.id = a.judge_id
      left join reviews r on r.competition_id = a.competition_id and r.stage_code = a.stage_code and r.proposal_id = a.proposal_id and r.judge_id = a.judge_id
      where a.competition_id = ${edition.id} group by u.email`);
    // One judge declared a conflict on a proposal of theirs after the run: a recusal, so that
    // pair is gone (and the proposal one judge short) until the secretariat runs it again.
    const declared = await one<{ judge: string; proposal: number }>(sql`
      select u.email as judge, c.proposal_id as proposal from conflicts c join users u on u.id = c.judge_id
      where c.competition_id = ${edition.id} and c.state = 'pending'`);
    expect(await rows(sql`select 1 from assignments a join users u on u.id = a.judge_id where a.competition_id = ${edition.id} and u.email = ${declared.judge} and a.proposal_id = ${declared.proposal}`)).toEqual([]);
    const counts = loads.map((l) => l.n + (l.email === declared.judge ? 1 : 0));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const demo = loads.find((l) => l.email === "evaluator@ui.demo")!;
    expect(demo.n).toBeGreaterThan(0);
    expect(demo.submitted).toBe(0);
    expect(loads.reduce((n, l) => n + l.submitted, 0)).toBeGreaterThan(0);
    // Every proposal that passed screening has its two evaluators (but the recused one); none
    // from its own agency.
    const staffed = await rows<{ judges: number }>(sql`
      select count(a.judge_id)::int as judges from proposals p left join assignments a on a.proposal_id = p.id
      where p.competition_id = ${edition.id} and p.screening = 'passed' group by p.id`);
    expect(staffed.length).toBeGreaterThan(10);
    expect(staffed.map((s) => s.judges).sort()).toEqual([1, ...Array(staffed.length - 1).fill(2)]);
    const own = await one<{ n: number }>(sql`
      select count(*)::int as n from assignments a join users u on u.id = a.judge_id join proposals p on p.id = a.proposal_id
      where a.competition_id = ${edition.id} and u.agency_id = p.agency_id`);
    expect(own.n).toBe(0);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from conflicts where competition_id = ${edition.id} and state = 'pending'`)).n).toBe(1);
  });

  it("holds the judging's invariants in every edition (no conflicted score, k reviews, totals, locks)", async () => {
    const { checkInvariants, describeViolations } = await import("~/modules/judging/invariants.server");
    const found = await checkInvariants(database.db);
    expect(found, describeViolations(found)).toEqual([]);
  });
});
