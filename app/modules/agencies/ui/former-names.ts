import type { Translate } from "~/i18n";
import { formerNamesNewestFirst, type FormerName } from "../name-in-year";

/** Each former name in words, the most recent first: "Kementerian Komunikasi dan Informatika (Kominfo), sampai 2024". */
export function formerNamesText(t: Translate, names: readonly FormerName[]): string[] {
  return formerNamesNewestFirst(names).map((f) => {
    // A string, not a number: the translator would write 2024 as "2.024" in Indonesian.
    const until = String(f.until);
    // A short name equal to the name (or none) adds nothing in brackets.
    return f.shortName && f.shortName !== f.name
      ? t("agencies.formerNames.item", { name: f.name, shortName: f.shortName, until })
      : t("agencies.formerNames.itemNoShortName", { name: f.name, until });
  });
}
