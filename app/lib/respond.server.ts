// The one boundary that turns typed errors into pages and API bodies.
import { data } from "react-router";
import { translator, type Locale } from "~/i18n";
import { AppError } from "./errors";

export type ErrorBody = {
  error: { code: string; reason: string; message: string; fields?: Record<string, string> };
};

export function errorBody(err: AppError, locale: Locale): ErrorBody {
  const t = translator(locale);
  return { error: { code: err.code, reason: err.reason, message: t(err.reason), fields: err.fields } };
}

/** Wrap a loader or action: AppError becomes a status page (through the ErrorBoundary). */
export function page<A, R>(fn: (args: A) => Promise<R>) {
  return async (args: A): Promise<R> => {
    try {
      return await fn(args);
    } catch (e) {
      if (e instanceof AppError) throw data(errorBody(e, "id"), { status: e.status });
      throw e;
    }
  };
}

/** Wrap an API resource route: AppError becomes a structured JSON error. */
export function api<A extends { request: Request }>(fn: (args: A) => Promise<Response>) {
  return async (args: A): Promise<Response> => {
    try {
      return await fn(args);
    } catch (e) {
      if (e instanceof AppError) return json(errorBody(e, "en"), e.status);
      throw e;
    }
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}
