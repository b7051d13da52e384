// The activity log at scale: `npm run bench:activity-log [-- --rows 500000] [-- --explain]`.
//
// Generates, on a throwaway PostgreSQL cluster, 500 agencies of 10 people each and an audit log of
// `--rows` rows over two years (a tenth without a person: jobs, lockouts), then times one page of
// the log (listAudit, what /kelola/log reads) for the secretariat and for Admin Lokal under the
// page's filters, beside the raw SQL of the same page's main statement (the floor). Prints p50
// and p95 of each over RUNS runs after a warm-up. Only 127.0.0.1 is contacted; every loop is
// bounded.
import pg from "pg";
import { sql } from "drizzle-orm";
import { migrate, openPostgres } from "../app/db/client.server";
import { listAudit, type AuditScope } from "../app/modules/audit/list-audit.server";
import type { AuditQuery } from "../app/modules/audit/query";
import { actionsOf } from "../app/modules/audit/actions";
import { argValue, hasFlag } from "./lib/args";
import { startCluster } from "./lib/cluster";
import { ms, percentile, table } from "./lib/stats";

const ROWS = Number(argValue("rows", "500000"));
const AGENCIES = 500;
const PEOPLE_PER_AGENCY = 10;
const WARMUP = 5;
const RUNS = 30;

const none: AuditQuery = { person: null, account: null, group: null, subject: null, from: null, until: null, fromAt: null, untilAt: null, before: null, after: null };

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const cluster = startCluster();
try {
  const database = await openPostgres(cluster.url, 4);
  await migrate(database);
  const db = database.db;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  const t0 = performance.now();
  // Agencies and their people; the first agency is big (a tenth of all activity), the last quiet.
  await db.execute(sql`insert into agencies (slug, type, name) select 'bumd-bench-' || g, 'bumd', 'BUMD Bench ' || g from generate_series(1, ${AGENCIES}) g`);
  await db.execute(sql`insert into users (email, name, role, agency_id)
    select 'orang' || g || '@bench.go.id', 'Orang Bench ' || g, (case when g % ${PEOPLE_PER_AGENCY} = 0 then 'agency_admin' else 'unit_operator' end)::role,
      (select min(id) from agencies where slug like 'bumd-bench-%') + (g - 1) / ${PEOPLE_PER_AGENCY}
    from generate_series(1, ${AGENCIES * PEOPLE_PER_AGENCY}) g`);
  const [{ first, last }] = (await client.query("select min(id) as first, max(id) as last from users where email like '%@bench.go.id'")).rows as { first: number; last: number }[];
  const actions = ["session.start", "session.start", "session.start", "innovation.update", "innovation.update", "innovation.create", "innovation.publish", "proposal.create", "review.submit", "password.change", "account.locked"];
  // The big agency's ten people act in a tenth of the rows; the last agency's people almost never.
  await client.query(
    `insert into audit_log (actor_user_id, action, subject_type, subject_id, data, at)
     select case when r < 0.1 then null
                 when r < 0.2 then $1 + (g % 10)
                 else $1 + 10 + (g % ($2 - $1 - 19)) end,
            ($3::text[])[1 + g % array_length($3::text[], 1)],
            case when g % 3 = 0 then 'user' else 'innovation' end,
            (case when g % 3 = 0 then $1 + (g % ($2 - $1)) else g % 100000 end)::text,
            jsonb_build_object('ip', '10.0.' || (g % 250) || '.' || (g % 200)),
            now() - interval '730 days' + (g::float / $4) * interval '730 days'
     from (select g, random() as r from generate_series(1, $4::int) g) s`,
    [first, last, actions, ROWS],
  );
  // The quiet agency: three rows in the whole log.
  const quietAgency = (await client.query("select agency_id from users where id = $1", [last])).rows[0].agency_id as number;
  const bigAgency = (await client.query("select agency_id from users where id = $1", [first])).rows[0].agency_id as number;
  await client.query("insert into audit_log (actor_user_id, action, subject_type, subject_id, at) select $1, 'innovation.update', 'innovation', '1', now() - interval '400 days' from generate_series(1, 3)", [last]);
  await client.query("analyze");
  console.log(`${ROWS.toLocaleString("en")} audit rows, ${(AGENCIES * PEOPLE_PER_AGENCY).toLocaleString("en")} people in ${AGENCIES} agencies, generated in ${ms((performance.now() - t0) / 1000)} s`);

  const oldDay = new Date(Date.now() - 400 * 86_400_000);
  const dayStart = new Date(Date.UTC(oldDay.getUTCFullYear(), oldDay.getUTCMonth(), oldDay.getUTCDate()));
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const judging = actionsOf("judging");
  const page = "select a.id, a.at, a.action, a.subject_type, a.subject_id, a.data, u.name, u.email, ag.name from audit_log a left join users u on u.id = a.actor_user_id left join agencies ag on ag.id = u.agency_id";
  const scoped = (agencyId: number) =>
    `a.id = any(array((select x.id from users cross join lateral (select id from audit_log where actor_user_id = users.id order by id desc limit 51) x where users.agency_id = ${agencyId})
      union (select id from audit_log where subject_type = 'user' and subject_id in (select id::text from users where agency_id = ${agencyId}) order by id desc limit 51)))`;
  const cases: { name: string; scope: AuditScope; q: AuditQuery; floor: [string, unknown[]] }[] = [
    { name: "secretariat, newest", scope: "all", q: none, floor: [`${page} order by a.id desc limit 51`, []] },
    { name: "secretariat, one person (link)", scope: "all", q: { ...none, account: first + 25 }, floor: [`${page} where a.actor_user_id = $1 order by a.id desc limit 51`, [first + 25]] },
    { name: "secretariat, a person by name", scope: "all", q: { ...none, person: "Orang Bench 4321" }, floor: [`${page} where a.actor_user_id in (select id from users where name ilike $1 or email ilike $1) order by a.id desc limit 51`, ["%Orang Bench 4321%"]] },
    { name: "secretariat, judging (rare kind)", scope: "all", q: { ...none, group: "judging" }, floor: [`${page} where a.action = any($1) order by a.id desc limit 51`, [judging]] },
    { name: "secretariat, one day 400 days ago", scope: "all", q: { ...none, fromAt: dayStart, untilAt: dayEnd }, floor: [`${page} where a.at >= $1 and a.at < $2 order by a.id desc limit 51`, [dayStart, dayEnd]] },
    { name: "Admin Lokal, big agency", scope: { agencyId: bigAgency }, q: none, floor: [`${page} where ${scoped(bigAgency)} order by a.id desc limit 51`, []] },
    { name: "Admin Lokal, quiet agency", scope: { agencyId: quietAgency }, q: none, floor: [`${page} where ${scoped(quietAgency)} order by a.id desc limit 51`, []] },
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    const app = await time(() => listAudit(db, c.scope, c.q));
    const floor = await time(() => client.query(c.floor[0], c.floor[1]));
    rows.push([c.name, ms(app.p50), ms(app.p95), ms(floor.p50), ms(floor.p95), `${(app.p50 / floor.p50).toFixed(1)}×`]);
    // --explain: each floor statement's plan, to see where its time goes.
    if (hasFlag("explain")) console.log(`-- ${c.name}\n${(await client.query(`explain (analyze, buffers) ${c.floor[0]}`, c.floor[1])).rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  console.log(table(["one page of the log (50 rows)", "listAudit p50", "p95", "SQL p50", "SQL p95", "app/SQL p50"], rows));
  console.log("listAudit also asks whether an older page exists; the floor is the page's main statement alone.");
  await client.end();
  await database.close();
} finally {
  cluster.stop();
}
