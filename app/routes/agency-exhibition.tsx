// /instansi/:slug/pameran: the portfolio as a full-screen exhibition for festivals (Banyumas
// showed 92 innovations of its units at one). One innovation per screen-high slide with
// scroll snapping and anchor links between slides, so it works without JavaScript; with it,
// the arrow keys move between slides and ?putar=10 (or the play button) advances every 10 s.
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { Route } from "./+types/agency-exhibition";
import { requestInfo, services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { formatNumber, translator } from "~/i18n";
import { previewTags } from "~/lib/meta";
import { useRoot, useT } from "~/lib/use-i18n";
import { getAgencyPortfolio } from "~/modules/catalogue/get-agency-portfolio.server";

const SHOWN = 200;
const DEFAULT_SECONDS = 10;

export const loader = page(async ({ params, context, request }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const portfolio = await getAgencyPortfolio(db, params.slug, { limit: SHOWN });
  if (!portfolio) throw notFound();
  const putar = Number(new URL(request.url).searchParams.get("putar"));
  return {
    portfolio,
    publicUrl: env.publicUrl,
    autoSeconds: Number.isInteger(putar) && putar >= 3 && putar <= 600 ? putar : null,
    title: t("catalogue.exhibition.pageTitle", { name: portfolio.agency.shortName ?? portfolio.agency.name }),
    preview: {
      title: `${t("catalogue.exhibition.kicker")} · ${portfolio.agency.name}`,
      description: t("catalogue.exhibition.intro", { count: portfolio.total }),
      url: `${env.publicUrl}/instansi/${portfolio.agency.slug}/pameran`,
    },
  };
});

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags(loaderData.preview, loaderData.title) : [{ title: "Lumbung" }]);

/** Keyboard and timed advance: an enhancement over the scroll-snapping slides. */
function useSlides(count: number, autoSeconds: number | null) {
  const ref = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(autoSeconds !== null);
  const [enhanced, setEnhanced] = useState(false);

  const go = useCallback((delta: number | "first" | "last") => {
    const el = ref.current;
    if (!el) return;
    const height = el.clientHeight || 1;
    const current = Math.round(el.scrollTop / height);
    const target =
      delta === "first" ? 0 : delta === "last" ? count - 1 : (current + delta + count) % count;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollTo({ top: target * height, behavior: reduced ? "auto" : "smooth" });
  }, [count]);

  useEffect(() => {
    setEnhanced(true);
    const el = ref.current;
    el?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const keys: Record<string, number | "first" | "last"> = {
        ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1, Home: "first", End: "last",
      };
      const move = keys[e.key];
      if (move === undefined) return;
      e.preventDefault();
      go(move);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go]);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => go(1), (autoSeconds ?? DEFAULT_SECONDS) * 1000);
    return () => window.clearInterval(timer);
  }, [playing, autoSeconds, go]);

  return { ref, playing, setPlaying, enhanced };
}

export default function Exhibition({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { portfolio, publicUrl, autoSeconds } = loaderData;
  const { agency, innovations, total } = portfolio;
  const slides = innovations.length + 2;
  const { ref, playing, setPlaying, enhanced } = useSlides(slides, autoSeconds);
  const displayHost = publicUrl.replace(/^https?:\/\//, "");
  const last = innovations.length + 1;

  return (
    <div className="exhibition" ref={ref} tabIndex={0} role="region" aria-label={t("catalogue.exhibition.kicker")}>
      {enhanced ? (
        <button type="button" className="exhibition-play" aria-pressed={playing} onClick={() => setPlaying(!playing)}>
          {playing ? t("catalogue.exhibition.pause") : t("catalogue.exhibition.play")}
        </button>
      ) : null}
      <section id="slide-0" className="slide slide-cover" aria-labelledby="exhibition-title">
        <p className="slide-kicker">{t("catalogue.exhibition.kicker")}</p>
        <h1 id="exhibition-title">{agency.name}</h1>
        <p className="slide-summary">{t("catalogue.exhibition.intro", { count: formatNumber(locale, total) })}</p>
        <p className="slide-actions">
          {innovations.length ? <a className="button" href="#slide-1">{t("catalogue.exhibition.start")}</a> : null}{" "}
          <Link to={`/instansi/${agency.slug}`}>{t("catalogue.exhibition.exit")}</Link>
        </p>
        <p className="slide-hint">{t("catalogue.exhibition.keys")}</p>
      </section>

      {innovations.map((c, n) => {
        const id = `slide-${n + 1}`;
        return (
          <section key={c.id} id={id} className="slide" aria-labelledby={`${id}-title`}>
            <div className={c.photoFileId !== null ? "slide-content with-photo" : "slide-content"}>
              {c.photoFileId !== null ? (
                <img className="slide-photo" src={`/berkas/${c.photoFileId}`} alt={t("catalogue.innovation.photoAlt", { n: 1, name: c.name })} loading={n < 2 ? "eager" : "lazy"} />
              ) : null}
              <div className="slide-text">
                {c.acronym ? <p className="slide-kicker">{c.acronym}</p> : null}
                <h2 id={`${id}-title`}>{c.name}</h2>
                <p className="slide-summary">{c.summary}</p>
                <p className="slide-meta">
                  <span className={`tag status-${c.status}`}>{t(`innovation.status.${c.status}`)}</span>
                  {c.startYear ? ` ${t("catalogue.card.startedIn", { year: String(c.startYear) })}` : null}
                  {c.sectors.map((s) => (
                    <span key={s} className="tag">{t(`sector.${s}`)}</span>
                  ))}
                </p>
                <p className="slide-url">{t("catalogue.exhibition.more", { url: `${displayHost}/inovasi/${c.slug}` })}</p>
              </div>
            </div>
            <div className="slide-nav">
              <a href={`#slide-${n}`}>{t("common.previous")}</a>
              <span>{t("catalogue.exhibition.position", { n: n + 1, total: innovations.length })}</span>
              <a href={`#slide-${n + 2}`}>{t("common.next")}</a>
            </div>
          </section>
        );
      })}

      <section id={`slide-${last}`} className="slide slide-cover" aria-labelledby="exhibition-end">
        <h2 id="exhibition-end">{t("catalogue.exhibition.end")}</h2>
        <p className="slide-summary">{agency.name}</p>
        <p className="slide-actions">
          <a className="button" href="#slide-0">{t("catalogue.exhibition.again")}</a>{" "}
          <Link to={`/instansi/${agency.slug}`}>{t("catalogue.exhibition.exit")}</Link>
        </p>
      </section>
    </div>
  );
}
