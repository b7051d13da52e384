// /inovasi/:slug: everything public about one published innovation, with link previews
// (OpenGraph, Twitter) so a link shared on WhatsApp shows its title, summary and first photo.
import { Link, redirect } from "react-router";
import type { Route } from "./+types/innovation";
import { requestInfo, services } from "~/lib/context.server";
import { can } from "~/lib/policy";
import { visitCount } from "~/modules/visits/visits.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { CONTENT_LANG, formatDate, formatNumber } from "~/i18n";
import { previewTags } from "~/lib/meta";
import { useInstant, useRoot, useT } from "~/lib/use-i18n";
import { getPublishedInnovation, replicationsOf, type PublicFile } from "~/modules/catalogue/get-innovation.server";
import { shorten } from "~/modules/catalogue/cards.server";
import { withAcronym } from "~/modules/catalogue/ui/labels";
import { awardsOfInnovation } from "~/modules/results/queries.server";
import { TableScroll } from "~/components/table-scroll";
import { checkInsOf } from "~/modules/check-ins/queries.server";
import { sustainabilityOf } from "~/modules/check-ins/sustainability";
import { CheckInList } from "~/modules/check-ins/ui/check-in-list";
import { jakartaYear } from "~/modules/compliance/year";

export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const { db, env, receivedAt } = services(context);
  const innovation = await getPublishedInnovation(db, params.slug);
  if (!innovation) throw notFound();
  // Numeric ids (the API's, old links) lead to the one shareable address.
  if (params.slug !== innovation.slug) throw redirect(`/inovasi/${innovation.slug}`, 301);
  const photo = innovation.photos[0];
  const checkIns = await checkInsOf(db, innovation.id, { withNames: false });
  return {
    innovation,
    awards: await awardsOfInnovation(db, innovation.id),
    replications: await replicationsOf(db, innovation.id),
    checkIns,
    visits: { accepted: await visitCount(db, innovation.id), mayAsk: can(requestInfo(context).actor, "visit.request", { hostAgencyId: innovation.agency.id }).ok },
    // Decided on the server (the year is Jakarta's now), so both renders say the same.
    sustainability: sustainabilityOf(checkIns, innovation.publishedAt, jakartaYear(receivedAt)),
    preview: {
      title: withAcronym(innovation.name, innovation.acronym),
      description: shorten(innovation.summary.replace(/\s+/g, " ").trim(), 200),
      url: `${env.publicUrl}/inovasi/${innovation.slug}`,
      image: photo ? `${env.publicUrl}/berkas/${photo.id}` : null,
      imageAlt: photo ? (photo.caption ?? innovation.name) : null,
    },
  };
});

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags({ ...loaderData.preview, type: "article" }) : [{ title: "Lumbung" }]);

const safeUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);
const dateOnly = (d: string) => `${d}T12:00:00Z`;

function fileType(mime: string) {
  if (mime === "application/pdf") return "PDF";
  const m = /^image\/(\w+)/.exec(mime);
  return m ? m[1].toUpperCase() : mime;
}

function TextSection({ id, title, text }: { id: string; title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="prose-text" lang={CONTENT_LANG}>{text}</div>
    </section>
  );
}

export default function Innovation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const instant = useInstant();
  const i = loaderData.innovation;
  const size = (f: PublicFile) =>
    f.size >= 1024 * 1024
      ? `${formatNumber(locale, f.size / (1024 * 1024), { maximumFractionDigits: 1 })} MB`
      : `${formatNumber(locale, Math.max(1, Math.round(f.size / 1024)))} KB`;
  const video = safeUrl(i.videoUrl);
  // An indicator's proof is one of the evidence files listed below: linked beside the claim.
  const evidenceById = new Map(i.evidence.map((f) => [f.id, f]));
  const proofs = i.indicators.some((r) => r.evidenceFileId !== undefined && evidenceById.has(r.evidenceFileId));
  const proofOf = (fileId: number | undefined) => {
    const f = fileId === undefined ? undefined : evidenceById.get(fileId);
    return f ? <a href={`/berkas/${f.id}`} download={f.filename}>{t("innovation.indicator.evidenceLink", { name: f.filename })}</a> : "—";
  };

  return (
    <article className="innovation-page">
      <nav aria-label={t("catalogue.innovation.breadcrumb")} className="breadcrumb">
        <Link to="/inovasi">{t("catalogue.title")}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={`/instansi/${i.agency.slug}`}>{i.agency.shortName ?? i.agency.name}</Link>
      </nav>
      <h1 lang={CONTENT_LANG}>{withAcronym(i.name, i.acronym)}</h1>
      <p className="lead" lang={CONTENT_LANG}>{i.summary}</p>
      {loaderData.awards.length ? (
        <section aria-labelledby="awards-title">
          <h2 id="awards-title" className="visually-hidden">{t("results.awardsTitle")}</h2>
          <ul className="inline-list awards">
            {loaderData.awards.map((a) => (
              <li key={`${a.slug}-${a.tier}`}>
                <Link to={`/kompetisi/${a.slug}/hasil`}>{t("results.awardBadge", { tier: a.tier, competition: a.competition })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="facts-title" className="facts">
        <h2 id="facts-title" className="visually-hidden">{t("catalogue.innovation.facts")}</h2>
        <dl>
          <dt>{t("innovation.field.agency")}</dt>
          <dd><Link to={`/instansi/${i.agency.slug}`}>{i.agency.name}</Link></dd>
          {i.unitName ? (<><dt>{t("innovation.field.unit")}</dt><dd>{i.unitName}</dd></>) : null}
          {i.regionName ? (
            <>
              <dt>{t("innovation.field.region")}</dt>
              <dd>
                {i.provinceCode && i.regionCode === i.provinceCode ? (
                  <Link to={`/wilayah/${i.provinceCode}`}>{i.regionName}</Link>
                ) : (
                  <>
                    {i.regionName}
                    {i.provinceCode && i.provinceName ? (
                      <>, <Link to={`/wilayah/${i.provinceCode}`}>{i.provinceName}</Link></>
                    ) : null}
                  </>
                )}
              </dd>
            </>
          ) : null}
          <dt>{t("innovation.field.status")}</dt>
          <dd><span className={`tag status-${i.status}`}>{t(`innovation.status.${i.status}`)}</span></dd>
          {loaderData.sustainability ? (
            <>
              <dt>{t("checkins.public.title")}</dt>
              <dd>
                {t(`checkins.public.${loaderData.sustainability.kind}`, { year: String(loaderData.sustainability.year ?? "") })}
                {loaderData.checkIns.length ? <> <a href="#check-ins-title">{t("checkins.list.title")}</a></> : null}
                {" · "}<Link to="/keberlanjutan">{t("checkins.publicPage.link")}</Link>
              </dd>
            </>
          ) : null}
          {i.startedOn ? (<><dt>{t("innovation.field.startedOn")}</dt><dd>{formatDate(locale, dateOnly(i.startedOn))}</dd></>) : null}
          {i.sectors.length ? (
            <>
              <dt>{t("innovation.field.sectors")}</dt>
              <dd>
                {i.sectors.map((s) => (
                  <Link key={s} to={`/inovasi?sector=${s}`} className="tag">{t(`sector.${s}`)}</Link>
                ))}
              </dd>
            </>
          ) : null}
          {i.sdgs.length ? (
            <>
              <dt>{t("innovation.field.sdgs")}</dt>
              <dd>
                <ul className="inline-list">
                  {i.sdgs.map((g) => <li key={g}>{t(`sdg.${g}`)}</li>)}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>{t("innovation.field.origin")}</dt>
          <dd>
            {t(`innovation.origin.${i.origin}`)}
            {i.originInnovation ? (
              <>
                {": "}
                <Link to={`/inovasi/${i.originInnovation.slug}`} lang={CONTENT_LANG}>{i.originInnovation.name}</Link>
              </>
            ) : null}
            {i.originNote ? <> (<span lang={CONTENT_LANG}>{i.originNote}</span>)</> : null}
          </dd>
          {i.publishedAt ? (<><dt>{t("catalogue.innovation.publishedAt")}</dt><dd>{instant(i.publishedAt)}</dd></>) : null}
          <dt>{t("catalogue.innovation.updatedAt")}</dt>
          <dd>{instant(i.updatedAt)}</dd>
        </dl>
      </section>

      {loaderData.visits.accepted || loaderData.visits.mayAsk ? (
        <p>
          {loaderData.visits.accepted ? t("visits.public.count", { n: loaderData.visits.accepted }) : null}{" "}
          {loaderData.visits.mayAsk ? <Link to={`/kelola/kunjungan/baru?inovasi=${i.slug}`}>{t("visits.ask")}</Link> : null}
        </p>
      ) : null}

      {loaderData.checkIns.length ? (
        <section aria-labelledby="check-ins-title">
          <h2 id="check-ins-title">{t("checkins.list.title")}</h2>
          <CheckInList checkIns={loaderData.checkIns} />
        </section>
      ) : null}

      {loaderData.replications.total ? (
        <section aria-labelledby="replications-title">
          <h2 id="replications-title">{t("catalogue.innovation.replications", { n: loaderData.replications.total })}</h2>
          <ul>
            {loaderData.replications.rows.map((r) => (
              <li key={r.slug}>
                <Link to={`/inovasi/${r.slug}`} lang={CONTENT_LANG}>{withAcronym(r.name, r.acronym)}</Link>, {r.agency}{" "}
                <span className={`tag status-${r.status}`}>{t(`innovation.status.${r.status}`)}</span>
                {r.startedOn ? <span className="muted"> {t("catalogue.innovation.replicationSince", { date: formatDate(locale, dateOnly(r.startedOn)) })}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {i.photos.length ? (
        <section aria-labelledby="photos-title">
          <h2 id="photos-title">{t("catalogue.innovation.photos")}</h2>
          <div className="photo-grid">
            {i.photos.map((f, n) => (
              <figure key={f.id}>
                <img src={`/berkas/${f.id}`} alt={f.caption ?? t("catalogue.innovation.photoAlt", { n: n + 1, name: i.name })} loading={n ? "lazy" : "eager"} />
                {f.caption ? <figcaption>{f.caption}</figcaption> : null}
              </figure>
            ))}
          </div>
        </section>
      ) : null}

      <TextSection id="problem" title={t("innovation.field.problem")} text={i.problem} />
      <TextSection id="target-group" title={t("innovation.field.targetGroup")} text={i.targetGroup} />
      <TextSection id="novelty" title={t("innovation.field.novelty")} text={i.novelty} />
      <TextSection id="implementation" title={t("innovation.field.implementation")} text={i.implementation} />
      <TextSection id="results" title={t("innovation.field.results")} text={i.results} />

      {i.indicators.length ? (
        <section aria-labelledby="indicators-title">
          <h2 id="indicators-title">{t("innovation.field.indicators")}</h2>
          <TableScroll labelledBy="indicators-caption">
            <table>
              <caption id="indicators-caption" className="visually-hidden">{t("catalogue.innovation.indicatorsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("innovation.indicator.name")}</th>
                  <th scope="col">{t("innovation.indicator.before")}</th>
                  <th scope="col">{t("innovation.indicator.after")}</th>
                  <th scope="col">{t("innovation.indicator.unit")}</th>
                  <th scope="col">{t("innovation.indicator.source")}</th>
                  {proofs ? <th scope="col">{t("innovation.indicator.evidence")}</th> : null}
                </tr>
              </thead>
              <tbody lang={CONTENT_LANG}>
                {i.indicators.map((row, n) => (
                  <tr key={n}>
                    <th scope="row">{row.name}</th>
                    <td>{row.before}</td>
                    <td>{row.after}</td>
                    <td>{row.unit}</td>
                    <td>{row.source}</td>
                    {proofs ? <td>{proofOf(row.evidenceFileId)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}

      <TextSection id="benefits" title={t("innovation.field.benefits")} text={i.benefits} />
      <TextSection id="resources" title={t("innovation.field.resources")} text={i.resources} />
      <TextSection id="sustainability" title={t("innovation.field.sustainability")} text={i.sustainability} />

      {video ? (
        <p>
          <a href={video} rel="noopener noreferrer">{t("catalogue.innovation.video")}</a>
        </p>
      ) : null}

      {i.evidence.length ? (
        <section aria-labelledby="evidence-title">
          <h2 id="evidence-title">{t("catalogue.innovation.evidence")}</h2>
          <ul>
            {i.evidence.map((f) => (
              <li key={f.id}>
                <a href={`/berkas/${f.id}`} download={f.filename}>
                  {f.filename}
                </a>
                {f.caption ? ` — ${f.caption}` : null}{" "}
                <span className="muted">({t("catalogue.innovation.fileSize", { type: fileType(f.mime), size: size(f) })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {i.contact.name || i.contact.email || i.contact.phone ? (
        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{t("catalogue.innovation.contact")}</h2>
          <p>
            {i.contact.name}
            {i.contact.email ? <><br /><a href={`mailto:${i.contact.email}`}>{i.contact.email}</a></> : null}
            {i.contact.phone ? <><br /><a href={`tel:${i.contact.phone.replace(/[^\d+]/g, "")}`}>{i.contact.phone}</a></> : null}
          </p>
        </section>
      ) : null}

      <ul className="related-links">
        <li><Link to={`/instansi/${i.agency.slug}`}>{t("catalogue.innovation.moreFromAgency", { agency: i.agency.shortName ?? i.agency.name })}</Link></li>
        {i.sectors[0] ? (
          <li><Link to={`/inovasi?sector=${i.sectors[0]}`}>{t("catalogue.innovation.similar", { sector: t(`sector.${i.sectors[0]}`) })}</Link></li>
        ) : null}
      </ul>
    </article>
  );
}
