// /sitemap/:file: one file of the sitemap index (halaman.xml, instansi.xml, inovasi-<n>.xml).
import type { Route } from "./+types/sitemap";
import { services } from "~/lib/context.server";
import { sitemapFile, XML_HEADERS } from "~/modules/catalogue/sitemaps.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, env } = services(context);
  const body = await sitemapFile(db, env.publicUrl, params.file);
  if (body === null) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(body, { headers: XML_HEADERS });
}
