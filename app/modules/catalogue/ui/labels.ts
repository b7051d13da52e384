// Labels for the catalogue's vocabularies, from the message catalogs each module keeps.
import type { Translate } from "~/i18n";
import type { Facet } from "../query";

export function facetValueLabel(t: Translate, facet: Facet, value: string, provinces: Record<string, string> = {}): string {
  switch (facet) {
    case "agencyType":
      return t(`agencyType.${value}`);
    case "province":
      return provinces[value] ?? value;
    case "sector":
      return t(`sector.${value}`);
    case "sdg":
      return t(`sdg.${value}`);
    case "status":
      return t(`innovation.status.${value}`);
    default:
      return value;
  }
}

/** "Gemas Pesulan" shown beside the name, unless the name already says it. */
export function withAcronym(name: string, acronym: string | null): string {
  if (!acronym || name.toLowerCase().includes(acronym.toLowerCase())) return name;
  return `${name} (${acronym})`;
}
