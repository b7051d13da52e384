// The card of one published innovation in every catalogue list.
import { Link } from "react-router";
import { useT } from "~/lib/use-i18n";
import type { InnovationCard } from "../types";
import { withAcronym } from "./labels";

export function InnovationCardView({ card, level = 3 }: { card: InnovationCard; level?: 2 | 3 }) {
  const t = useT();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className="innovation-card">
      {card.photoFileId !== null ? (
        // The title beside it names the innovation: the thumbnail itself is decorative.
        <img className="card-photo" src={`/berkas/${card.photoFileId}`} alt="" loading="lazy" width={160} height={120} />
      ) : null}
      <div className="card-body">
        <Heading className="card-title">
          <Link to={`/inovasi/${card.slug}`}>{withAcronym(card.name, card.acronym)}</Link>
        </Heading>
        <p className="card-meta">
          <Link to={`/instansi/${card.agency.slug}`}>{card.agency.shortName ?? card.agency.name}</Link>
          {card.provinceName && card.provinceCode ? (
            <>
              {" · "}
              <Link to={`/wilayah/${card.provinceCode}`}>{card.provinceName}</Link>
            </>
          ) : null}
          {card.startYear ? ` · ${t("catalogue.card.startedIn", { year: String(card.startYear) })}` : null}
        </p>
        <p className="card-summary">{card.summary}</p>
        <p className="card-tags">
          <span className={`tag status-${card.status}`}>{t(`innovation.status.${card.status}`)}</span>
          {card.sectors.map((s) => (
            <span key={s} className="tag">{t(`sector.${s}`)}</span>
          ))}
        </p>
      </div>
    </article>
  );
}

export function InnovationCardList({ cards, level = 3 }: { cards: InnovationCard[]; level?: 2 | 3 }) {
  return (
    <ol className="card-list">
      {cards.map((c) => (
        <li key={c.id}>
          <InnovationCardView card={c} level={level} />
        </li>
      ))}
    </ol>
  );
}
