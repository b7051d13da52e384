// One setup page: the part's fields (single fields, then rows), errors on top and beside each
// field, and the version the page was loaded at (a concurrent save is refused, not merged).
import { Form, Link } from "react-router";
import { CsrfField, ErrorSummary } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import type { CompetitionConfig } from "../config";
import type { Field, FormValues } from "../parts";
import { PartField, RowFieldsets } from "./part-fields";

export type PartPageProps = {
  slug: string;
  name: string;
  title: string;
  intro: string;
  version: number;
  config: CompetitionConfig;
  values: FormValues;
  errors?: Record<string, string>;
  single?: readonly Field[];
  rows?: { fields: readonly Field[]; indexes: number[]; prefix?: string; legend?: string };
  locked?: boolean;
};

export function PartPage(p: PartPageProps) {
  const t = useT();
  const { _list, ...fieldErrors } = p.errors ?? {};
  const summary = { ...(_list ? { _form: _list } : {}), ...fieldErrors };
  // The summary names each field as the form shows it: its row (numbered as the fieldsets'
  // legends are) and its label, not the bare message.
  const labels: Record<string, string> = Object.fromEntries(p.single?.map((f) => [f.name, t(f.label)]) ?? []);
  const rows = p.rows;
  rows?.indexes.forEach((i, n) => {
    for (const f of rows.fields) labels[`${rows.prefix ?? "r"}.${i}.${f.name}`] = t("competitions.rowField", { n: n + 1, field: t(f.label) });
  });
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${p.slug}`}>{p.name}</Link>
      </p>
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      <ErrorSummary errors={summary} labels={labels} />
      <Form method="post" className="part-form">
        <CsrfField />
        <input type="hidden" name="version" value={p.version} />
        {p.single?.map((f) => <PartField key={f.name} field={f} name={f.name} values={p.values} errors={p.errors} config={p.config} />)}
        {p.rows ? (
          <>
            {p.rows.legend ? <h2>{p.rows.legend}</h2> : null}
            <RowFieldsets fields={p.rows.fields} rows={p.rows.indexes} blank={2} values={p.values} errors={p.errors} config={p.config} prefix={p.rows.prefix} />
          </>
        ) : null}
        <button type="submit" className="button" disabled={p.locked}>{t("common.save")}</button>
      </Form>
    </>
  );
}
