// /sitemap.xml: the sitemap index (see modules/catalogue/sitemaps.server.ts).
import type { Route } from "./+types/sitemap-index";
import { services } from "~/lib/context.server";
import { sitemapIndex, XML_HEADERS } from "~/modules/catalogue/sitemaps.server";

export async function loader({ context }: Route.LoaderArgs) {
  const { db, env } = services(context);
  return new Response(await sitemapIndex(db, env.publicUrl), { headers: XML_HEADERS });
}

