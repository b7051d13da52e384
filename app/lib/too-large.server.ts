// The answer to a request whose body passes the server's limit (server/app.ts). It is given
// before any route reads the body, so the form cannot be shown again with an error: the page
// says what the limit is and that the browser's Back button returns to the form as it was
// (browsers keep a form's fields in their history). An API client gets the JSON error shape.
import { errorBody } from "./respond.server";
import { AppError } from "./errors";
import { readCookies } from "./cookies.server";
import { LOCALE_COOKIE, preferredLocale } from "./request.server";
import { translator } from "~/i18n";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function tooLargeResponse(request: Request, limitBytes: number): Response {
  // The session is not looked up for a refused body: the reader's switch decides, else Indonesian.
  const locale = preferredLocale(readCookies(request)[LOCALE_COOKIE], null);
  const t = translator(locale);
  const mb = Math.floor(limitBytes / (1024 * 1024));
  if (new URL(request.url).pathname.startsWith("/api/") || !(request.headers.get("accept") ?? "").includes("text/html")) {
    const body = errorBody(new AppError("too-large", "errors.tooLarge"), locale);
    body.error.message = `${body.error.message} ${t("errors.tooLargeBody", { mb })}`;
    return Response.json(body, { status: 413 });
  }
  const title = escapeHtml(t("errors.tooLarge"));
  const html = `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Lumbung</title></head>
<body><main><h1>${title}</h1><p>${escapeHtml(t("errors.tooLargeBody", { mb }))}</p><p><a href="/">${escapeHtml(t("nav.home"))}</a></p></main></body></html>`;
  return new Response(html, { status: 413, headers: { "content-type": "text/html; charset=utf-8" } });
}
