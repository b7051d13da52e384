// The card of one published innovation in every catalogue list. Its links are plain anchors:
// the list navigates in the app for all of them (useDelegatedNavigation).
import { CONTENT_LANG } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { useDelegatedNavigation } from "~/lib/use-delegated-navigation";
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
          <a href={`/inovasi/${card.slug}`} lang={CONTENT_LANG}>{withAcronym(card.name, card.acronym)}</a>
        </Heading>
        <p className="card-meta">
          <a href={`/instansi/${card.agency.slug}`}>{card.agency.shortName ?? card.agency.name}</a>
          {card.provinceName && card.provinceCode ? (
            <>
              {" · "}
              <a href={`/wilayah/${card.provinceCode}`}>{card.provinceName}</a>
            </>
          ) : null}
          {card.startYear ? ` · ${t("catalogue.card.startedIn", { year: String(card.startYear) })}` : null}
        </p>
        <p className="card-summary" lang={CONTENT_LANG}>{card.summary}</p>
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
  const navigate = useDelegatedNavigation();
  return (
    // The clicks handled here are those of the links inside: a keyboard's Enter on a link
    // clicks it too, so nothing is lost to anyone who does not use a mouse.
    <ol className="card-list" onClick={navigate}>
      {cards.map((c) => (
        <li key={c.id}>
          <InnovationCardView card={c} level={level} />
        </li>
      ))}
    </ol>
  );
}
