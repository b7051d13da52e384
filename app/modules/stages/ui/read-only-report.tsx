// A submitted (or not editable) field report as text: the checklist ticked or not, the notes,
// the testimonies, the photos and the decision.
import type { IndicatorCheck, Testimony } from "~/db/schema";
import { useT } from "~/lib/use-i18n";
import { FIELD_CHECKLIST } from "../checklist";
import { FindingSummary, IndicatorComparison } from "./indicator-checks";

type ReportView = {
  checklist: Record<string, boolean>;
  notes: string;
  testimonies: Testimony[];
  indicatorChecks: IndicatorCheck[];
  verified: boolean | null;
  reason: string;
  submittedAt: string | null;
};

export function ReadOnlyReport({ report: r, photos, photoSrc }: { report: ReportView; photos: { id: number; filename: string; size: number }[]; photoSrc: (id: number) => string }) {
  const t = useT();
  return (
    <>
      <h2>{t("stages.report.checklist")}</h2>
      <ul>
        {FIELD_CHECKLIST.map((c) => (
          <li key={c}>
            {r.checklist[c] ? t("stages.report.checkYes") : t("stages.report.checkNo")} — {t(`stages.check.${c}`)}
          </li>
        ))}
      </ul>
      <h2>{t("stages.indicators.compare")}</h2>
      {r.indicatorChecks.length ? <p><FindingSummary checks={r.indicatorChecks} /></p> : null}
      <IndicatorComparison checks={r.indicatorChecks} caption={t("stages.indicators.compare")} />
      <h2>{t("stages.report.notes")}</h2>
      <p className="prose-text">{r.notes || "—"}</p>
      <h2>{t("stages.report.testimonies")}</h2>
      {r.testimonies.length ? (
        r.testimonies.map((x, i) => (
          <blockquote key={i}>
            <p className="prose-text">{x.text || "—"}</p>
            <footer>
              {x.name || "—"}
              {x.relation ? `, ${x.relation}` : ""}
            </footer>
          </blockquote>
        ))
      ) : (
        <p className="muted">{t("stages.report.noTestimonies")}</p>
      )}
      <h2>{t("stages.report.photos")}</h2>
      {photos.length ? (
        <div className="photo-grid">
          {photos.map((p) => (
            <figure key={p.id}>
              <a href={photoSrc(p.id)}>
                <img src={photoSrc(p.id)} alt={t("stages.report.photoAlt", { name: p.filename })} width={224} loading="lazy" />
              </a>
              <figcaption>{p.filename}</figcaption>
            </figure>
          ))}
        </div>
      ) : (
        <p className="muted">{t("stages.report.noPhotos")}</p>
      )}
      <h2>{t("stages.report.decision")}</h2>
      <p>
        <strong>{r.verified === null ? t("stages.report.noDecision") : r.verified ? t("stages.report.verifiedYes") : t("stages.report.verifiedNo")}</strong>
        {r.submittedAt ? null : <span className="muted"> ({t("stages.report.state.draft")})</span>}
      </p>
      {r.reason ? <p className="prose-text">{r.reason}</p> : null}
    </>
  );
}
