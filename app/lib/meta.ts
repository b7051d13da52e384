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

/**
 * For a page whose address holds a secret (an invitation or reset link): requests it leads to
 * name only the site, never the address, not even to Lumbung's own logs. Not "no-referrer": with
 * it, browsers send a form's POST with `Origin: null`, which React Router refuses as a
 * cross-site request, and the form could not be sent without JavaScript.
 */
export const REFERRER_ORIGIN_ONLY: MetaDescriptor = { name: "referrer", content: "origin" };

export type LinkPreview = { title: string; description: string; url: string; image?: string | null; imageAlt?: string | null; type?: "website" | "article" };

/**
 * A page's link preview: what WhatsApp, Telegram and social sites show for a shared link
 * (OpenGraph and Twitter tags), its description and its one canonical address.
 */
export function previewTags(p: LinkPreview, pageTitle = `${p.title} · Lumbung`): MetaDescriptor[] {
  return [
    { title: pageTitle },
    { name: "description", content: p.description },
    { tagName: "link", rel: "canonical", href: p.url },
    { property: "og:site_name", content: "Lumbung" },
    { property: "og:type", content: p.type ?? "website" },
    { property: "og:title", content: p.title },
    { property: "og:description", content: p.description },
    { property: "og:url", content: p.url },
    { name: "twitter:card", content: p.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: p.title },
    { name: "twitter:description", content: p.description },
    ...(p.image
      ? [
          { property: "og:image", content: p.image },
          { property: "og:image:alt", content: p.imageAlt ?? p.title },
          { name: "twitter:image", content: p.image },
        ]
      : []),
  ];
}
