// /kompetisi/:slug: an edition's call: theme, deadline (in the reader's zone, with the time
// left), schedule, groups, categories, the proposal form, eligibility, criteria and tiers.
import { Link } from "react-router";
import type { Route } from "./+types/competition";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { previewTags } from "~/lib/meta";
import { CONTENT_LANG, formatInstant, formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { SCORED_KINDS } from "~/modules/competitions/config-values";
import { timeLeft, toPublic, visibleCompetition } from "~/modules/competitions/public.server";

// "1 day, 2 days": the plural is the language's (Intl's unit names), not a catalog string's.
const DAYS: Intl.NumberFormatOptions = { style: "unit", unit: "day", unitDisplay: "long" };
const HOURS: Intl.NumberFormatOptions = { style: "unit", unit: "hour", unitDisplay: "long" };

export const meta: Route.MetaFunction = ({ data }) => (data ? previewTags(data.preview, data.title) : []);

export const loader = page(async ({ context, params }: Route.LoaderArgs) => {
  const { actor, locale } = requestInfo(context);
  const { db, env } = services(context);
  const row = await visibleCompetition(db, actor, params.slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  const competition = toPublic(row);
  const t = translator(locale);
  return {
    competition,
    left: competition.deadline ? timeLeft(competition.deadline) : null,
    title: `${competition.name} · ${t("app.name")}`,
    preview: { title: competition.name, description: competition.theme || t("competitions.publicIntro"), url: `${env.publicUrl}/kompetisi/${competition.slug}` },
  };
});

export default function Competition({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const { competition: c, left } = loaderData;
  const { config } = c;
  const tierName = (code: string) => config.tiers.find((x) => x.code === code)?.name ?? code;
  const groupName = (code: string) => config.groups.find((g) => g.code === code)?.name ?? code;
  return (
    <>
      <p className="muted"><Link to="/kompetisi">{t("competitions.publicTitle")}</Link></p>
      {/* What the secretariat wrote is Indonesian, marked so for screen readers in English mode;
          tier names are not marked (they are often English: "Outstanding Achievement"). */}
      <h1 lang={CONTENT_LANG}>{c.name}</h1>
      {c.theme ? <p className="lead" lang={CONTENT_LANG}>{c.theme}</p> : null}
      {c.state === "final" ? (
        <p className="notice">
          <Link to={`/kompetisi/${c.slug}/hasil`}>{t("results.publicTitle", { name: c.name })}</Link>
        </p>
      ) : null}
      {c.legalBasis ? <p className="muted">{t("competitions.legalBasis", { text: c.legalBasis })}</p> : null}
      {c.deadline ? (
        <p className="deadline">
          <strong>{t("competitions.deadline", { when: formatInstant(locale, c.deadline, zone) })}</strong>
          {left ? <> · {t("competitions.countdown", { left: `${formatNumber(locale, left.days, DAYS)} ${formatNumber(locale, left.hours, HOURS)}` })}</> : <> · {t("competitions.deadlinePassed")}</>}
        </p>
      ) : null}

      <h2>{t("competitions.schedule")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("competitions.field.name")}</th>
            <th scope="col">{t("competitions.field.opensAt")}</th>
            <th scope="col">{t("competitions.field.closesAt")}</th>
          </tr>
        </thead>
        <tbody>
          {config.stages.map((s) => (
            <tr key={s.code} aria-current={c.currentStage === s.code ? "step" : undefined}>
              <td>
                <span lang={CONTENT_LANG}>{s.name}</span>
                {c.currentStage === s.code ? <> <span className="badge">{t("competitions.open")}</span></> : null}
              </td>
              <td>{formatInstant(locale, s.opensAt, zone)}</td>
              <td>{formatInstant(locale, s.closesAt, zone)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("competitions.groups")}</h2>
      <dl>
        {config.groups.map((g) => (
          <div key={g.code}>
            <dt lang={CONTENT_LANG}>{g.name}</dt>
            <dd lang={g.description ? CONTENT_LANG : undefined}>{g.description || t(`competitions.groupKind.${g.kind}`)}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("competitions.categories")}</h2>
      <ul>
        {config.categories.map((k) => (
          <li key={k.code}>
            <span lang={CONTENT_LANG}>{k.name}</span>
            {k.description ? <span className="muted" lang={CONTENT_LANG}> — {k.description}</span> : null}
          </li>
        ))}
      </ul>

      <h2>{t("competitions.eligibility")}</h2>
      <ul>
        <li>{t("competitions.eligibilityMonths", { n: config.eligibility.minMonthsOperating })}</li>
        {config.eligibility.excludeTiers.length ? (
          <li>{t("competitions.eligibilityExclude", { tiers: config.eligibility.excludeTiers.map(tierName).join(", ") })}</li>
        ) : null}
        {config.eligibility.maxTimesInTier ? (
          <li>{t("competitions.eligibilityMaxTimes", { n: config.eligibility.maxTimesInTier.times, tier: tierName(config.eligibility.maxTimesInTier.tier) })}</li>
        ) : null}
        {config.eligibility.quotas.map((q, i) => (
          <li key={i}>
            {t("competitions.eligibilityQuota", {
              max: q.max,
              scope: [q.group ? ` (${groupName(q.group)})` : "", q.agencyType ? ` (${t(`agencyType.${q.agencyType}`)})` : ""].join(""),
            })}
          </li>
        ))}
      </ul>

      <h2>{t("competitions.form")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("competitions.field.title")}</th>
            <th scope="col">{t("competitions.field.wordLimit")}</th>
            <th scope="col">{t("competitions.field.weight")}</th>
          </tr>
        </thead>
        <tbody>
          {config.sections.map((s) => (
            <tr key={s.code}>
              <td>
                <span lang={CONTENT_LANG}>{s.title}</span>
                {s.groups.length ? <span className="muted" lang={CONTENT_LANG}> ({s.groups.map(groupName).join(", ")})</span> : null}
                {s.guidance ? <div className="hint" lang={CONTENT_LANG}>{s.guidance}</div> : null}
              </td>
              <td>{t("competitions.words", { n: s.wordLimit })}</td>
              <td>{s.weight}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {config.attachments.length ? (
        <>
          <h3>{t("competitions.part.lampiran")}</h3>
          <ul>
            {config.attachments.map((a) => (
              <li key={a.code}>
                <span lang={CONTENT_LANG}>{a.name}</span> <span className="muted">({t(`competitions.attachmentKind.${a.kind}`)}{a.groups.length ? `; ${a.groups.map(groupName).join(", ")}` : ""})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("competitions.criteria")}</h2>
      {config.stages
        .filter((s) => SCORED_KINDS.includes(s.kind))
        .map((s) => (
          <section key={s.code}>
            <h3 lang={CONTENT_LANG}>{s.name}</h3>
            <ul>
              {s.criteria.map((k) => (
                <li key={k.code}>
                  <span lang={CONTENT_LANG}>{k.name}</span> — {t("competitions.weightShort", { n: k.weight })}
                  {k.description ? <span className="muted" lang={CONTENT_LANG}> · {k.description}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}

      {config.tiers.length ? (
        <>
          <h2>{t("competitions.tiers")}</h2>
          <ol>
            {[...config.tiers]
              .sort((a, b) => a.rank - b.rank)
              .map((x) => (
                <li key={x.code}>{x.name}</li>
              ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
