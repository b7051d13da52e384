// /robots.txt: the work area and the sign-in are no business of search engines; the sitemap
// is named with the site's own address (the protocol wants it absolute), so it is written here
// rather than kept as a static file.
import type { Route } from "./+types/robots";
import { services } from "~/lib/context.server";

export function loader({ context }: Route.LoaderArgs) {
  const { env } = services(context);
  const body = ["User-agent: *", "Disallow: /kelola", "Disallow: /masuk", "", `Sitemap: ${env.publicUrl}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
