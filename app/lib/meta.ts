import type { MetaDescriptor } from "react-router";
import { translator, type Locale } from "~/i18n";

type Match = { id: string; loaderData?: unknown; data?: unknown } | undefined;

/** A page's <title> from the message catalog, in the reader's language (from the root loader). */
export function pageTitle(matches: readonly Match[], key: string, extra: MetaDescriptor[] = []): MetaDescriptor[] {
  const root = matches.find((m) => m?.id === "root");
  const data = (root?.loaderData ?? root?.data) as { locale?: Locale } | undefined;
  const t = translator(data?.locale ?? "id");
  return [{ title: `${t(key)} · ${t("app.name")}` }, ...extra];
}
