import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "react-router";
import { formatInstant, isLocale, translator, type Locale, type ZoneName } from "~/i18n";

export type RootData = {
  locale: Locale;
  zone: ZoneName;
  csrfToken: string;
  demo: boolean;
  user: { name: string; role: string; agencyName: string | null } | null;
};

export function useRoot(): RootData {
  const d = useRouteLoaderData("root") as RootData | undefined;
  // Without root data, the request was refused before the loaders ran (a forged form, a NUL in
  // the address): the refusal names the reader's language (request.server.ts).
  const error = useRouteError();
  if (d) return d;
  const refused = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | undefined)?.locale : undefined;
  return { locale: isLocale(refused) ? refused : "id", zone: "WIB", csrfToken: "", demo: false, user: null };
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
