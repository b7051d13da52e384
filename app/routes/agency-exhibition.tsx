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
import { CONTENT_LANG, formatNumber, translator } from "~/i18n";
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

const slidesOf = (el: HTMLElement) => Array.from(el.children).filter((c): c is HTMLElement => c.classList.contains("slide"));
/** The slide filling most of the screen (slides may be taller than the screen on a phone). */
const slideAt = (el: HTMLElement) => Math.max(0, slidesOf(el).findLastIndex((s) => s.offsetTop <= el.scrollTop + el.clientHeight / 2));

/**
 * Keyboard and timed advance: an enhancement over the scroll-snapping slides. The tab order is
 * that of a carousel: the show, its play button, then the links of the slide on screen only (the
 * others leave the tab order, not the page); after a link to a slide, the focus returns to the
 * show, so the play button is always the next Tab.
 */
function useSlides(count: number, autoSeconds: number | null) {
  const ref = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(autoSeconds !== null);
  const [enhanced, setEnhanced] = useState(false);
  const [current, setCurrent] = useState(0);

  const go = useCallback((delta: number | "first" | "last") => {
    const el = ref.current;
    if (!el) return;
    const here = slideAt(el);
    const target =
      delta === "first" ? 0 : delta === "last" ? count - 1 : (here + delta + count) % count;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollTo({ top: slidesOf(el)[target]?.offsetTop ?? 0, behavior: reduced ? "auto" : "smooth" });
  }, [count]);

  useEffect(() => {
    setEnhanced(true);
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCurrent(slideAt(el)));
    };
    onScroll();
    el.addEventListener("scroll", onScroll, { passive: true });
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
    // A link to a slide leaves the focus nowhere (the browser only scrolls): bring it back to the show.
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element).closest('a[href^="#slide-"]')) window.setTimeout(() => el.focus({ preventScroll: true }));
    };
    window.addEventListener("keydown", onKey);
    el.addEventListener("click", onClick);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener("scroll", onScroll);
      window.removeEventListener("keydown", onKey);
      el.removeEventListener("click", onClick);
    };
  }, [go]);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => go(1), (autoSeconds ?? DEFAULT_SECONDS) * 1000);
    return () => window.clearInterval(timer);
  }, [playing, autoSeconds, go]);

  /** The links of a slide not on screen leave the tab order (with JavaScript only). */
  const tabStop = (slide: number) => (enhanced && slide !== current ? -1 : undefined);
  return { ref, playing, setPlaying, enhanced, tabStop };
}

export default function Exhibition({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { portfolio, publicUrl, autoSeconds } = loaderData;
  const { agency, innovations, total } = portfolio;
  const slides = innovations.length + 2;
  const { ref, playing, setPlaying, enhanced, tabStop } = useSlides(slides, autoSeconds);
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
          {innovations.length ? <a className="button" href="#slide-1" tabIndex={tabStop(0)}>{t("catalogue.exhibition.start")}</a> : null}{" "}
          <Link to={`/instansi/${agency.slug}`} tabIndex={tabStop(0)}>{t("catalogue.exhibition.exit")}</Link>
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
                {c.acronym ? <p className="slide-kicker" lang={CONTENT_LANG}>{c.acronym}</p> : null}
                <h2 id={`${id}-title`} lang={CONTENT_LANG}>{c.name}</h2>
                <p className="slide-summary" lang={CONTENT_LANG}>{c.summary}</p>
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
              <a href={`#slide-${n}`} tabIndex={tabStop(n + 1)}>{t("common.previous")}</a>
              <span>{t("catalogue.exhibition.position", { n: n + 1, total: innovations.length })}</span>
              <a href={`#slide-${n + 2}`} tabIndex={tabStop(n + 1)}>{t("common.next")}</a>
            </div>
          </section>
        );
      })}

      <section id={`slide-${last}`} className="slide slide-cover" aria-labelledby="exhibition-end">
        <h2 id="exhibition-end">{t("catalogue.exhibition.end")}</h2>
        <p className="slide-summary">{agency.name}</p>
        <p className="slide-actions">
          <a className="button" href="#slide-0" tabIndex={tabStop(last)}>{t("catalogue.exhibition.again")}</a>{" "}
          <Link to={`/instansi/${agency.slug}`} tabIndex={tabStop(last)}>{t("catalogue.exhibition.exit")}</Link>
        </p>
      </section>
    </div>
  );
}
