import { useRouteLoaderData } from "react-router";
import { formatInstant, translator, type Locale, type ZoneName } from "~/i18n";

export type RootData = {
  locale: Locale;
  zone: ZoneName;
  csrfToken: string;
  demo: boolean;
  user: { name: string; role: string; agencyName: string | null } | null;
};

export function useRoot(): RootData {
  const d = useRouteLoaderData("root") as RootData | undefined;
  return d ?? { locale: "id", zone: "WIB", csrfToken: "", demo: false, user: null };
}

/** The reader's translator: their language, and instants carried by messages shown in their zone. */
export function useT() {
  const { locale, zone } = useRoot();
  return translator(locale, { zone });
}

export function useInstant() {
  const { locale, zone } = useRoot();
  return (d: Date | string) => formatInstant(locale, d, zone);
}
