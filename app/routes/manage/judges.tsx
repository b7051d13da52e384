// The edition's judge pools: which evaluators and panelists judge in this edition, how many
// proposals each takes, and the profile the assignment reads (expertise, region, affiliation).
// One fieldset per judge named `r.<user id>.<field>`, so the whole list is edited and saved
// without JavaScript.
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/judges";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, issueMessage, toArray } from "~/lib/forms";
import { translator, type Translate } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CheckboxGroup, CsrfField, ErrorSummary, fieldId, TextField } from "~/components/forms";
import { SECTORS } from "~/modules/innovations/vocab";
import { JUDGE_ROLES, judgePool, saveJudges, type JudgeChange, type PoolJudge } from "~/modules/judging/judges.server";
import { unknownRegionCodes } from "~/modules/judging/admin-queries.server";
import { secretariatEdition } from "~/modules/competitions/edition.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

type Values = Record<string, string | string[]>;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : (v ?? null));

// One judge's row. A region is a province ("33") or a regency/city ("33.02"): the assignment
// keeps a regional-government official away from every proposal of their province, so a finer
// code adds nothing and a district code is refused here rather than stored.
const RowSchema = z.object({
  member: z.boolean(),
  capacity: z.preprocess(
    blankToNull,
    z.coerce.number({ error: "field.number" }).int({ error: "field.number" }).min(1, { error: "judgingAdmin.errors.capacity" }).max(10_000, { error: "judgingAdmin.errors.capacity" }).nullable(),
  ),
  expertise: z.array(z.enum(SECTORS, { error: "judgingAdmin.errors.sector" })).max(SECTORS.length),
  regionCode: z.preprocess(blankToNull, z.string().regex(/^\d{2}(\.\d{2})?$/, { error: "judgingAdmin.errors.regionFormat" }).nullable()),
  affiliation: z.string().trim().max(200, { error: "field.tooLong" }),
});

const ROW = /^r\.(\d{1,9})\.[A-Za-z]+$/;
const FIELDS = ["member", "capacity", "expertise", "regionCode", "affiliation"] as const;

const load = secretariatEdition;

/** The form's values for the judges as stored. */
function storedValues(pool: PoolJudge[]): Values {
  const values: Values = {};
  for (const j of pool) {
    if (j.member) values[`r.${j.id}.member`] = "1";
    values[`r.${j.id}.capacity`] = j.capacity === null ? "" : String(j.capacity);
    values[`r.${j.id}.expertise`] = j.expertise;
    values[`r.${j.id}.regionCode`] = j.regionCode ?? "";
    values[`r.${j.id}.affiliation`] = j.affiliation;
  }
  return values;
}

// Accounts accumulate over the years and each row carries fifteen expertise boxes, so the page
// can show one pool or the edition's members only; a save touches only the rows shown.
const SHOWS = ["evaluator", "panelist", "anggota"] as const;
type Show = (typeof SHOWS)[number];
const showOf = (v: unknown): Show | "" => (SHOWS.includes(v as Show) ? (v as Show) : "");
const shownBy = (show: Show | "") => (j: PoolJudge) => (show === "" ? true : show === "anggota" ? j.member : j.role === show);

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row } = await load(context, params.slug);
  const pool = await judgePool(services(context).db, row.id);
  const sp = new URL(request.url).searchParams;
  const show = showOf(sp.get("tampil"));
  return {
    slug: row.slug,
    name: row.name,
    show,
    judges: pool.filter(shownBy(show)).map((j) => ({ id: j.id, name: j.name, email: j.email, role: j.role, agency: j.agency })),
    counts: JUDGE_ROLES.map((role) => ({ role, accounts: pool.filter((j) => j.role === role).length, members: pool.filter((j) => j.role === role && j.member).length })),
    values: storedValues(pool),
    message: sp.get("pesan"),
    count: idOf(sp.get("n")) ?? 0,
  };
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only rows that differ from what is stored go to saveJudges: the audit row lists real changes. */
function changed(j: PoolJudge | undefined, c: JudgeChange) {
  if (!j) return true;
  return !(
    j.member === c.member &&
    (!c.member || j.capacity === c.capacity) &&
    sameSet(j.expertise, c.expertise) &&
    j.regionCode === c.regionCode &&
    j.affiliation === c.affiliation
  );
}

function readRows(values: Record<string, unknown>, t: Translate) {
  const ids = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = ROW.exec(key);
    if (m) ids.add(Number(m[1]));
  }
  const errors: Record<string, string> = {};
  const rows: JudgeChange[] = [];
  for (const id of ids) {
    const at = (f: string) => values[`r.${id}.${f}`];
    const parsed = RowSchema.safeParse({
      member: at("member") !== undefined,
      capacity: at("capacity") ?? "",
      expertise: toArray(at("expertise")),
      regionCode: at("regionCode") ?? "",
      affiliation: at("affiliation") ?? "",
    });
    if (parsed.success) {
      rows.push({ userId: id, ...parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      // "expertise.2" (the third box) is an error of the expertise group. This page's own keys
      // are camel-cased ("judgingAdmin.…"), which the shared issue reader does not take as keys.
      const message = issue.message.startsWith("judgingAdmin.") ? t(issue.message) : issueMessage(issue, t);
      errors[`r.${id}.${String(issue.path[0] ?? "member")}`] ??= message;
    }
  }
  return { rows, errors };
}

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row } = await load(context, params.slug);
  const { db } = services(context);
  const t = translator(requestInfo(context).locale);
  const values = formToObject(await request.formData());
  const shown = Object.fromEntries(Object.entries(values).filter(([k]) => ROW.test(k))) as Values;
  const { rows, errors } = readRows(values, t);
  if (Object.keys(errors).length) return data({ errors, values: shown }, { status: 400 });
  const pool = new Map((await judgePool(db, row.id)).map((j) => [j.id, j]));
  const changes = rows.filter((c) => changed(pool.get(c.userId), c));
  try {
    await saveJudges(db, actor, row.id, changes);
  } catch (e) {
    if (e instanceof AppError && e.reason === "judging.errors.region") {
      // saveJudges refused an unknown region without naming the row: find the rows.
      const unknown = await unknownRegionCodes(db, changes.flatMap((c) => (c.regionCode ? [c.regionCode] : [])));
      const rowErrors = Object.fromEntries(changes.filter((c) => c.regionCode && unknown.has(c.regionCode)).map((c) => [`r.${c.userId}.regionCode`, t("judging.errors.region")]));
      return data({ errors: Object.keys(rowErrors).length ? rowErrors : { _form: t(e.reason) }, values: shown }, { status: e.status });
    }
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) return data({ errors: appErrorFields(e, t), values: shown }, { status: e.status });
    throw e;
  }
  const show = showOf(values.tampil);
  return redirect(`/kelola/kompetisi/${row.slug}/juri?${show ? `tampil=${show}&` : ""}pesan=disimpan&n=${changes.length}`);
});

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export default function Judges({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as { errors?: Record<string, string>; values?: Values } | undefined;
  const errors = a?.errors;
  const values = a?.values ?? d.values;
  const sectors = SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }));
  const fieldLabels: Record<(typeof FIELDS)[number], string> = {
    member: t("judgingAdmin.judges.member"),
    capacity: t("judgingAdmin.judges.capacity"),
    expertise: t("judgingAdmin.judges.expertise"),
    regionCode: t("judgingAdmin.judges.region"),
    affiliation: t("judgingAdmin.judges.affiliation"),
  };
  // The error summary names the judge and the field: "Dr. Sari · Kapasitas: …".
  const labels = Object.fromEntries(
    d.judges.flatMap((j) => FIELDS.map((f) => [`r.${j.id}.${f}`, `${j.name} · ${fieldLabels[f]}`])),
  );
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("judgingAdmin.judges.title")}</h1>
      <p>{t("judgingAdmin.judges.intro")}</p>
      {d.message === "disimpan" ? (
        <p className="notice" role="status">{d.count ? t("judgingAdmin.judges.saved", { n: d.count }) : t("judgingAdmin.judges.unchanged")}</p>
      ) : null}
      <table className="summary-table">
        <caption>{t("judgingAdmin.judges.countsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("judgingAdmin.judges.pool")}</th>
            <th scope="col">{t("judgingAdmin.judges.membersCol")}</th>
            <th scope="col">{t("judgingAdmin.judges.accountsCol")}</th>
          </tr>
        </thead>
        <tbody>
          {d.counts.map((c) => (
            <tr key={c.role}>
              <th scope="row">{t(`judging.role.${c.role}`)}</th>
              <td>{c.members}</td>
              <td>{c.accounts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {t("judgingAdmin.judges.invite")} <Link to="/kelola/pengguna">{t("judgingAdmin.judges.inviteLink")}</Link>
      </p>
      <Form method="get" className="inline-form filters">
        <label htmlFor="tampil">{t("judgingAdmin.judges.show")}</label>{" "}
        <select id="tampil" name="tampil" defaultValue={d.show}>
          <option value="">{t("judgingAdmin.judges.showAll")}</option>
          <option value="evaluator">{t("judging.role.evaluator")}</option>
          <option value="panelist">{t("judging.role.panelist")}</option>
          <option value="anggota">{t("judgingAdmin.judges.showMembers")}</option>
        </select>{" "}
        <button type="submit" className="link-button">{t("common.filter")}</button>
      </Form>
      <ErrorSummary errors={errors} labels={labels} />
      {d.judges.length ? (
        <Form method="post">
          <CsrfField />
          {d.show ? <input type="hidden" name="tampil" value={d.show} /> : null}
          <p className="hint">{t("judgingAdmin.judges.fieldsHint")}</p>
          {d.judges.map((j) => {
            const name = (f: string) => `r.${j.id}.${f}`;
            const memberError = errors?.[name("member")];
            return (
              <fieldset key={j.id} className="row-fieldset">
                <legend>{j.name} · {t(`judging.role.${j.role}`)}</legend>
                <p className="muted">{j.agency ? `${j.email} · ${j.agency}` : j.email}</p>
                <input type="hidden" name={name("id")} value={j.id} />
                <div className={memberError ? "field field-error" : "field"}>
                  {memberError ? <p className="error-message" id={`${fieldId(name("member"))}-error`}>{memberError}</p> : null}
                  <label className="checkbox" htmlFor={fieldId(name("member"))}>
                    <input
                      type="checkbox"
                      id={fieldId(name("member"))}
                      name={name("member")}
                      value="1"
                      defaultChecked={str(values[name("member")]) !== ""}
                      aria-describedby={memberError ? `${fieldId(name("member"))}-error` : undefined}
                    />{" "}
                    {t("judgingAdmin.judges.member")}
                  </label>
                </div>
                <TextField
                  name={name("capacity")}
                  label={t("judgingAdmin.judges.capacity")}
                  optionalNote={t("judgingAdmin.judges.capacityBlank")}
                  inputMode="numeric"
                  maxLength={6}
                  defaultValue={str(values[name("capacity")])}
                  error={errors?.[name("capacity")]}
                />
                <CheckboxGroup
                  name={name("expertise")}
                  label={t("judgingAdmin.judges.expertise")}
                  options={sectors}
                  defaultValues={list(values[name("expertise")])}
                  error={errors?.[name("expertise")]}
                />
                <TextField
                  name={name("regionCode")}
                  label={t("judgingAdmin.judges.region")}
                  optionalNote={t("judgingAdmin.judges.regionNote")}
                  maxLength={12}
                  defaultValue={str(values[name("regionCode")])}
                  error={errors?.[name("regionCode")]}
                />
                <TextField
                  name={name("affiliation")}
                  label={t("judgingAdmin.judges.affiliation")}
                  maxLength={200}
                  defaultValue={str(values[name("affiliation")])}
                  error={errors?.[name("affiliation")]}
                />
              </fieldset>
            );
          })}
          <button type="submit" className="button">{t("judgingAdmin.judges.save")}</button>
        </Form>
      ) : (
        <p>{t("judgingAdmin.judges.none")}</p>
      )}
    </>
  );
}
