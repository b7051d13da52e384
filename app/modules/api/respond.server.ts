// What every open-API endpoint shares: the headers of open data, strict parameter parsing with
// the offending fields named, and page links.
import type { RouterContextProvider } from "react-router";
import type { z } from "zod";
import { services } from "~/lib/context.server";
import { invalid } from "~/lib/errors";
import { api, json } from "~/lib/respond.server";
import { queryToObject } from "./query";
import type { Accepted, AcceptedOf } from "./query-schemas";
import type { PageLinks, PageMeta } from "./schemas";

// Open data: any site may read it from the browser, and a minute's caching spares the database
// when a dashboard or a news page embeds the figures.
export const OPEN_DATA_HEADERS = {
  "access-control-allow-origin": "*",
  "cache-control": "public, max-age=60",
} as const;

type LoaderArgs = { request: Request; context: Readonly<RouterContextProvider>; params: Record<string, string | undefined> };

/**
 * Wrap an open-API loader: typed errors become the JSON error shape (api()), and every answer,
 * errors included, carries the open-data headers.
 */
export function openData<A extends LoaderArgs>(fn: (args: A) => Promise<Response>) {
  const wrapped = api(fn);
  return async (args: A): Promise<Response> => {
    // A browser asks first (CORS preflight) when a script adds its own headers to the request.
    const res = args.request.method === "OPTIONS" ? preflight() : await wrapped(args);
    for (const [k, v] of Object.entries(OPEN_DATA_HEADERS)) res.headers.set(k, v);
    return res;
  };
}

const preflight = () =>
  new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "*",
      "access-control-max-age": "86400",
    },
  });

/** A successful open-API answer. */
export const ok = (body: unknown) => json(body);

/**
 * Parse the query string strictly: any bad parameter is a 400 naming it, in a sentence that
 * says what it accepts (`accepted`, beside each schema in query-schemas.ts). Unknown
 * parameters are ignored, so clients may add their own (cache busters, tracking) without
 * breaking.
 */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request, accepted: AcceptedOf<z.input<S>>): z.output<S> {
  const raw = queryToObject(new URL(request.url).searchParams);
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    // The parameter's name, even for one value of a repeated parameter.
    const field = issue.path.length ? String(issue.path[0]) : "query";
    if (fields[field]) continue;
    const phrase = (accepted as Record<string, Accepted | undefined>)[field];
    const what = typeof phrase === "function" ? phrase(raw) : (phrase ?? "a valid value");
    // A parameter that takes one value, given several times: the issue is the whole list's,
    // where a facet's would name one of its values (path [field, i]) or the list's length.
    const once = Array.isArray(raw[field]) && issue.path.length === 1 && !(issue.code === "too_big" && issue.origin === "array");
    fields[field] = once ? `The ${field} parameter must be given once: ${what}.` : `The ${field} parameter must be ${what}.`;
  }
  throw invalid("errors.invalid", fields);
}

/** The public base address, for absolute links: the configured PUBLIC_URL. */
export function baseUrl(context: Readonly<RouterContextProvider>): string {
  return services(context).env.publicUrl;
}

/** An absolute address of this API, with the request's own query string unless one is given. */
export function absolute(context: Readonly<RouterContextProvider>, path: string, query?: URLSearchParams | string): string {
  const qs = query === undefined ? "" : String(query);
  return `${baseUrl(context)}${path}${qs ? `?${qs}` : ""}`;
}

/** meta and links for a page of a list, keeping every other parameter of the request. */
export function pageOf(
  context: Readonly<RouterContextProvider>,
  request: Request,
  p: { total: number; page: number; perPage: number; pages?: number },
): { meta: PageMeta; links: PageLinks } {
  // A use case may cap the pages it serves (the catalogue's result window).
  const pages = Math.max(1, p.pages ?? Math.ceil(p.total / p.perPage));
  const url = new URL(request.url);
  const at = (n: number) => {
    const sp = new URLSearchParams(url.searchParams);
    sp.set("page", String(n));
    return absolute(context, url.pathname, sp);
  };
  return {
    meta: { total: p.total, page: p.page, perPage: p.perPage, pages },
    links: {
      self: absolute(context, url.pathname, url.searchParams),
      next: p.page < pages ? at(p.page + 1) : null,
      prev: p.page > 1 ? at(Math.min(p.page - 1, pages)) : null,
    },
  };
}
